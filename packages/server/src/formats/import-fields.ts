/** The fields an import can fill, in the order they are shown to a person mapping columns. */
export const IMPORT_FIELDS = [
  'invoice_number',
  'issue_date',
  'due_date',
  'amount',
  'outstanding',
  'currency',
  'debtor_ref',
  'debtor_name',
  'debtor_kind',
  'siren',
  'siret',
  'vat_number',
  'email',
  'phone',
  'mobile',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'language',
  'tags',
  'disputed',
  'dispute_reason',
  'settled_date',
  'external_ref',
  'description',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

const FIELD_SET: ReadonlySet<string> = new Set(IMPORT_FIELDS);

export function isImportField(name: string): name is ImportField {
  return FIELD_SET.has(name);
}

/**
 * What people call each field in French and English exports (accounting tools, ERPs, spreadsheets).
 * Compared after `headerKey`: case, accents, spaces and punctuation do not matter, so 'N° facture',
 * 'N°Facture' and 'n facture' are one entry, and 'invoiceNumber' equals 'Invoice number'.
 */
export const FIELD_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  invoice_number: list(
    'N° facture | No facture | Num facture | Numéro de facture | Numéro facture | Facture | ' +
      'N° de facture | Réf facture | Référence facture | Référence pièce | Ref pièce | N° pièce | ' +
      'Numéro de pièce | Pièce | invoiceNumber | Invoice No | Invoice # | Invoice number | ' +
      'Invoice | Invoice ID | Invoice ref | Document number | Doc No | Document No',
  ),
  issue_date: list(
    "Date facture | Date de facture | Date d'émission | Date émission | Date de la facture | " +
      'Date pièce | Date document | Date | InvoiceDate | Invoice date | Issue date | ' +
      'Date of issue | Document date',
  ),
  due_date: list(
    "Date d'échéance | Échéance | Date échéance | Échéance facture | Date limite de paiement | " +
      'Date limite | DueDate | Due date | Due | Payment due date | Due on',
  ),
  amount: list(
    'Montant TTC | Montant | Total | Total TTC | Montant facture | Montant total | ' +
      'Montant de la facture | InvoiceAmount | Invoice amount | Amount | Total amount | ' +
      'Gross amount | Amount incl tax',
  ),
  outstanding: list(
    'Reste à payer | Solde | Restant dû | Reste dû | Montant restant | Montant dû | ' +
      'Solde restant | Reste à recouvrer | Solde dû | Outstanding | Outstanding amount | Balance | ' +
      'Balance due | Amount due | AmountDue | Open amount | Remaining | Remaining amount',
  ),
  currency: list('Devise | Monnaie | Code devise | Currency | Currency code | Ccy'),
  debtor_ref: list(
    'Code client | N° client | Numéro client | Numéro de client | Réf client | ' +
      'Référence client | Compte client | Compte tiers | Code tiers | Identifiant client | ' +
      'ID client | customerID | Customer ID | Customer code | Customer number | Customer no | ' +
      'Customer ref | Account number | Account no | Client ID | Debtor ID | Debtor ref | ' +
      'ContactID | Contact ID',
  ),
  debtor_name: list(
    'Raison sociale | Nom | Client | Débiteur | Nom client | Nom du client | Société | ' +
      'Entreprise | Dénomination | Tiers | Nom tiers | ContactName | Contact name | Customer | ' +
      'Customer name | Company | Company name | Name | Debtor | Debtor name | Account name',
  ),
  debtor_kind: list(
    'Type client | Type de client | Catégorie client | Typologie | Typologie client | B2B/B2C | ' +
      'Customer type | Debtor type',
  ),
  siren: list('SIREN | N° SIREN | Numéro SIREN | Siren client | SIREN client'),
  siret: list('SIRET | N° SIRET | Numéro SIRET | Siret client | SIRET client'),
  vat_number: list(
    'N° TVA | Numéro de TVA | N° TVA intracommunautaire | TVA intracommunautaire | ' +
      'N° TVA intracom | TVA intracom | VAT | VAT number | VAT ID | VAT No | Tax ID | TaxNumber | ' +
      'Tax number',
  ),
  email: list(
    'E-mail | Email | Mail | Courriel | Adresse e-mail | Adresse mail | Adresse électronique | ' +
      'EmailAddress | Email address | E-mail address',
  ),
  phone: list(
    'Téléphone | Tel | Tél | Téléphone fixe | N° téléphone | Numéro de téléphone | Tél fixe | ' +
      'Phone | Phone number | Telephone | Landline | PhoneNumber',
  ),
  mobile: list(
    'Mobile | Portable | Téléphone portable | Téléphone mobile | Tél portable | Tél mobile | ' +
      'GSM | Mobile phone | Mobile number | Cell | Cell phone | MobileNumber',
  ),
  address_line1: list(
    'Adresse | Adresse 1 | Adresse ligne 1 | Rue | Voie | Address | Address 1 | Address line 1 | ' +
      'Street | POAddressLine1 | AddressLine1',
  ),
  address_line2: list(
    "Adresse 2 | Adresse ligne 2 | Complément d'adresse | Complément adresse | Address 2 | " +
      'Address line 2 | POAddressLine2 | AddressLine2',
  ),
  postal_code: list('Code postal | CP | Zip | Zip code | Zipcode | Postcode | Postal code | POPostalCode'),
  city: list('Ville | Commune | Localité | City | Town | POCity'),
  country: list('Pays | Code pays | Country | POCountry | Country name'),
  language: list('Langue | Language | Lang | Locale | Langue client'),
  tags: list(
    'Étiquettes | Étiquette | Tags | Tag | Profil | Profil client | Segment client | Labels | ' +
      'Customer tags | Debtor tags',
  ),
  disputed: list(
    'Litige | En litige | Contesté | Contestation | Disputed | Dispute | In dispute | ' + 'Contested',
  ),
  dispute_reason: list(
    'Motif litige | Motif du litige | Raison litige | Motif de contestation | Dispute reason | ' +
      'Reason for dispute',
  ),
  settled_date: list(
    'Date de règlement | Date règlement | Date de paiement | Date paiement | Réglée le | ' +
      'Payée le | SettledDate | Settled date | Settled on | Paid date | Payment date | Date paid | ' +
      'Paid on',
  ),
  external_ref: list(
    'Référence | Réf | Ref | Référence externe | Votre référence | N° commande | ' +
      'Bon de commande | Reference | External ref | External reference | Order number | ' +
      'PO number',
  ),
  description: list('Description | Libellé | Objet | Désignation | Commentaire | Memo | Label | Narration'),
};

function list(names: string): readonly string[] {
  return names.split(' | ');
}

/**
 * The comparison key of a header: lower case, no accents, letters and digits only ('N° facture' → 'nfacture',
 * "Date d'échéance" → 'datedecheance', '*InvoiceNumber' → 'invoicenumber').
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]/g, '')
    .replace(/#/g, '');
}
