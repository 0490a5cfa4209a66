/** What an e-invoice says about money, dates and parties: the same value whatever the syntax it came in. */

/** The XML syntax of the invoice itself (a Factur-X / ZUGFeRD PDF carries CII, or ZUGFeRD 1.0's CII). */
export type EInvoiceSyntax = 'cii' | 'zugferd1' | 'ubl-invoice' | 'ubl-credit-note';

/**
 * What the document does to the buyer's debt, from its type code (UNTDID 1001): an invoice (380 and its
 * kin), a credit note (381, 261, 396…), a corrective invoice (384), a self-billed invoice (389, issued by
 * the buyer on the seller's behalf — still a debt of the buyer's, not a credit).
 */
export type EInvoiceKind = 'invoice' | 'credit_note' | 'corrective' | 'self_billed';

export type EInvoiceIdentifier = { readonly value: string; readonly scheme: string | null };

export type EInvoiceAddress = {
  readonly lines: readonly string[];
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly subdivision: string | null;
  readonly country: string | null;
};

export type EInvoiceParty = {
  /** The name to address the party by: its registered name when given, else its trading name. */
  readonly name: string;
  /** The full formal name it is registered under (EN 16931 BT-27 / BT-44). */
  readonly registrationName: string | null;
  /** The name it trades under, when the document gives one apart. */
  readonly tradingName: string | null;
  /** Its registration in a legal register (SIREN scheme 0002, SIRET 0009, KvK 0106…). */
  readonly legalId: EInvoiceIdentifier | null;
  readonly vatId: EInvoiceIdentifier | null;
  /** Identifiers given to it: the seller's customer code (no scheme), GLN (0088), DUNS (0060)… */
  readonly ids: readonly EInvoiceIdentifier[];
  /** Its electronic address (Peppol endpoint, e-mail with scheme EM…). */
  readonly endpoint: EInvoiceIdentifier | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contactName: string | null;
  readonly address: EInvoiceAddress | null;
  readonly country: string | null;
};

export type EInvoicePaymentMeans = {
  /** UNTDID 4461: 30/58 credit transfer, 49/59 direct debit, 48 card, 1 not defined… */
  readonly typeCode: string | null;
  readonly information: string | null;
  /** The payee's account exactly as written (often with spaces), IBAN or another account id. */
  readonly iban: string | null;
  readonly accountName: string | null;
  readonly bic: string | null;
  /** Direct debit: the buyer's account to be debited, and the mandate. */
  readonly payerIban: string | null;
  readonly mandateId: string | null;
};

/** An amount in integer minor units of its currency. */
export type EInvoiceMoney = { readonly minor: number; readonly currency: string };

/**
 * The document-level totals, in minor units of the document's currency. CII and UBL names side by side:
 * taxBasis = TaxBasisTotal / TaxExclusive, grandTotal = GrandTotal / TaxInclusive, duePayable =
 * DuePayable / Payable (= grandTotal − prepaid + rounding).
 */
export type EInvoiceTotals = {
  readonly lineTotal: number | null;
  readonly allowanceTotal: number | null;
  readonly chargeTotal: number | null;
  readonly taxBasis: number | null;
  /** The VAT in the document's currency (null when the document gives it only in another currency). */
  readonly tax: number | null;
  /** Every VAT total written, each in its own currency (a GBP invoice may add one in EUR). */
  readonly taxTotals: readonly EInvoiceMoney[];
  readonly grandTotal: number;
  readonly prepaid: number;
  readonly rounding: number;
  readonly duePayable: number;
};

export type EInvoiceDocument = {
  readonly syntax: EInvoiceSyntax;
  readonly number: string;
  readonly typeCode: string;
  readonly kind: EInvoiceKind;
  readonly issueDate: string;
  /** The first structured due date, null when the document has none (see `paymentTermsText`). */
  readonly dueDate: string | null;
  readonly dueDates: readonly string[];
  readonly paymentTermsText: string | null;
  readonly currency: string;
  readonly taxCurrency: string | null;
  readonly seller: EInvoiceParty;
  readonly buyer: EInvoiceParty;
  /** Who is to be paid when it is not the seller (a factoring company…). */
  readonly payee: EInvoiceParty | null;
  readonly paymentReference: string | null;
  readonly paymentMeans: readonly EInvoicePaymentMeans[];
  /** SEPA creditor identifier, when the invoice is collected by direct debit. */
  readonly creditorReference: string | null;
  /** The invoices this one refers to (a credit note names the invoice it credits). */
  readonly referencedInvoices: readonly string[];
  readonly buyerReference: string | null;
  readonly orderReference: string | null;
  readonly totals: EInvoiceTotals;
  readonly lineCount: number;
  /** The profile or specification: 'EN 16931', 'BASIC', 'XRECHNUNG', 'PEPPOL BIS 3'…, null when unknown. */
  readonly profile: string | null;
  /** As written: CII guideline id / UBL CustomizationID. */
  readonly profileId: string | null;
};

/** A Factur-X / ZUGFeRD PDF: which attachment was read, and what its XMP metadata says. */
export type EInvoicePdf = {
  readonly attachments: readonly string[];
  readonly embeddedXmlName: string;
  readonly xmp: {
    readonly conformanceLevel: string | null;
    readonly documentFileName: string | null;
    readonly version: string | null;
    readonly pdfaPart: string | null;
  } | null;
};

export type EInvoiceContainer = 'pdf' | 'xml';

/** One file read: its document, and for a PDF where it was found. */
export type EInvoiceFile = {
  readonly fileName: string;
  readonly container: EInvoiceContainer;
  readonly pdf: EInvoicePdf | null;
  readonly document: EInvoiceDocument;
};
