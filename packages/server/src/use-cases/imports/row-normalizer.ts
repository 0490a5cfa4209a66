import {
  type DateOrder,
  type DecimalSeparator,
  deriveClaimStatus,
  minorUnitDigits,
  parseAmount,
  parseDate,
} from '@relance/core';
import type { ClaimStatus, DebtorKind } from '../../db/schema.ts';
import type { ColumnIndexes } from '../../formats/mapping.ts';
import type { TableRow } from '../../formats/tabular.ts';
import { creditorColumnOf, namesCreditor } from './creditor-column.ts';
import { plainAmount } from './fast-amount.ts';
import type { ImportLocale, RowIssue, RowWarning } from './import-issues.ts';
import { own } from './own-string.ts';
import { type ContactInput, contactReader, postalContact } from './row-contacts.ts';
import { type DebtorCells, type DebtorInput, readDebtor } from './row-debtor.ts';
import { cellsHash30 } from './row-hash.ts';
import { RowIssues } from './row-issues.ts';
import { readCountry, readCurrency, readFlag } from './value-readers.ts';

export type { DebtorInput } from './row-debtor.ts';

export type NormalizeSettings = {
  readonly columns: ColumnIndexes;
  readonly headers: readonly string[];
  readonly dateOrder: DateOrder;
  readonly decimalSeparator: DecimalSeparator;
  readonly defaultCurrency: string;
  readonly defaultDebtorKind: DebtorKind | null;
  readonly locale: ImportLocale;
  /** The import's creditor: a row whose creditor column names another is rejected. */
  readonly creditor: { readonly ref: string; readonly name: string };
};

export type ClaimInput = {
  readonly row: number;
  readonly invoiceNumber: string;
  readonly issueDate: string | null;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  readonly currency: string;
  readonly status: ClaimStatus;
  readonly disputeReason: string | null;
  readonly externalRef: string | null;
  readonly description: string | null;
  readonly debtor: DebtorInput;
  /** Hash of the contact cells as written: when a debtor's next row has the same, they are not read again. */
  readonly contactSignature: number;
};

export type RowOutcome =
  | { readonly ok: true; readonly claim: ClaimInput; readonly warnings: readonly RowWarning[] }
  | {
      readonly ok: false;
      readonly rejections: readonly RowIssue[];
      readonly warnings: readonly RowWarning[];
    };

const MAX_INVOICE_NUMBER = 100;
const MAX_TEXT = 2000;
const NONE: readonly never[] = [];

type Columns = Readonly<Record<keyof ColumnIndexes, number>>;

/**
 * Validates and normalises one row into a claim, its debtor and contacts — or says why the row is refused.
 * Refused: what makes the claim unusable (no invoice number, due date, amount, currency or debtor).
 * Kept with a warning: what only weakens it (an invalid e-mail, phone or SIREN is stored as invalid).
 */
export class RowNormalizer {
  readonly #s: NormalizeSettings;
  readonly #c: Columns;
  readonly #dates = new Map<string, string | null>();
  readonly #width: number;
  readonly #debtorColumns: DebtorCells['columns'];
  readonly #contactColumns: readonly number[];
  readonly #creditorColumn: number;

  constructor(settings: NormalizeSettings) {
    this.#s = settings;
    const c = Object.fromEntries(Object.entries(settings.columns).map(([f, i]) => [f, i ?? -1])) as Columns;
    this.#c = c;
    this.#width = settings.headers.length;
    this.#creditorColumn = creditorColumnOf(settings.headers);
    this.#contactColumns = [
      c.email,
      c.phone,
      c.mobile,
      c.address_line1,
      c.address_line2,
      c.postal_code,
      c.city,
      c.country,
    ].filter((i) => i >= 0);
    this.#debtorColumns = {
      ref: c.debtor_ref,
      name: c.debtor_name,
      kind: c.debtor_kind,
      siren: c.siren,
      siret: c.siret,
      vat: c.vat_number,
      language: c.language,
      tags: c.tags,
    };
  }

  normalize(row: TableRow): RowOutcome {
    const f = row.fields;
    const c = this.#c;
    const issues = new RowIssues(row.row, this.#s.headers, this.#s.locale);
    if (f.length > this.#width && f.slice(this.#width).some((x) => x.trim() !== '')) {
      issues.reject(-1, 'too_many_columns', null, `${f.length} / ${this.#width}`);
      return { ok: false, rejections: issues.rejections!, warnings: NONE };
    }
    const invoiceNumber = cell(f, c.invoice_number);
    if (invoiceNumber === '') issues.reject(c.invoice_number, 'missing_value', null);
    else if (invoiceNumber.length > MAX_INVOICE_NUMBER)
      issues.reject(c.invoice_number, 'value_too_long', invoiceNumber);

    if (this.#creditorColumn >= 0 && !namesCreditor(cell(f, this.#creditorColumn), this.#s.creditor))
      issues.reject(this.#creditorColumn, 'other_creditor', cell(f, this.#creditorColumn));

    const currencyText = cell(f, c.currency);
    const currency = currencyText === '' ? this.#s.defaultCurrency : readCurrency(currencyText);
    if (currency === null) issues.reject(c.currency, 'invalid_currency', currencyText);

    const dueDate = this.#date(f, c.due_date, true, issues);
    const issueDate = this.#date(f, c.issue_date, false, issues);
    const settledDate = this.#date(f, c.settled_date, false, issues);
    const amounts = currency === null ? null : this.#amounts(f, currency, settledDate !== null, issues);
    const country = cell(f, c.country) === '' ? null : readCountry(cell(f, c.country));
    const debtor = readDebtor(
      {
        ref: cell(f, c.debtor_ref),
        name: cell(f, c.debtor_name),
        kind: cell(f, c.debtor_kind),
        siren: cell(f, c.siren),
        siret: cell(f, c.siret),
        vat: cell(f, c.vat_number),
        language: cell(f, c.language),
        tags: cell(f, c.tags),
        postalCode: cell(f, c.postal_code),
        country,
        columns: this.#debtorColumns,
      },
      this.#s.defaultDebtorKind,
      issues,
    );
    if (issues.rejected || amounts === null || dueDate === null || debtor === null || currency === null) {
      return { ok: false, rejections: issues.rejections ?? NONE, warnings: issues.warnings ?? NONE };
    }
    if (issueDate !== null && dueDate < issueDate)
      issues.warn(c.due_date, 'due_before_issue', cell(f, c.due_date));

    // A free text in a 'Litige' column is the dispute itself, told in words.
    const disputedText = cell(f, c.disputed);
    const flag = disputedText === '' ? null : readFlag(disputedText);
    const reasonText = cell(f, c.dispute_reason);
    const disputed = disputedText !== '' ? (flag ?? true) : reasonText !== '';
    const disputeReason = disputed ? clip(reasonText || (flag === null ? disputedText : '')) : null;
    const claim: ClaimInput = {
      row: row.row,
      invoiceNumber,
      issueDate,
      dueDate,
      amountMinor: amounts.amount,
      outstandingMinor: amounts.outstanding,
      currency,
      status: deriveClaimStatus({ outstandingMinor: amounts.outstanding, disputed }),
      disputeReason,
      externalRef: clip(cell(f, c.external_ref)),
      description: clip(cell(f, c.description)),
      debtor,
      contactSignature: cellsHash30(f, this.#contactColumns),
    };
    return { ok: true, claim, warnings: issues.warnings ?? NONE };
  }

  #date(f: readonly string[], column: number, required: boolean, issues: RowIssues): string | null {
    const text = cell(f, column);
    if (text === '') {
      if (required) issues.reject(column, 'missing_value', null);
      return null;
    }
    let iso = this.#dates.get(text);
    if (iso === undefined) {
      const parsed = parseDate(text, this.#s.dateOrder);
      iso = parsed.ok ? parsed.value : null;
      if (this.#dates.size > 100_000) this.#dates.clear();
      this.#dates.set(own(text), iso);
    }
    if (iso === null) issues.reject(column, 'invalid_date', text);
    return iso;
  }

  /** Amount and outstanding: one may stand for the other; a settled date means nothing is left to pay. */
  #amounts(
    f: readonly string[],
    currency: string,
    settled: boolean,
    issues: RowIssues,
  ): { amount: number; outstanding: number } | null {
    const c = this.#c;
    const amountText = cell(f, c.amount);
    const outstandingText = cell(f, c.outstanding);
    if (amountText === '' && outstandingText === '') {
      issues.reject(c.amount >= 0 ? c.amount : c.outstanding, 'missing_value', null);
      return null;
    }
    const amountRead = this.#amount(amountText, currency, c.amount, issues);
    const outstandingRead =
      outstandingText === amountText
        ? amountRead
        : this.#amount(outstandingText, currency, c.outstanding, issues);
    if (amountRead === null || outstandingRead === null) return null;
    const amount = amountRead === undefined ? outstandingRead! : amountRead;
    const outstanding = outstandingRead === undefined ? (settled ? 0 : amount) : outstandingRead;
    const amountColumn = amountRead === undefined ? c.outstanding : c.amount;
    if (amount <= 0) issues.reject(amountColumn, 'non_positive_amount', amountText || outstandingText);
    else if (outstanding < 0) issues.reject(c.outstanding, 'negative_outstanding', outstandingText);
    else if (outstanding > amount)
      issues.reject(c.outstanding, 'outstanding_exceeds_amount', outstandingText, amountText);
    return { amount, outstanding };
  }

  /** Minor units; undefined for an empty cell; null (and a rejection) when unreadable. */
  #amount(text: string, currency: string, column: number, issues: RowIssues): number | null | undefined {
    if (text === '') return undefined;
    const fast = plainAmount(text, this.#s.decimalSeparator, minorUnitDigits(currency));
    if (fast !== undefined) return fast;
    const parsed = parseAmount(text, currency, this.#s.decimalSeparator);
    if (parsed.ok) return parsed.value;
    issues.reject(column, 'invalid_amount', text);
    return null;
  }

  /** The row's contacts, normalised; an invalid e-mail or phone is kept, marked invalid, with a warning. */
  contacts(row: TableRow): { readonly contacts: ContactInput[]; readonly warnings: readonly RowWarning[] } {
    const f = row.fields;
    const c = this.#c;
    const issues = new RowIssues(row.row, this.#s.headers, this.#s.locale);
    const country = cell(f, c.country) === '' ? null : readCountry(cell(f, c.country));
    const contacts: ContactInput[] = [];
    const phoneCountry = country !== null && /^[A-Z]{2}$/.test(country) ? country : null;
    const email = cell(f, c.email);
    if (email !== '') contacts.push(contactReader.email(email, c.email, issues));
    const phone = cell(f, c.phone);
    if (phone !== '') contacts.push(contactReader.phone(phone, phoneCountry, false, c.phone, issues));
    const mobile = cell(f, c.mobile);
    if (mobile !== '' && mobile !== phone)
      contacts.push(contactReader.phone(mobile, phoneCountry, true, c.mobile, issues));
    const postal = postalContact({
      line1: cell(f, c.address_line1) || null,
      line2: cell(f, c.address_line2) || null,
      postalCode: cell(f, c.postal_code) || null,
      city: cell(f, c.city) || null,
      country,
    });
    if (postal !== null) contacts.push(postal);
    return { contacts, warnings: issues.warnings ?? NONE };
  }
}

function cell(f: readonly string[], i: number): string {
  return i < 0 ? '' : (f[i] ?? '').trim();
}

function clip(text: string): string | null {
  if (text === '') return null;
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
