import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import type { EInvoiceDocument } from './einvoice-model.ts';
import { readEInvoiceFile } from './read-einvoice.ts';

const shared = sharedFixtures() ?? '';
const read = async (folder: 'ubl' | 'cii', name: string): Promise<EInvoiceDocument> => {
  const file = await readEInvoiceFile(readFileSync(join(shared, folder, name)), name);
  expect(file.container).toBe('xml');
  return file.document;
};

/** Grand total (TaxInclusive), prepaid, rounding, amount due (Payable), in minor units. */
const totals = (grandTotal: number, prepaid: number, rounding: number, duePayable: number) => ({
  grandTotal,
  prepaid,
  rounding,
  duePayable,
});

const peppolSeller = {
  name: 'SupplierOfficialName Ltd',
  registrationName: 'SupplierOfficialName Ltd',
  tradingName: 'SupplierTradingName Ltd.',
  legalId: { value: 'GB983294', scheme: null },
  vatId: { value: 'GB1232434', scheme: 'VAT' },
};
const peppolBuyer = {
  name: 'Buyer Official Name',
  legalId: { value: '39937423947', scheme: '0183' },
  vatId: { value: 'SE4598375937', scheme: 'VAT' },
};

// Values read from the XML files (and ../shared/fixtures/README.md).
describe.skipIf(shared === '')('UBL 2.1 samples from ../shared/fixtures', () => {
  it('CEN credit note 1: CreditNote root, 381, no due date, structured PaymentID', async () => {
    expect(await read('ubl', 'cef_ubl-tc434-creditnote1.xml')).toMatchObject({
      syntax: 'ubl-credit-note',
      number: '018304 / 28865',
      typeCode: '381',
      kind: 'credit_note',
      issueDate: '2019-09-23',
      dueDate: null,
      currency: 'EUR',
      seller: {
        name: 'My Supplier Company',
        tradingName: 'My Supplier Company N.V.',
        legalId: { value: '0000000196', scheme: null },
        vatId: { value: 'BE0000000196' },
        endpoint: { value: '0000000196', scheme: '0201' },
        country: 'BE',
      },
      buyer: { name: 'My Customer Company', email: 'pete.smith@mycustomercompany.be' },
      paymentReference: '010676609538',
      paymentMeans: [expect.objectContaining({ typeCode: '1', iban: 'BE91000000143476', bic: 'BPOTBEB1' })],
      totals: totals(10011, 0, 0, 10011),
      lineCount: 1,
    });
  });

  it('CEN example 1: NL, 20 lines, two accounts written with spaces, due on the issue date', async () => {
    const d = await read('ubl', 'cef_ubl-tc434-example1.xml');
    expect(d).toMatchObject({
      number: '12115118',
      issueDate: '2015-01-09',
      dueDate: '2015-01-09',
      seller: { name: 'De Koksmaat', vatId: { value: 'NL8200.98.395.B.01' } },
      buyer: { name: 'ODIN 59', ids: [{ value: '10202', scheme: null }], country: 'NL' },
      paymentReference: 'Deb. 10202 / Fact. 12115118',
      totals: { ...totals(25033, 0, 0, 25033), lineTotal: 22960, taxBasis: 22960, tax: 2073 },
      lineCount: 20,
      profile: 'EN 16931',
    });
    expect(d.paymentMeans.map((m) => m.iban)).toEqual(['NL57 RABO 0107307510', 'NL03 INGB 0004489902']);
  });

  it('CEN example 2: NOK, prepaid 1000 → payable 801.78', async () => {
    expect(await read('ubl', 'cef_ubl-tc434-example2.xml')).toMatchObject({
      number: 'TOSL108',
      issueDate: '2013-06-30',
      dueDate: '2013-07-20',
      currency: 'NOK',
      buyer: { name: 'The Buyercompany', legalId: { value: '987654321' } },
      payee: { name: 'Ebeneser Scrooge AS' },
      paymentReference: '0003434323213231',
      paymentMeans: [expect.objectContaining({ iban: 'NO9386011117947', bic: 'DNBANOKK' })],
      totals: totals(180178, 100000, 0, 80178),
      lineCount: 5,
    });
  });

  it('CEN example 5: DKK, 50 % prepaid, direct debit under mandate 123456, a preceding invoice', async () => {
    expect(await read('ubl', 'cef_ubl-tc434-example5.xml')).toMatchObject({
      number: 'TOSL110',
      currency: 'DKK',
      dueDate: '2013-05-10',
      paymentReference: 'Payref1',
      paymentMeans: [
        expect.objectContaining({
          typeCode: '49',
          iban: null,
          mandateId: '123456',
          payerIban: 'DK1212341234123412',
        }),
      ],
      referencedInvoices: ['TOSL109'],
      totals: { ...totals(467500, 233750, 0, 233750), tax: 67500 },
    });
  });

  it('Peppol allowances: prepaid 1000 → payable 6125.00', async () => {
    expect(await read('ubl', 'peppol_Allowance-example.xml')).toMatchObject({
      number: 'Snippet1',
      dueDate: '2017-12-01',
      seller: peppolSeller,
      buyer: peppolBuyer,
      totals: { ...totals(712500, 100000, 0, 612500), allowanceTotal: 20000, chargeTotal: 20000 },
      profile: 'PEPPOL BIS 3',
    });
  });

  it('Peppol Norway: PayableRoundingAmount 0.22 → 802.00, not 801.78; register number scheme 0192', async () => {
    expect(await read('ubl', 'peppol_NO_Norwegian-example-1.xml')).toMatchObject({
      number: 'TOSL108',
      currency: 'NOK',
      seller: {
        name: 'The Sellercompany ASA',
        legalId: { value: '123456785', scheme: '0192' },
        vatId: { value: 'NO123456785MVA' },
      },
      buyer: { name: 'Buyercompany ASA', legalId: { value: '987654325', scheme: '0192' } },
      paymentMeans: [expect.objectContaining({ typeCode: '31', iban: 'NO9386011117947' })],
      totals: totals(180178, 100000, 22, 80200),
    });
  });

  it('Peppol VAT category S: integer-looking amounts (8550 is 8550.00)', async () => {
    expect(await read('ubl', 'peppol_Vat-category-S.xml')).toMatchObject({
      totals: { ...totals(855000, 0, 0, 855000), lineTotal: 690000, taxBasis: 700000, tax: 155000 },
    });
  });

  it('Peppol base example, its credit note and its negative correction all name Snippet1', async () => {
    const invoice = await read('ubl', 'peppol_base-example.xml');
    const creditNote = await read('ubl', 'peppol_base-creditnote-correction.xml');
    const negative = await read('ubl', 'peppol_base-negative-inv-correction.xml');
    expect(invoice).toMatchObject({
      number: 'Snippet1',
      kind: 'invoice',
      dueDate: '2017-12-01',
      seller: { endpoint: { value: '9482348239847239874', scheme: '0088' } },
      paymentMeans: [
        expect.objectContaining({ iban: 'IBAN32423940', bic: 'BIC324098', accountName: 'AccountName' }),
      ],
      totals: totals(165625, 0, 0, 165625),
      referencedInvoices: [],
    });
    expect(creditNote).toMatchObject({
      syntax: 'ubl-credit-note',
      number: 'Snippet1',
      kind: 'credit_note',
      dueDate: null,
      referencedInvoices: ['Snippet1'],
      totals: totals(165625, 0, 0, 165625),
    });
    expect(negative).toMatchObject({
      number: 'Correction1',
      typeCode: '380',
      kind: 'invoice',
      referencedInvoices: ['Snippet1'],
      totals: totals(-165625, 0, 0, -165625),
    });
  });

  it('Peppol VAT-exempt: GBP, no due date, only terms in words', async () => {
    expect(await read('ubl', 'peppol_vat-category-E.xml')).toMatchObject({
      number: 'Vat-Z',
      currency: 'GBP',
      dueDate: null,
      paymentTermsText: 'Payment within 30 days',
      seller: { name: 'The Sellercompany Incorporated', vatId: { value: 'GB928741974' } },
      buyer: { name: 'The Buyercompany', endpoint: { value: '12345678', scheme: '0184' } },
      paymentMeans: [expect.objectContaining({ iban: 'SE1212341234123412', bic: 'SEXDABCD' })],
      totals: { ...totals(120000, 0, 0, 120000), tax: 0 },
    });
  });
});

describe.skipIf(shared === '')('plain CII samples from ../shared/fixtures', () => {
  it('CEN business example 02: due date (2013-05-10) before the issue date (2013-08-25), kept as written', async () => {
    expect(await read('cii', 'cef_CII_business_example_02.xml')).toMatchObject({
      number: 'INV000013',
      issueDate: '2013-08-25',
      dueDate: '2013-05-10',
      profile: 'COMFORT',
      paymentReference: 'INV000013',
      paymentMeans: [expect.objectContaining({ iban: 'DK1212341234123412' })],
      totals: totals(1190, 0, 0, 1190),
      lineCount: 3,
    });
  });

  it('CEN example 1: the CII twin of the UBL example 1', async () => {
    const cii = await read('cii', 'cef_CII_example1.xml');
    expect(cii).toMatchObject({
      number: '12115118',
      issueDate: '2015-01-09',
      dueDate: '2015-01-09',
      seller: { name: 'De Koksmaat', legalId: { value: '57151520', scheme: null } },
      buyer: { name: 'ODIN 59' },
      paymentReference: 'Deb. 10202 / Fact. 12115118',
      totals: totals(25033, 0, 0, 25033),
      lineCount: 20,
    });
    expect(cii.paymentMeans[0]?.iban).toBe('NL57 RABO 0107307510');
  });

  it('CEN example 3: DKK subscription, Payref1', async () => {
    expect(await read('cii', 'cef_CII_example3.xml')).toMatchObject({
      number: 'TOSL108',
      currency: 'DKK',
      issueDate: '2013-04-10',
      dueDate: '2013-05-10',
      paymentReference: 'Payref1',
      totals: { ...totals(112500, 0, 0, 112500), lineTotal: 80000, chargeTotal: 10000, taxBasis: 90000 },
    });
  });

  it('CEN example 5: 50 % prepaid (4675 → 2337.5 due), a junk “A” account kept as written', async () => {
    const d = await read('cii', 'cef_CII_example5.xml');
    expect(d).toMatchObject({
      number: 'TOSL110',
      currency: 'DKK',
      taxCurrency: 'EUR',
      totals: { ...totals(467500, 233750, 0, 233750), tax: 67500 },
      paymentTermsText: '50% prepaid, 50% within one month',
      referencedInvoices: ['TOSL109'],
    });
    expect(d.totals.taxTotals).toEqual([
      { minor: 67500, currency: 'DKK' },
      { minor: 62862, currency: 'EUR' },
    ]);
    expect(d.paymentMeans.map((m) => [m.typeCode, m.iban])).toEqual([
      ['58', 'DK1212341234123412'],
      ['58', 'A'],
    ]);
  });

  it('XRechnung CII: large amounts (385544.60), due before issue, anonymised names', async () => {
    expect(await read('cii', 'cef_XRechnung-O.xml')).toMatchObject({
      number: '150377292',
      issueDate: '2021-01-14',
      dueDate: '2021-01-01',
      seller: { name: 'XX', legalId: { value: 'XX', scheme: '0189' } },
      paymentReference: 'V50028642477 VR00150377292',
      paymentMeans: [expect.objectContaining({ iban: 'XX', bic: 'HELADEFFXXX' })],
      totals: { ...totals(38554460, 0, 0, 38554460), lineTotal: 33630095, tax: null },
    });
  });
});
