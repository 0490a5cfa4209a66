import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import type { EInvoiceDocument } from './einvoice-model.ts';
import { readEInvoiceFile } from './read-einvoice.ts';

const shared = sharedFixtures() ?? '';

type Expected = {
  readonly number: string;
  readonly typeCode: string;
  readonly kind: EInvoiceDocument['kind'];
  readonly profile: string;
  readonly issueDate: string;
  readonly dueDates: readonly string[];
  readonly currency: string;
  readonly seller: string;
  readonly buyer: string;
  /** Grand total, prepaid, amount due, in cents. */
  readonly totals: readonly [number, number, number];
  readonly iban: string | null;
  readonly lines: number;
};

const lieferant = 'Lieferant GmbH';
const kunde = 'Kunden AG Mitte';
const standard = [52987, 0, 52987] as const;

// FeRD's ZUGFeRD 2.4 / Factur-X 1.08 samples: each PDF and the XML shipped beside it (byte-identical to the
// embedded factur-x.xml), read through both paths. Values read from the XML files.
const SAMPLES: Readonly<Record<string, Expected>> = {
  'BASIC-WL_Einfach': {
    ...base('TX-471102', 'BASIC WL', '2019-10-30', ['2019-11-29']),
    seller: 'Taxiunternehmen TX GmbH',
    buyer: 'Taxi-Gast AG Mitte',
    totals: [1808, 0, 1808],
    lines: 0,
  },
  BASIC_Einfach: {
    ...base('471102', 'BASIC', '2020-03-05', ['2020-04-04']),
    totals: [23562, 0, 23562],
    lines: 1,
  },
  BASIC_Rechnungskorrektur: {
    ...base('RK21012345', 'BASIC', '2019-09-16', []),
    typeCode: '384',
    kind: 'corrective',
    seller: 'GLN 4333741000005, Lief-Nr: 549910, MUSTERLIEFERANT GMBH',
    buyer: 'GLN 4304171000002, Kunden-Nr. : 009420, MUSTER-KUNDE GMBH',
    totals: [-879, 0, -879],
  },
  EN16931_1_Teilrechnung: {
    ...base('471102', 'EN 16931', '2025-06-05', []),
    totals: [19758, 5000, 14758],
    lines: 4,
  },
  EN16931_AbweichenderZahlungsempf: {
    ...base('471102', 'EN 16931', '2018-03-05', []),
    iban: 'DE12123456781234567890',
  },
  EN16931_Einfach: base('471102', 'EN 16931', '2018-03-05', []),
  EN16931_Einfach_DueDate: base('471102', 'EN 16931', '2018-03-05', ['2019-03-05']),
  EN16931_Einfach_negativePaymentDue: {
    ...base('471102', 'EN 16931', '2018-03-05', []),
    totals: [52987, 105974, -52987],
  },
  EN16931_Gutschrift: {
    ...base('471102', 'EN 16931', '2018-03-05', []),
    typeCode: '389',
    kind: 'self_billed',
  },
  EN16931_SEPA_Prenotification: base('471102', 'EN 16931', '2018-03-05', []),
  EXTENDED_Fremdwaehrung: {
    ...base('47110815', 'EXTENDED', '2025-12-01', ['2024-12-01', '2025-12-31']),
    currency: 'GBP',
    seller: 'Rohstoff AG Salzgitter',
    buyer: 'Metallbau Leipzig GmbH & Co. KG',
    totals: [102191, 50000, 52191],
    iban: 'DE77 3707 0060 0321 9870 00',
    lines: 1,
  },
  EXTENDED_Warenrechnung: {
    ...base('R87654321012345', 'EXTENDED', '2025-10-01', []),
    seller: 'MUSTERLIEFERANT GMBH',
    buyer: 'MUSTER-KUNDE GMBH',
    totals: [51899, 0, 51899],
    lines: 6,
  },
  MINIMUM_Rechnung: {
    ...base('471102', 'MINIMUM', '2020-03-05', []),
    buyer: 'Kunden AG Frankreich',
    totals: [23562, 0, 23562],
    lines: 0,
  },
  XRECHNUNG_Einfach: {
    ...base('471102', 'XRECHNUNG', '2024-11-15', ['2025-12-15']),
    iban: 'DE02120300000000202051',
  },
};

function base(number: string, profile: string, issueDate: string, dueDates: readonly string[]): Expected {
  return {
    number,
    typeCode: '380',
    kind: 'invoice',
    profile,
    issueDate,
    dueDates,
    currency: 'EUR',
    seller: lieferant,
    buyer: kunde,
    totals: standard,
    iban: null,
    lines: 2,
  };
}

async function readSample(name: string): Promise<{ pdf: EInvoiceDocument; xml: EInvoiceDocument }> {
  const folder = join(shared, 'facturx');
  const pdf = await readEInvoiceFile(readFileSync(join(folder, `zf24_${name}.pdf`)), `${name}.pdf`);
  const xml = await readEInvoiceFile(readFileSync(join(folder, `zf24_${name}.xml`)), `${name}.xml`);
  expect(pdf.container).toBe('pdf');
  expect(xml.container).toBe('xml');
  return { pdf: pdf.document, xml: xml.document };
}

describe.skipIf(shared === '')('ZUGFeRD 2.4 / Factur-X 1.08 samples, PDF and plain CII XML', () => {
  it.each(Object.entries(SAMPLES))('%s', async (name, e) => {
    const { pdf, xml } = await readSample(name);
    expect(xml).toEqual(pdf);
    expect(pdf).toMatchObject({
      syntax: 'cii',
      number: e.number,
      typeCode: e.typeCode,
      kind: e.kind,
      profile: e.profile,
      issueDate: e.issueDate,
      dueDate: e.dueDates[0] ?? null,
      dueDates: e.dueDates,
      currency: e.currency,
      seller: { name: e.seller, vatId: { value: 'DE123456789', scheme: 'VA' } },
      buyer: { name: e.buyer },
      totals: { grandTotal: e.totals[0], prepaid: e.totals[1], duePayable: e.totals[2], rounding: 0 },
      lineCount: e.lines,
    });
    expect(pdf.paymentMeans[0]?.iban ?? null).toBe(e.iban);
  });

  it('EXTENDED_Fremdwaehrung: GBP invoice with its VAT also in EUR, two payment terms', async () => {
    const { pdf } = await readSample('EXTENDED_Fremdwaehrung');
    expect(pdf.taxCurrency).toBe('EUR');
    expect(pdf.totals.taxTotals).toEqual([
      { minor: 16316, currency: 'GBP' },
      { minor: 18314, currency: 'EUR' },
    ]);
    expect(pdf.totals.tax).toBe(16316);
    expect(pdf.payee?.name).toBe('Global Supplies Financial Services');
  });

  it('EN16931_AbweichenderZahlungsempf: the payee is the factoring company, whose IBAN is given', async () => {
    const { pdf } = await readSample('EN16931_AbweichenderZahlungsempf');
    expect(pdf.payee).toMatchObject({ name: 'Factoring GmbH' });
    expect(pdf.paymentMeans[0]).toMatchObject({ typeCode: '58', iban: 'DE12123456781234567890' });
  });

  it('EN16931_SEPA_Prenotification: collected by direct debit from the buyer’s account under mandate REF A-123', async () => {
    const { pdf } = await readSample('EN16931_SEPA_Prenotification');
    expect(pdf.creditorReference).toBe('DE98ZZZ09999999999');
    expect(pdf.paymentMeans).toEqual([
      expect.objectContaining({
        typeCode: '59',
        iban: null,
        payerIban: 'DE21860000000086001055',
        mandateId: 'REF A-123',
      }),
    ]);
    expect(pdf.paymentTermsText).toContain('20.03.2018');
  });

  it('EN16931_1_Teilrechnung: the partial invoice’s buyer code and terms in words', async () => {
    const { pdf } = await readSample('EN16931_1_Teilrechnung');
    expect(pdf.buyer.ids).toContainEqual({ value: 'GE2020211', scheme: null });
    expect(pdf.paymentTermsText).toBe(
      'Zahlbar innerhalb 30 Tagen netto bis 04.07.2025, 3% Skonto innerhalb 10 Tagen bis 15.06.2025',
    );
  });
});
