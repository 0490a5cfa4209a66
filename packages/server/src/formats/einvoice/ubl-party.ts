import { attribute, child, children, text, type XmlNode } from '../camt/xml-tree.ts';
import type {
  EInvoiceAddress,
  EInvoiceIdentifier,
  EInvoiceParty,
  EInvoicePaymentMeans,
} from './einvoice-model.ts';
import { compact, missing, oneLine, type ReadContext } from './einvoice-values.ts';

/**
 * A UBL party (`cac:Party` of AccountingSupplierParty / AccountingCustomerParty, or `cac:PayeeParty`):
 * PartyLegalEntity/RegistrationName is its legal name (BT-27 / BT-44), PartyName/Name its trading name.
 * A party with neither is refused.
 */
export function readUblParty(node: XmlNode | undefined, element: string, ctx: ReadContext): EInvoiceParty {
  const legal = child(node, 'PartyLegalEntity');
  const registrationName = oneLineOrNull(text(legal, 'RegistrationName'));
  const tradingName = oneLineOrNull(text(node, 'PartyName', 'Name'));
  const name = registrationName ?? tradingName;
  if (node === undefined || name === null)
    throw missing(ctx, `${element}/cac:PartyLegalEntity/cbc:RegistrationName`);
  const contact = child(node, 'Contact');
  const endpoint = identifier(child(node, 'EndpointID'));
  const address = readUblAddress(child(node, 'PostalAddress'));
  const ids = children(node, 'PartyIdentification')
    .map((p) => identifier(child(p, 'ID')))
    .filter((id): id is EInvoiceIdentifier => id !== null);
  return {
    name,
    registrationName,
    tradingName,
    legalId: identifier(child(legal, 'CompanyID')),
    vatId: vatOf(node),
    ids,
    endpoint,
    email: text(contact, 'ElectronicMail') ?? (endpoint?.scheme === 'EM' ? endpoint.value : null),
    phone: text(contact, 'Telephone'),
    contactName: text(contact, 'Name'),
    address,
    country: address?.country ?? null,
  };
}

function oneLineOrNull(value: string | null): string | null {
  return value === null ? null : oneLine(value);
}

function identifier(node: XmlNode | undefined): EInvoiceIdentifier | null {
  const value = text(node);
  return value === null ? null : { value, scheme: attribute(node, 'schemeID') };
}

/** PartyTaxScheme whose TaxScheme is VAT (a Norwegian party may add one for its register, 'TAX'). */
function vatOf(party: XmlNode | undefined): EInvoiceIdentifier | null {
  for (const scheme of children(party, 'PartyTaxScheme')) {
    const value = text(scheme, 'CompanyID');
    const kind = text(scheme, 'TaxScheme', 'ID');
    if (value !== null && (kind === null || kind.toUpperCase() === 'VAT')) {
      return { value: compact(value), scheme: 'VAT' };
    }
  }
  return null;
}

function readUblAddress(node: XmlNode | undefined): EInvoiceAddress | null {
  if (node === undefined) return null;
  const lines = [
    text(node, 'StreetName'),
    text(node, 'AdditionalStreetName'),
    ...children(node, 'AddressLine').map((line) => text(line, 'Line')),
  ].filter((line): line is string => line !== null);
  const postalCode = text(node, 'PostalZone');
  const city = text(node, 'CityName');
  const subdivision = text(node, 'CountrySubentity');
  const country = text(node, 'Country', 'IdentificationCode')?.toUpperCase() ?? null;
  const empty = lines.length === 0 && [postalCode, city, subdivision, country].every((v) => v === null);
  return empty ? null : { lines, postalCode, city, subdivision, country };
}

/** cac:PaymentMeans: the payee's account as written, its BIC, and a direct debit's mandate and account. */
export function readUblPaymentMeans(node: XmlNode): EInvoicePaymentMeans {
  const account = child(node, 'PayeeFinancialAccount');
  const mandate = child(node, 'PaymentMandate');
  return {
    typeCode: text(node, 'PaymentMeansCode'),
    information: attribute(child(node, 'PaymentMeansCode'), 'name'),
    iban: text(account, 'ID'),
    accountName: text(account, 'Name'),
    bic: text(account, 'FinancialInstitutionBranch', 'ID'),
    payerIban: text(mandate, 'PayerFinancialAccount', 'ID'),
    mandateId: text(mandate, 'ID'),
  };
}
