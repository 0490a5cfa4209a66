import { addDays, isValidSiren, minorToDecimalString, normalizeSiren, normalizeSiret } from '@relance/core';
import type { ImportField } from '../import-fields.ts';
import type { EInvoiceDocument, EInvoiceFile, EInvoiceParty } from './einvoice-model.ts';
import { isoDateOf } from './einvoice-values.ts';

/**
 * Where a claim's due date comes from: the document's first structured due date; else the latest date
 * written in its payment terms ('Zahlbar … netto bis 04.04.2018, 3% Skonto … bis 15.03.2018' → the net
 * date, 2018-04-04); else the issue date plus 30 days — the French default term when nothing is agreed
 * (C. com. L441-10 I; the delivery date, its legal start, is not in the document and precedes the
 * invoice). A collections user wants the invoice in, and not chased before its term.
 */
export type DueDateSource = 'document' | 'payment_terms' | 'default_term';

/** Days after the issue date when a document says nothing of its due date (C. com. L441-10 I). */
export const DEFAULT_TERM_DAYS = 30;

export function dueDateOf(document: EInvoiceDocument): { dueDate: string; source: DueDateSource } {
  if (document.dueDate !== null) return { dueDate: document.dueDate, source: 'document' };
  const written = datesWritten(document.paymentTermsText ?? '').filter((d) => d >= document.issueDate);
  const latest = written.sort().at(-1);
  if (latest !== undefined) return { dueDate: latest, source: 'payment_terms' };
  return { dueDate: addDays(document.issueDate, DEFAULT_TERM_DAYS), source: 'default_term' };
}

/** '04.04.2018', '4/4/2018' (day first, as written in Europe) and '2018-04-04' in a sentence. */
function datesWritten(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g)) {
    const date = isoDateOf(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
    if (date !== null) out.push(date);
  }
  for (const m of text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)) {
    const date = isoDateOf(m[1]!);
    if (date !== null) out.push(date);
  }
  return out;
}

/**
 * A document that lowers what the buyer owes rather than adding to it: a credit note, or an invoice or
 * corrective invoice whose amount due is negative (FNFE's F20220029, FeRD's Rechnungskorrektur, Peppol's
 * negative correction). A self-billed invoice (389) with positive amounts is a debt like any invoice.
 */
export function isCredit(document: EInvoiceDocument): boolean {
  const t = document.totals;
  return document.kind === 'credit_note' || t.duePayable < 0 || t.grandTotal < 0;
}

/**
 * A party's SIREN: one stated as such (legal id or identifier of scheme 0002, kept even when its check digit
 * is wrong — the import warns, as for a CSV), else from its SIRET, else a valid 9-digit legal id of a French
 * party without a scheme, else a valid one inside a French VAT number (FRkk + SIREN).
 */
export function sirenOf(party: EInvoiceParty): string | null {
  for (const id of [party.legalId, ...party.ids]) {
    if (id?.scheme !== '0002') continue;
    const siren = normalizeSiren(id.value);
    if (siren !== null) return siren;
  }
  const siret = siretOf(party);
  if (siret !== null) return siret.slice(0, 9);
  if (party.legalId !== null && party.legalId.scheme === null && party.country === 'FR') {
    const siren = normalizeSiren(party.legalId.value);
    if (siren !== null && isValidSiren(siren)) return siren;
  }
  const vat = party.vatId?.value.toUpperCase() ?? '';
  const fromVat = /^FR[0-9A-Z]{2}(\d{9})$/.exec(vat)?.[1];
  return fromVat !== undefined && isValidSiren(fromVat) ? fromVat : null;
}

/** A SIRET stated as such (scheme 0009), kept as written (14 digits) whatever its check digit. */
export function siretOf(party: EInvoiceParty): string | null {
  for (const id of [party.legalId, ...party.ids]) {
    if (id?.scheme !== '0009') continue;
    const siret = normalizeSiret(id.value);
    if (siret !== null) return siret;
  }
  return null;
}

/** Who is owed: the seller, known by its SIREN when it has one, else by its name. */
export type CreditorIdentity = {
  readonly ref: string;
  readonly name: string;
  readonly siren: string | null;
  readonly country: string | null;
};

export function creditorOf(document: EInvoiceDocument): CreditorIdentity {
  const seller = document.seller;
  const siren = sirenOf(seller);
  const name = seller.name.slice(0, 200);
  return { ref: siren ?? name, name, siren, country: seller.country };
}

/**
 * One claim row with the import's standard field names (every field present, '' when the document is silent),
 * but tags: an invoice never carries the debtor's.
 */
export type ClaimRecord = Readonly<Record<EInvoiceField, string>>;
export type EInvoiceField = Exclude<ImportField, 'tags'>;

/** Languages a buyer's country points to; anyone else is written to in English. */
const FRENCH_SPEAKING = new Set(['FR', 'MC']);

/**
 * The claim an invoice becomes: amount = what the invoice asks in all (grand total plus rounding),
 * outstanding = the amount due after prepayments and rounding; the debtor is the buyer with its legal ids,
 * e-mail and address; external_ref is the payment reference; the description, the payment terms as written.
 */
export function claimRecord(file: EInvoiceFile): ClaimRecord {
  const d = file.document;
  const buyer = d.buyer;
  const money = (minor: number) => minorToDecimalString(minor, d.currency);
  const address = buyer.address;
  const siret = siretOf(buyer);
  const customerCode = buyer.ids.find((id) => id.scheme === null)?.value ?? '';
  return {
    invoice_number: d.number,
    issue_date: d.issueDate,
    due_date: dueDateOf(d).dueDate,
    amount: money(d.totals.grandTotal + d.totals.rounding),
    outstanding: money(d.totals.duePayable),
    currency: d.currency,
    debtor_ref: customerCode,
    debtor_name: buyer.name,
    debtor_kind: '',
    siren: sirenOf(buyer) ?? '',
    siret: siret ?? '',
    vat_number: buyer.vatId?.value ?? '',
    email: buyer.email ?? '',
    phone: buyer.phone ?? '',
    mobile: '',
    address_line1: address?.lines[0] ?? '',
    address_line2: address?.lines.slice(1).join(', ') ?? '',
    postal_code: address?.postalCode ?? '',
    city: address?.city ?? '',
    country: buyer.country ?? '',
    language: buyer.country === null ? '' : FRENCH_SPEAKING.has(buyer.country) ? 'fr' : 'en',
    disputed: '',
    dispute_reason: '',
    settled_date: '',
    external_ref: d.paymentReference ?? '',
    description: d.paymentTermsText ?? '',
  };
}

/** What a credit document takes off the invoices it names, once: its key, amount and currency. */
export type CreditPlan = {
  /** The credit's identity for "applied once": its kind, number and date. */
  readonly key: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly invoices: readonly string[];
};

export function creditPlan(document: EInvoiceDocument): CreditPlan {
  return {
    key: `${document.kind}:${document.typeCode}:${document.number}:${document.issueDate}`,
    amountMinor: Math.abs(document.totals.duePayable),
    currency: document.currency,
    invoices: document.referencedInvoices,
  };
}
