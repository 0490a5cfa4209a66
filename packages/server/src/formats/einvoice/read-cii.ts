import { attribute, child, children, text, texts, type XmlNode } from '../camt/xml-tree.ts';
import { readCiiParty, readCiiPaymentMeans } from './cii-party.ts';
import { kindOfTypeCode, profileOf } from './einvoice-kind.ts';
import type { EInvoiceDocument, EInvoiceMoney, EInvoiceTotals } from './einvoice-model.ts';
import {
  isoDateOf,
  missing,
  optionalMinor,
  type ReadContext,
  readCurrency,
  readDate,
  readMinor,
  requiredText,
} from './einvoice-values.ts';

/** The element names of the two CII generations: UN/CEFACT D16B (Factur-X, ZUGFeRD 2.x) and ZUGFeRD 1.0. */
const LAYOUTS = {
  cii: {
    context: 'ExchangedDocumentContext',
    header: 'ExchangedDocument',
    transaction: 'SupplyChainTradeTransaction',
    agreement: 'ApplicableHeaderTradeAgreement',
    settlement: 'ApplicableHeaderTradeSettlement',
    summation: 'SpecifiedTradeSettlementHeaderMonetarySummation',
  },
  zugferd1: {
    context: 'SpecifiedExchangedDocumentContext',
    header: 'HeaderExchangedDocument',
    transaction: 'SpecifiedSupplyChainTradeTransaction',
    agreement: 'ApplicableSupplyChainTradeAgreement',
    settlement: 'ApplicableSupplyChainTradeSettlement',
    summation: 'SpecifiedTradeSettlementMonetarySummation',
  },
} as const;

type Layout = (typeof LAYOUTS)[keyof typeof LAYOUTS];

/**
 * A CII invoice (`rsm:CrossIndustryInvoice`, D16B) or a ZUGFeRD 1.0 one (`rsm:CrossIndustryDocument`),
 * every profile from MINIMUM to EXTENDED: `root` is the root element. Throws `import_unreadable` naming
 * the element when a mandatory one (number, type, issue date, currency, seller, buyer, grand total, amount
 * due) is missing or unreadable.
 */
export function readCii(root: XmlNode, syntax: 'cii' | 'zugferd1', ctx: ReadContext): EInvoiceDocument {
  const l = LAYOUTS[syntax];
  const header = child(root, l.header);
  const transaction = child(root, l.transaction);
  const agreement = child(transaction, l.agreement);
  const settlement = child(transaction, l.settlement);
  const where = paths(l);
  const currency = readCurrency(
    requiredText(settlement, ['InvoiceCurrencyCode'], where.settlement('InvoiceCurrencyCode'), ctx),
    where.settlement('InvoiceCurrencyCode'),
    ctx,
  );
  const typeCode = requiredText(header, ['TypeCode'], where.header('TypeCode'), ctx);
  const issueAt = where.header('IssueDateTime/udt:DateTimeString');
  const terms = paymentTerms(settlement);
  const profileId = text(root, l.context, 'GuidelineSpecifiedDocumentContextParameter', 'ID');
  const payee = child(settlement, 'PayeeTradeParty');
  return {
    syntax,
    number: requiredText(header, ['ID'], where.header('ID'), ctx),
    typeCode,
    kind: kindOfTypeCode(typeCode),
    issueDate: readDate(
      requiredText(header, ['IssueDateTime', 'DateTimeString'], issueAt, ctx),
      issueAt,
      ctx,
    ),
    dueDate: terms.dueDates[0] ?? null,
    dueDates: terms.dueDates,
    paymentTermsText: terms.text,
    currency,
    taxCurrency: text(settlement, 'TaxCurrencyCode'),
    seller: readCiiParty(child(agreement, 'SellerTradeParty'), where.agreement('SellerTradeParty'), ctx),
    buyer: readCiiParty(child(agreement, 'BuyerTradeParty'), where.agreement('BuyerTradeParty'), ctx),
    payee: payee === undefined ? null : readCiiParty(payee, where.settlement('PayeeTradeParty'), ctx),
    paymentReference: text(settlement, 'PaymentReference'),
    paymentMeans: children(settlement, 'SpecifiedTradeSettlementPaymentMeans').map((m) =>
      readCiiPaymentMeans(m, terms.mandateId),
    ),
    creditorReference: text(settlement, 'CreditorReferenceID'),
    referencedInvoices: referencedInvoices(settlement),
    buyerReference: text(agreement, 'BuyerReference'),
    orderReference:
      text(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID') ??
      text(agreement, 'BuyerOrderReferencedDocument', 'ID'),
    totals: readTotals(child(settlement, l.summation), currency, where.settlement(l.summation), ctx),
    lineCount: children(transaction, 'IncludedSupplyChainTradeLineItem').length,
    profile: profileOf(profileId),
    profileId,
  };
}

/** Element paths as a person finds them in the file, for refusals ('rsm:ExchangedDocument/ram:ID'). */
function paths(l: Layout) {
  const transaction = `rsm:${l.transaction}`;
  return {
    header: (name: string) => `rsm:${l.header}/ram:${name}`,
    agreement: (name: string) => `${transaction}/ram:${l.agreement}/ram:${name}`,
    settlement: (name: string) => `${transaction}/ram:${l.settlement}/ram:${name}`,
  };
}

/** Every SpecifiedTradePaymentTerms: the structured due dates in order, the terms in words, a mandate. */
function paymentTerms(settlement: XmlNode | undefined) {
  const terms = children(settlement, 'SpecifiedTradePaymentTerms');
  const dueDates = terms
    .map((t) => text(t, 'DueDateDateTime', 'DateTimeString'))
    .map((value) => (value === null ? null : isoDateOf(value)))
    .filter((date): date is string => date !== null);
  const words = terms.map((t) => texts(t, 'Description').join(' ')).filter((t) => t !== '');
  return {
    dueDates,
    text: words.length > 0 ? words.join('\n') : null,
    mandateId: terms.map((t) => text(t, 'DirectDebitMandateID')).find((m) => m !== null) ?? null,
  };
}

function referencedInvoices(settlement: XmlNode | undefined): string[] {
  const out: string[] = [];
  for (const reference of children(settlement, 'InvoiceReferencedDocument')) {
    const id = text(reference, 'IssuerAssignedID') ?? text(reference, 'ID');
    if (id !== null && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The header monetary summation: GrandTotal and DuePayable are mandatory (BT-112, BT-115), the rest optional. */
function readTotals(
  node: XmlNode | undefined,
  currency: string,
  where: string,
  ctx: ReadContext,
): EInvoiceTotals {
  const amount = (name: string) => optionalMinor(node, [name], currency, `${where}/ram:${name}`, ctx);
  const required = (name: string) => {
    const value = amount(name);
    if (value === null) throw missing(ctx, `${where}/ram:${name}`);
    return value;
  };
  const taxTotals: EInvoiceMoney[] = children(node, 'TaxTotalAmount').flatMap((tax) => {
    const value = text(tax);
    if (value === null) return [];
    const taxCurrency = attribute(tax, 'currencyID')?.toUpperCase() ?? currency;
    return [
      { minor: readMinor(value, taxCurrency, `${where}/ram:TaxTotalAmount`, ctx), currency: taxCurrency },
    ];
  });
  return {
    lineTotal: amount('LineTotalAmount'),
    allowanceTotal: amount('AllowanceTotalAmount'),
    chargeTotal: amount('ChargeTotalAmount'),
    taxBasis: amount('TaxBasisTotalAmount'),
    tax: taxTotals.find((t) => t.currency === currency)?.minor ?? null,
    taxTotals,
    grandTotal: required('GrandTotalAmount'),
    prepaid: amount('TotalPrepaidAmount') ?? 0,
    rounding: amount('RoundingAmount') ?? 0,
    duePayable: required('DuePayableAmount'),
  };
}
