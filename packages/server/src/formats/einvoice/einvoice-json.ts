import { minorToDecimalString } from '@relance/core';
import { dueDateOf, sirenOf, siretOf } from './einvoice-claims.ts';
import type { EInvoiceFile, EInvoiceParty } from './einvoice-model.ts';

type Json = Readonly<Record<string, unknown>>;

/** An amount as `--json` prints money everywhere: the decimal as written in its currency, and minor units. */
function money(minor: number | null, currency: string): Json | null {
  return minor === null ? null : { decimal: minorToDecimalString(minor, currency), minor, currency };
}

/**
 * One e-invoice as `relance import --json` prints it: number, type (code and kind), issue and due dates
 * (the document's, and the one the claim takes with where it comes from), seller and buyer with their legal
 * ids, currency, totals and the amount due after prepayments and rounding, payment reference and accounts,
 * and for a PDF which attachment was read.
 */
export function einvoiceJson(file: EInvoiceFile): Json {
  const d = file.document;
  const c = d.currency;
  const t = d.totals;
  const due = dueDateOf(d);
  return {
    file: file.fileName,
    container: file.container,
    syntax: d.syntax,
    profile: d.profile,
    profileId: d.profileId,
    number: d.number,
    type: { code: d.typeCode, kind: d.kind },
    issueDate: d.issueDate,
    dueDate: d.dueDate,
    dueDates: d.dueDates,
    claimDueDate: { date: due.dueDate, source: due.source },
    paymentTerms: d.paymentTermsText,
    currency: c,
    taxCurrency: d.taxCurrency,
    seller: partyJson(d.seller),
    buyer: partyJson(d.buyer),
    payee: d.payee === null ? null : partyJson(d.payee),
    totals: {
      lineTotal: money(t.lineTotal, c),
      allowanceTotal: money(t.allowanceTotal, c),
      chargeTotal: money(t.chargeTotal, c),
      taxBasis: money(t.taxBasis, c),
      tax: money(t.tax, c),
      taxTotals: t.taxTotals.map((x) => money(x.minor, x.currency)),
      grandTotal: money(t.grandTotal, c),
      prepaid: money(t.prepaid, c),
      rounding: money(t.rounding, c),
      duePayable: money(t.duePayable, c),
    },
    amountDue: money(t.duePayable, c),
    paymentReference: d.paymentReference,
    iban: d.paymentMeans.find((m) => m.iban !== null)?.iban ?? null,
    paymentMeans: d.paymentMeans,
    creditorReference: d.creditorReference,
    referencedInvoices: d.referencedInvoices,
    buyerReference: d.buyerReference,
    orderReference: d.orderReference,
    lineCount: d.lineCount,
    pdf: file.pdf,
  };
}

function partyJson(p: EInvoiceParty): Json {
  return {
    name: p.name,
    registrationName: p.registrationName,
    tradingName: p.tradingName,
    legalId: p.legalId,
    vatId: p.vatId,
    siren: sirenOf(p),
    siret: siretOf(p),
    ids: p.ids,
    endpoint: p.endpoint,
    email: p.email,
    phone: p.phone,
    country: p.country,
    address: p.address,
  };
}
