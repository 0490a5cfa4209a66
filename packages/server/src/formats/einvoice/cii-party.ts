import { attribute, child, children, text, type XmlNode } from '../camt/xml-tree.ts';
import type {
  EInvoiceAddress,
  EInvoiceIdentifier,
  EInvoiceParty,
  EInvoicePaymentMeans,
} from './einvoice-model.ts';
import { compact, missing, oneLine, type ReadContext } from './einvoice-values.ts';

/**
 * A CII TradeParty (SellerTradeParty, BuyerTradeParty, PayeeTradeParty), the same in D16B and ZUGFeRD 1.0.
 * `element` names it in a refusal: a party without a name is refused (BT-27 / BT-44 are mandatory).
 */
export function readCiiParty(node: XmlNode | undefined, element: string, ctx: ReadContext): EInvoiceParty {
  const rawName = text(node, 'Name');
  if (node === undefined || rawName === null) throw missing(ctx, `${element}/ram:Name`);
  const name = oneLine(rawName);
  const legal = child(node, 'SpecifiedLegalOrganization');
  const contact = child(node, 'DefinedTradeContact');
  const uri = child(node, 'URIUniversalCommunication', 'URIID');
  const endpoint = identifier(uri);
  const contactEmail = text(contact, 'EmailURIUniversalCommunication', 'URIID');
  const address = readCiiAddress(child(node, 'PostalTradeAddress'));
  const ids = [...children(node, 'ID').map(identifier), ...children(node, 'GlobalID').map(identifier)].filter(
    (id): id is EInvoiceIdentifier => id !== null,
  );
  return {
    name,
    registrationName: name,
    tradingName: text(legal, 'TradingBusinessName'),
    legalId: identifier(child(legal, 'ID')),
    vatId: taxRegistration(node, 'VA'),
    ids,
    endpoint,
    email: contactEmail ?? (endpoint?.scheme === 'EM' ? endpoint.value : null),
    phone: text(contact, 'TelephoneUniversalCommunication', 'CompleteNumber'),
    contactName: text(contact, 'PersonName'),
    address,
    country: address?.country ?? null,
  };
}

function identifier(node: XmlNode | undefined): EInvoiceIdentifier | null {
  const value = text(node);
  return value === null ? null : { value, scheme: attribute(node, 'schemeID') };
}

/** The tax registration of a scheme (VA: VAT number, FC: national tax number), written without spaces. */
function taxRegistration(party: XmlNode, scheme: string): EInvoiceIdentifier | null {
  for (const registration of children(party, 'SpecifiedTaxRegistration')) {
    const id = child(registration, 'ID');
    const value = text(id);
    if (value !== null && attribute(id, 'schemeID') === scheme) return { value: compact(value), scheme };
  }
  return null;
}

function readCiiAddress(node: XmlNode | undefined): EInvoiceAddress | null {
  if (node === undefined) return null;
  const lines = ['LineOne', 'LineTwo', 'LineThree']
    .map((name) => text(node, name))
    .filter((line): line is string => line !== null);
  const address = {
    lines,
    postalCode: text(node, 'PostcodeCode'),
    city: text(node, 'CityName'),
    subdivision: text(node, 'CountrySubDivisionName'),
    country: text(node, 'CountryID')?.toUpperCase() ?? null,
  };
  const { postalCode, city, subdivision, country } = address;
  const empty = lines.length === 0 && [postalCode, city, subdivision, country].every((v) => v === null);
  return empty ? null : address;
}

/**
 * SpecifiedTradeSettlementPaymentMeans: the payee's account (IBAN, else a proprietary id) as written, its
 * BIC, and for a direct debit the buyer's account; the mandate is in the payment terms.
 */
export function readCiiPaymentMeans(node: XmlNode, mandateId: string | null): EInvoicePaymentMeans {
  const payee = child(node, 'PayeePartyCreditorFinancialAccount');
  return {
    typeCode: text(node, 'TypeCode'),
    information: text(node, 'Information'),
    iban: text(payee, 'IBANID') ?? text(payee, 'ProprietaryID'),
    accountName: text(payee, 'AccountName'),
    bic: text(node, 'PayeeSpecifiedCreditorFinancialInstitution', 'BICID'),
    payerIban: text(node, 'PayerPartyDebtorFinancialAccount', 'IBANID'),
    mandateId,
  };
}
