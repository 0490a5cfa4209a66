import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import type { EInvoiceFile } from './einvoice-model.ts';
import { readEInvoiceFile } from './read-einvoice.ts';

const shared = sharedFixtures() ?? '';
const read = (name: string): Promise<EInvoiceFile> =>
  readEInvoiceFile(readFileSync(join(shared, 'facturx', name)), name);

/** The totals a test states, in cents: grand total, prepaid, rounding, amount due. */
const money = (grandTotal: number, prepaid: number, rounding: number, duePayable: number) => ({
  grandTotal,
  prepaid,
  rounding,
  duePayable,
});

const fnfeSeller = {
  name: 'LE FOURNISSEUR',
  legalId: { value: '123456782', scheme: '0002' },
  vatId: { value: 'FR11123456782', scheme: 'VA' },
  country: 'FR',
};
const fnfeBuyer = { name: 'LE CLIENT', legalId: { value: '987654321', scheme: '0002' } };
const fnfeIban = 'FR20 1254 2547 2569 8542 5874 698';

// Expected values read from the XML embedded in each PDF (and from ../shared/fixtures/README.md).
describe.skipIf(shared === '')('Factur-X / ZUGFeRD PDFs from ../shared/fixtures', () => {
  it('FNFE F20220023 MINIMUM: factur-x.xml picked among three attachments, no due date', async () => {
    const file = await read('fnfe_F20220023_MINIMUM.pdf');
    expect(file.container).toBe('pdf');
    expect(file.pdf).toMatchObject({
      attachments: ['Bon_de_livraison.pdf', 'JFE2024.png', 'factur-x.xml'],
      embeddedXmlName: 'factur-x.xml',
      xmp: { conformanceLevel: 'MINIMUM', documentFileName: 'factur-x.xml', pdfaPart: '3' },
    });
    expect(file.document).toMatchObject({
      syntax: 'cii',
      number: 'F20220023',
      typeCode: '380',
      kind: 'invoice',
      issueDate: '2022-01-31',
      dueDate: null,
      dueDates: [],
      paymentTermsText: null,
      currency: 'EUR',
      seller: fnfeSeller,
      buyer: { ...fnfeBuyer, vatId: null, address: null },
      paymentReference: null,
      paymentMeans: [],
      totals: { ...money(10490, 0, 0, 10490), taxBasis: 10000, tax: 490, lineTotal: null },
      lineCount: 0,
      profile: 'MINIMUM',
      profileId: 'urn:factur-x.eu:1p0:minimum',
    });
  });

  it.each([
    ['fnfe_F20220023_BASIC_WL.pdf', 'BASIC WL', 0, null],
    ['fnfe_F20220023_BASIC.pdf', 'BASIC', 3, null],
    ['fnfe_F20220023_EN16931.pdf', 'EN 16931', 3, 'BIC_MONCOMPTE'],
    ['fnfe_F20220023_EXTENDED.pdf', 'EXTENDED', 3, 'BIC_MONCOMPTE'],
  ])(
    'FNFE F20220023 %s: profile %s, due 2022-03-02, SIRENs, IBAN with spaces',
    async (name, profile, lines, bic) => {
      const file = await read(name);
      expect(file.pdf?.embeddedXmlName).toBe('factur-x.xml');
      expect(file.pdf?.attachments).toHaveLength(3);
      expect(file.pdf?.xmp?.conformanceLevel).toBe(profile);
      expect(file.document).toMatchObject({
        number: 'F20220023',
        kind: 'invoice',
        issueDate: '2022-01-31',
        dueDate: '2022-03-02',
        paymentTermsText: 'PAIEMENT 30 JOURS NET',
        currency: 'EUR',
        seller: fnfeSeller,
        buyer: { ...fnfeBuyer, vatId: { value: 'FR05987654321', scheme: 'VA' }, country: 'FR' },
        paymentReference: 'F20180023BUYER',
        creditorReference: 'CREDID',
        totals: {
          ...money(10490, 0, 0, 10490),
          lineTotal: 9500,
          allowanceTotal: 900,
          chargeTotal: 1400,
          taxBasis: 10000,
          tax: 490,
        },
        lineCount: lines,
        profile,
        referencedInvoices: ['F20220003'],
      });
      expect(file.document.paymentMeans[0]).toMatchObject({ typeCode: '30', iban: fnfeIban, bic });
    },
  );

  it('FNFE F20220023 EN 16931: the buyer’s contact, address and e-mail; the seller’s SIRET among its global ids', async () => {
    const { document } = await read('fnfe_F20220023_EN16931.pdf');
    expect(document.buyer).toMatchObject({
      email: 'buyer@buyer.com',
      phone: '01 01 25 45 87',
      contactName: 'Buyer contact name',
      endpoint: { value: 'me@buyer.com', scheme: 'EM' },
      address: {
        lines: ['MON ADRESSE LIGNE 1', 'Buyer line 2', 'Buyer line 3'],
        postalCode: '06000',
        city: 'MA VILLE',
        country: 'FR',
      },
    });
    expect(document.seller.ids).toContainEqual({ value: '12345678200077', scheme: '0009' });
    expect(document.seller.tradingName).toBe('SELLER TRADE NAME');
    expect(document.payee).toMatchObject({
      name: 'PAYEE NAME',
      legalId: { value: '303656847', scheme: '0002' },
    });
    expect(document.paymentMeans).toEqual([
      {
        typeCode: '30',
        information: 'Virement',
        iban: fnfeIban,
        accountName: 'MON COMPTE BANCAIRE',
        bic: 'BIC_MONCOMPTE',
        payerIban: 'FRDEBIT',
        mandateId: 'MANDATE PT',
      },
    ]);
  });

  it('FNFE F20220029: a negative invoice (GrandTotal −100.00, prepaid −10.00, due −90.00)', async () => {
    const { document } = await read('fnfe_F20220029_EN16931.pdf');
    expect(document).toMatchObject({
      number: 'F20220029',
      typeCode: '380',
      dueDate: '2022-03-02',
      totals: { ...money(-10000, -1000, 0, -9000), taxBasis: -10000, tax: 0 },
      referencedInvoices: ['F20220003'],
      paymentReference: 'F20180023BUYER',
    });
  });

  it('FNFE UC1: seller VAT FR88100000009, due 2023-02-04, 216.00', async () => {
    const { document } = await read('fnfe_UC1_2023025_F_EN16931.pdf');
    expect(document).toMatchObject({
      number: 'UC1_2023025_F',
      issueDate: '2023-01-15',
      dueDate: '2023-02-04',
      seller: { legalId: { value: '100000009', scheme: '0002' }, vatId: { value: 'FR88100000009' } },
      buyer: { name: "L'ACHETEUR", legalId: { value: '200000008', scheme: '0002' } },
      totals: money(21600, 0, 0, 21600),
      paymentReference: '200000008_UC1_2023025',
    });
    expect(document.paymentMeans[0]?.iban).toBe(fnfeIban);
  });

  it('ZUGFeRD 1.0 COMFORT: legacy namespace and element names, ZUGFeRD-invoice.xml, XMP in attribute form', async () => {
    const file = await read('zf10_COMFORT_Einfach.pdf');
    expect(file.pdf).toMatchObject({
      attachments: ['ZUGFeRD-invoice.xml'],
      embeddedXmlName: 'ZUGFeRD-invoice.xml',
      xmp: { conformanceLevel: 'COMFORT', documentFileName: 'ZUGFeRD-invoice.xml' },
    });
    expect(file.document).toMatchObject({
      syntax: 'zugferd1',
      number: '471102',
      typeCode: '380',
      issueDate: '2013-03-05',
      dueDate: '2013-04-04',
      currency: 'EUR',
      seller: { name: 'Lieferant GmbH', vatId: { value: 'DE123456789', scheme: 'VA' }, country: 'DE' },
      buyer: { name: 'Kunden AG Mitte', ids: [{ value: 'GE2020211', scheme: null }, expect.anything()] },
      paymentReference: '2013-471102',
      paymentMeans: [expect.objectContaining({ iban: 'DE08700901001234567890', bic: 'GENODEF1M04' })],
      totals: { ...money(52987, 0, 0, 52987), lineTotal: 47300, taxBasis: 47300, tax: 5687 },
      lineCount: 2,
      profile: 'COMFORT',
    });
  });

  it('ZUGFeRD 2.0 EN16931: zugferd-invoice.xml, no structured due date (terms in words only)', async () => {
    const file = await read('zf20_EN16931_Einfach.pdf');
    expect(file.pdf?.embeddedXmlName).toBe('zugferd-invoice.xml');
    expect(file.document).toMatchObject({
      number: '471102',
      issueDate: '2018-03-05',
      dueDate: null,
      paymentTermsText:
        'Zahlbar innerhalb 30 Tagen netto bis 04.04.2018, 3% Skonto innerhalb 10 Tagen bis 15.03.2018',
      totals: money(52987, 0, 0, 52987),
    });
  });

  it('ZUGFeRD 2.4 XRECHNUNG: xrechnung.xml inside the PDF, due 2025-12-15', async () => {
    const file = await read('zf24_XRECHNUNG_Einfach.pdf');
    expect(file.pdf).toMatchObject({ attachments: ['xrechnung.xml'], embeddedXmlName: 'xrechnung.xml' });
    expect(file.pdf?.xmp?.conformanceLevel).toBe('XRECHNUNG');
    expect(file.document).toMatchObject({
      issueDate: '2024-11-15',
      dueDate: '2025-12-15',
      profile: 'XRECHNUNG',
      profileId: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
      paymentMeans: [
        expect.objectContaining({ typeCode: '58', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' }),
      ],
      totals: money(52987, 0, 0, 52987),
    });
  });
});
