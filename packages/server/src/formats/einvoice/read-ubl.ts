import { attribute, child, children, text, texts, type XmlNode } from '../camt/xml-tree.ts';
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
import { readUblParty, readUblPaymentMeans } from './ubl-party.ts';

/**
 * A UBL 2.1 `Invoice` or `CreditNote` (EN 16931, Peppol BIS Billing 3.0, XRechnung UBL): `root` is the
 * root element, `creditNote` whether it is a CreditNote. An invoice's due date is cbc:DueDate; a credit
 * note has none there, only cac:PaymentMeans/cbc:PaymentDueDate, read for both.
 */
export function readUbl(root: XmlNode, creditNote: boolean, ctx: ReadContext): EInvoiceDocument {
  const rootName = creditNote ? 'CreditNote' : 'Invoice';
  const at = (name: string) => `${rootName}/${name}`;
  const currencyAt = at('cbc:DocumentCurrencyCode');
  const currency = readCurrency(
    requiredText(root, ['DocumentCurrencyCode'], currencyAt, ctx),
    currencyAt,
    ctx,
  );
  const typeName = creditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode';
  const typeCode = requiredText(root, [typeName], at(`cbc:${typeName}`), ctx);
  const means = children(root, 'PaymentMeans');
  const dueDates = unique(
    [text(root, 'DueDate'), ...means.map((m) => text(m, 'PaymentDueDate'))]
      .map((value) => (value === null ? null : isoDateOf(value)))
      .filter((date): date is string => date !== null),
  );
  const termsText = children(root, 'PaymentTerms').flatMap((t) => texts(t, 'Note'));
  const profileId = text(root, 'CustomizationID');
  const payee = child(root, 'PayeeParty');
  return {
    syntax: creditNote ? 'ubl-credit-note' : 'ubl-invoice',
    number: requiredText(root, ['ID'], at('cbc:ID'), ctx),
    typeCode,
    kind: kindOfTypeCode(typeCode, creditNote),
    issueDate: readDate(
      requiredText(root, ['IssueDate'], at('cbc:IssueDate'), ctx),
      at('cbc:IssueDate'),
      ctx,
    ),
    dueDate: dueDates[0] ?? null,
    dueDates,
    paymentTermsText: termsText.length > 0 ? termsText.join('\n') : null,
    currency,
    taxCurrency: text(root, 'TaxCurrencyCode'),
    seller: readUblParty(
      child(root, 'AccountingSupplierParty', 'Party'),
      at('cac:AccountingSupplierParty/cac:Party'),
      ctx,
    ),
    buyer: readUblParty(
      child(root, 'AccountingCustomerParty', 'Party'),
      at('cac:AccountingCustomerParty/cac:Party'),
      ctx,
    ),
    payee: payee === undefined ? null : readUblParty(payee, at('cac:PayeeParty'), ctx),
    paymentReference: means.map((m) => text(m, 'PaymentID')).find((id) => id !== null) ?? null,
    paymentMeans: means.map(readUblPaymentMeans),
    creditorReference: null,
    referencedInvoices: unique(
      children(root, 'BillingReference')
        .map((b) => text(b, 'InvoiceDocumentReference', 'ID'))
        .filter((id): id is string => id !== null),
    ),
    buyerReference: text(root, 'BuyerReference'),
    orderReference: text(root, 'OrderReference', 'ID'),
    totals: readTotals(root, currency, at('cac:LegalMonetaryTotal'), ctx),
    lineCount: children(root, creditNote ? 'CreditNoteLine' : 'InvoiceLine').length,
    profile: profileOf(profileId),
    profileId,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** LegalMonetaryTotal: TaxInclusiveAmount and PayableAmount are mandatory (BT-112, BT-115). */
function readTotals(root: XmlNode, currency: string, where: string, ctx: ReadContext): EInvoiceTotals {
  const total = child(root, 'LegalMonetaryTotal');
  const amount = (name: string) => optionalMinor(total, [name], currency, `${where}/cbc:${name}`, ctx);
  const required = (name: string) => {
    const value = amount(name);
    if (value === null) throw missing(ctx, `${where}/cbc:${name}`);
    return value;
  };
  const taxTotals: EInvoiceMoney[] = children(root, 'TaxTotal').flatMap((tax) => {
    const node = child(tax, 'TaxAmount');
    const value = text(node);
    if (value === null) return [];
    const taxCurrency = attribute(node, 'currencyID')?.toUpperCase() ?? currency;
    const element = `${where.split('/')[0]}/cac:TaxTotal/cbc:TaxAmount`;
    return [{ minor: readMinor(value, taxCurrency, element, ctx), currency: taxCurrency }];
  });
  return {
    lineTotal: amount('LineExtensionAmount'),
    allowanceTotal: amount('AllowanceTotalAmount'),
    chargeTotal: amount('ChargeTotalAmount'),
    taxBasis: amount('TaxExclusiveAmount'),
    tax: taxTotals.find((t) => t.currency === currency)?.minor ?? null,
    taxTotals,
    grandTotal: required('TaxInclusiveAmount'),
    prepaid: amount('PrepaidAmount') ?? 0,
    rounding: amount('PayableRoundingAmount') ?? 0,
    duePayable: required('PayableAmount'),
  };
}
