import { describe, expect, it } from 'vitest';
import {
  claimRecord,
  creditorOf,
  creditPlan,
  dueDateOf,
  isCredit,
  sirenOf,
  siretOf,
} from './einvoice-claims.ts';
import type { EInvoiceDocument, EInvoiceFile, EInvoiceParty } from './einvoice-model.ts';

const party = (extra: Partial<EInvoiceParty> = {}): EInvoiceParty => ({
  name: 'Menuiserie Dupont SARL',
  registrationName: 'Menuiserie Dupont SARL',
  tradingName: null,
  legalId: null,
  vatId: null,
  ids: [],
  endpoint: null,
  email: null,
  phone: null,
  contactName: null,
  address: null,
  country: 'FR',
  ...extra,
});

const doc = (extra: Partial<EInvoiceDocument> = {}): EInvoiceDocument => ({
  syntax: 'cii',
  number: 'F-1',
  typeCode: '380',
  kind: 'invoice',
  issueDate: '2018-03-05',
  dueDate: null,
  dueDates: [],
  paymentTermsText: null,
  currency: 'EUR',
  taxCurrency: null,
  seller: party({ name: 'Acme SAS', legalId: { value: '732829320', scheme: '0002' } }),
  buyer: party(),
  payee: null,
  paymentReference: null,
  paymentMeans: [],
  creditorReference: null,
  referencedInvoices: [],
  buyerReference: null,
  orderReference: null,
  totals: {
    lineTotal: null,
    allowanceTotal: null,
    chargeTotal: null,
    taxBasis: null,
    tax: null,
    taxTotals: [],
    grandTotal: 12000,
    prepaid: 0,
    rounding: 0,
    duePayable: 12000,
  },
  lineCount: 0,
  profile: null,
  profileId: null,
  ...extra,
});

const totals = (grandTotal: number, prepaid: number, rounding: number, duePayable: number) => ({
  ...doc().totals,
  grandTotal,
  prepaid,
  rounding,
  duePayable,
});

describe('dueDateOf: the claim’s due date', () => {
  it.each([
    [
      'the first structured due date',
      doc({ dueDate: '2024-12-01', dueDates: ['2024-12-01', '2025-12-31'] }),
      '2024-12-01',
      'document',
    ],
    [
      'else the latest date written in the terms (the net date, not the discount’s)',
      doc({
        paymentTermsText:
          'Zahlbar innerhalb 30 Tagen netto bis 04.04.2018, 3% Skonto innerhalb 10 Tagen bis 15.03.2018',
      }),
      '2018-04-04',
      'payment_terms',
    ],
    [
      'a direct debit announced for a day',
      doc({
        paymentTermsText: 'Der Betrag wird am 20.03.2018 von Ihrem Konto per SEPA-Lastschrift eingezogen.',
      }),
      '2018-03-20',
      'payment_terms',
    ],
    [
      'an ISO date in the terms',
      doc({ paymentTermsText: 'Payable by 2018-05-31' }),
      '2018-05-31',
      'payment_terms',
    ],
    [
      'a date before the issue date is not a term',
      doc({ paymentTermsText: 'Commande du 01.03.2018, paiement à 30 jours' }),
      '2018-04-04',
      'default_term',
    ],
    ['else 30 days after the issue date (C. com. L441-10 I)', doc(), '2018-04-04', 'default_term'],
    [
      'an impossible date in words is ignored',
      doc({ paymentTermsText: 'bis 31.02.2018' }),
      '2018-04-04',
      'default_term',
    ],
  ] as const)('%s', (_what, document, dueDate, source) => {
    expect(dueDateOf(document)).toEqual({ dueDate, source });
  });
});

describe('isCredit: what lowers the buyer’s debt', () => {
  it.each([
    ['an invoice', doc(), false],
    ['a credit note with positive amounts', doc({ kind: 'credit_note', typeCode: '381' }), true],
    ['a negative invoice', doc({ totals: totals(-10000, -1000, 0, -9000) }), true],
    [
      'a corrective invoice with negative totals',
      doc({ kind: 'corrective', totals: totals(-879, 0, 0, -879) }),
      true,
    ],
    ['a corrective invoice with positive totals', doc({ kind: 'corrective' }), false],
    [
      'a self-billed invoice (389) with positive amounts',
      doc({ kind: 'self_billed', typeCode: '389' }),
      false,
    ],
    ['an invoice whose prepayment exceeds it', doc({ totals: totals(52987, 105974, 0, -52987) }), true],
  ] as const)('%s → %s', (_what, document, credit) => {
    expect(isCredit(document)).toBe(credit);
  });
});

describe('legal ids', () => {
  it.each([
    [
      'a SIREN (scheme 0002)',
      party({ legalId: { value: '732 829 320', scheme: '0002' } }),
      '732829320',
      null,
    ],
    [
      'a SIRET among the global ids (0009)',
      party({ ids: [{ value: '73282932000074', scheme: '0009' }] }),
      '732829320',
      '73282932000074',
    ],
    ['a French VAT number', party({ vatId: { value: 'FR44732829320', scheme: 'VA' } }), '732829320', null],
    [
      'an unscheme’d 9-digit legal id of a French party',
      party({ legalId: { value: '732829320', scheme: null } }),
      '732829320',
      null,
    ],
    [
      'a Norwegian register number (0192) is not a SIREN',
      party({ country: 'NO', legalId: { value: '123456785', scheme: '0192' } }),
      null,
      null,
    ],
    [
      'a stated SIREN is kept with a wrong check digit (the import warns)',
      party({ legalId: { value: '987654321', scheme: '0002' } }),
      '987654321',
      null,
    ],
    [
      'an invalid 9 digits inside a VAT number is not taken',
      party({ vatId: { value: 'FR05987654321', scheme: 'VA' } }),
      null,
      null,
    ],
    [
      'a German VAT number',
      party({ country: 'DE', vatId: { value: 'DE123456789', scheme: 'VA' } }),
      null,
      null,
    ],
  ] as const)('%s', (_what, p, siren, siret) => {
    expect(sirenOf(p)).toBe(siren);
    expect(siretOf(p)).toBe(siret);
  });

  it('the creditor is the seller: by its SIREN when it has one, else by its name', () => {
    expect(creditorOf(doc())).toEqual({
      ref: '732829320',
      name: 'Acme SAS',
      siren: '732829320',
      country: 'FR',
    });
    const german = doc({ seller: party({ name: 'Lieferant GmbH', country: 'DE' }) });
    expect(creditorOf(german)).toEqual({
      ref: 'Lieferant GmbH',
      name: 'Lieferant GmbH',
      siren: null,
      country: 'DE',
    });
  });
});

describe('claimRecord: an invoice as a row of the import', () => {
  const file = (document: EInvoiceDocument): EInvoiceFile => ({
    fileName: 'f.xml',
    container: 'xml',
    pdf: null,
    document,
  });

  it('amount = grand total plus rounding, outstanding = amount due; the buyer as debtor', () => {
    const record = claimRecord(
      file(
        doc({
          currency: 'NOK',
          dueDate: '2013-07-20',
          paymentReference: '0003434323213231',
          paymentTermsText: '2 % discount if paid within 2 days',
          totals: totals(180178, 100000, 22, 80200),
          buyer: party({
            name: 'Buyercompany ASA',
            country: 'NO',
            ids: [
              { value: 'C-17', scheme: null },
              { value: '3456789012098', scheme: '0088' },
            ],
            vatId: { value: 'NO987654325MVA', scheme: 'VAT' },
            email: 'john@buyercompany.no',
            address: {
              lines: ['Anystreet 8', 'Back door'],
              postalCode: '101',
              city: 'Oslo',
              subdivision: null,
              country: 'NO',
            },
          }),
        }),
      ),
    );
    expect(record).toMatchObject({
      invoice_number: 'F-1',
      issue_date: '2018-03-05',
      due_date: '2013-07-20',
      amount: '1802.00',
      outstanding: '802.00',
      currency: 'NOK',
      debtor_ref: 'C-17',
      debtor_name: 'Buyercompany ASA',
      siren: '',
      siret: '',
      vat_number: 'NO987654325MVA',
      email: 'john@buyercompany.no',
      address_line1: 'Anystreet 8',
      address_line2: 'Back door',
      postal_code: '101',
      city: 'Oslo',
      country: 'NO',
      language: 'en',
      external_ref: '0003434323213231',
      description: '2 % discount if paid within 2 days',
    });
  });

  it('a French buyer: SIREN and SIRET, French, due date from the default term', () => {
    const buyer = party({ ids: [{ value: '73282932000074', scheme: '0009' }] });
    expect(claimRecord(file(doc({ buyer })))).toMatchObject({
      siren: '732829320',
      siret: '73282932000074',
      language: 'fr',
      due_date: '2018-04-04',
      debtor_ref: '',
    });
  });

  it('a credit takes off the amount due, once per kind, number and date', () => {
    const credit = doc({
      kind: 'credit_note',
      typeCode: '381',
      number: 'AV-3',
      referencedInvoices: ['F-1', 'F-2'],
      totals: totals(-9000, 0, 0, -9000),
    });
    expect(creditPlan(credit)).toEqual({
      key: 'credit_note:381:AV-3:2018-03-05',
      amountMinor: 9000,
      currency: 'EUR',
      invoices: ['F-1', 'F-2'],
    });
  });
});
