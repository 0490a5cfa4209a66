import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importEInvoices } from '../../src/use-cases/imports/import-einvoices.ts';
import { importWorld } from '../fixtures/import-world.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sharedFixtures } from '../support/shared-fixtures.ts';

const shared = sharedFixtures() ?? '';

/** What an invoice becomes: amount (grand total + rounding), outstanding (amount due), due date, in minor units. */
type Claim = readonly [invoice: string, currency: string, amount: number, outstanding: number, due: string];
/** What a credit becomes: the amount it would take off, and why it took nothing off here (alone in its import). */
type Credit = { readonly credit: number; readonly outcome: 'invoice_not_found' | 'names_no_invoice' };

// Due dates: the document's first structured one; else the latest date written in its payment terms;
// else issue date + 30 days. Read from each XML (and ../shared/fixtures/README.md).
const SAMPLES: Readonly<Record<string, Claim | Credit>> = {
  'facturx/fnfe_F20220023_BASIC.pdf': ['F20220023', 'EUR', 10490, 10490, '2022-03-02'],
  'facturx/fnfe_F20220023_BASIC_WL.pdf': ['F20220023', 'EUR', 10490, 10490, '2022-03-02'],
  'facturx/fnfe_F20220023_EN16931.pdf': ['F20220023', 'EUR', 10490, 10490, '2022-03-02'],
  'facturx/fnfe_F20220023_EXTENDED.pdf': ['F20220023', 'EUR', 10490, 10490, '2022-03-02'],
  // MINIMUM has no due date: 2022-01-31 + 30 days.
  'facturx/fnfe_F20220023_MINIMUM.pdf': ['F20220023', 'EUR', 10490, 10490, '2022-03-02'],
  'facturx/fnfe_F20220029_EN16931.pdf': { credit: 9000, outcome: 'invoice_not_found' },
  'facturx/fnfe_UC1_2023025_F_EN16931.pdf': ['UC1_2023025_F', 'EUR', 21600, 21600, '2023-02-04'],
  'facturx/zf10_COMFORT_Einfach.pdf': ['471102', 'EUR', 52987, 52987, '2013-04-04'],
  // 'Zahlbar innerhalb 30 Tagen netto bis 04.04.2018, 3% Skonto innerhalb 10 Tagen bis 15.03.2018'.
  'facturx/zf20_EN16931_Einfach.pdf': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  'facturx/zf24_BASIC-WL_Einfach.pdf': ['TX-471102', 'EUR', 1808, 1808, '2019-11-29'],
  'facturx/zf24_BASIC-WL_Einfach.xml': ['TX-471102', 'EUR', 1808, 1808, '2019-11-29'],
  'facturx/zf24_BASIC_Einfach.pdf': ['471102', 'EUR', 23562, 23562, '2020-04-04'],
  'facturx/zf24_BASIC_Einfach.xml': ['471102', 'EUR', 23562, 23562, '2020-04-04'],
  'facturx/zf24_BASIC_Rechnungskorrektur.pdf': { credit: 879, outcome: 'names_no_invoice' },
  'facturx/zf24_BASIC_Rechnungskorrektur.xml': { credit: 879, outcome: 'names_no_invoice' },
  // Prepaid 50.00; '… netto bis 04.07.2025, 3% Skonto … bis 15.06.2025' (issue date + 30 would be 07-05).
  'facturx/zf24_EN16931_1_Teilrechnung.pdf': ['471102', 'EUR', 19758, 14758, '2025-07-04'],
  'facturx/zf24_EN16931_1_Teilrechnung.xml': ['471102', 'EUR', 19758, 14758, '2025-07-04'],
  'facturx/zf24_EN16931_AbweichenderZahlungsempf.pdf': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  'facturx/zf24_EN16931_AbweichenderZahlungsempf.xml': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  'facturx/zf24_EN16931_Einfach.pdf': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  'facturx/zf24_EN16931_Einfach.xml': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  'facturx/zf24_EN16931_Einfach_DueDate.pdf': ['471102', 'EUR', 52987, 52987, '2019-03-05'],
  'facturx/zf24_EN16931_Einfach_DueDate.xml': ['471102', 'EUR', 52987, 52987, '2019-03-05'],
  'facturx/zf24_EN16931_Einfach_negativePaymentDue.pdf': { credit: 52987, outcome: 'names_no_invoice' },
  'facturx/zf24_EN16931_Einfach_negativePaymentDue.xml': { credit: 52987, outcome: 'names_no_invoice' },
  // Self-billed (389) with positive amounts: a debt; terms without a date → 2018-03-05 + 30 days.
  'facturx/zf24_EN16931_Gutschrift.pdf': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  'facturx/zf24_EN16931_Gutschrift.xml': ['471102', 'EUR', 52987, 52987, '2018-04-04'],
  // '… wird am 20.03.2018 von Ihrem Konto per SEPA-Lastschrift eingezogen.'
  'facturx/zf24_EN16931_SEPA_Prenotification.pdf': ['471102', 'EUR', 52987, 52987, '2018-03-20'],
  'facturx/zf24_EN16931_SEPA_Prenotification.xml': ['471102', 'EUR', 52987, 52987, '2018-03-20'],
  // GBP, prepaid 500; first structured due date 2024-12-01 (before the issue date, as written).
  'facturx/zf24_EXTENDED_Fremdwaehrung.pdf': ['47110815', 'GBP', 102191, 52191, '2024-12-01'],
  'facturx/zf24_EXTENDED_Fremdwaehrung.xml': ['47110815', 'GBP', 102191, 52191, '2024-12-01'],
  // 'Bei Zahlung innerhalb 14 Tagen gewähren wir 2,0% Skonto.' → 2025-10-01 + 30 days.
  'facturx/zf24_EXTENDED_Warenrechnung.pdf': ['R87654321012345', 'EUR', 51899, 51899, '2025-10-31'],
  'facturx/zf24_EXTENDED_Warenrechnung.xml': ['R87654321012345', 'EUR', 51899, 51899, '2025-10-31'],
  'facturx/zf24_MINIMUM_Rechnung.pdf': ['471102', 'EUR', 23562, 23562, '2020-04-04'],
  'facturx/zf24_MINIMUM_Rechnung.xml': ['471102', 'EUR', 23562, 23562, '2020-04-04'],
  'facturx/zf24_XRECHNUNG_Einfach.pdf': ['471102', 'EUR', 52987, 52987, '2025-12-15'],
  'facturx/zf24_XRECHNUNG_Einfach.xml': ['471102', 'EUR', 52987, 52987, '2025-12-15'],
  'ubl/cef_ubl-tc434-creditnote1.xml': { credit: 10011, outcome: 'names_no_invoice' },
  'ubl/cef_ubl-tc434-example1.xml': ['12115118', 'EUR', 25033, 25033, '2015-01-09'],
  'ubl/cef_ubl-tc434-example2.xml': ['TOSL108', 'NOK', 180178, 80178, '2013-07-20'],
  'ubl/cef_ubl-tc434-example5.xml': ['TOSL110', 'DKK', 467500, 233750, '2013-05-10'],
  'ubl/peppol_Allowance-example.xml': ['Snippet1', 'EUR', 712500, 612500, '2017-12-01'],
  // 1801.78 + rounding 0.22 = 1802.00 asked in all; 802.00 due after the 1000 prepaid.
  'ubl/peppol_NO_Norwegian-example-1.xml': ['TOSL108', 'NOK', 180200, 80200, '2013-07-20'],
  'ubl/peppol_Vat-category-S.xml': ['Snippet1', 'EUR', 855000, 855000, '2017-12-01'],
  'ubl/peppol_base-creditnote-correction.xml': { credit: 165625, outcome: 'invoice_not_found' },
  'ubl/peppol_base-example.xml': ['Snippet1', 'EUR', 165625, 165625, '2017-12-01'],
  'ubl/peppol_base-negative-inv-correction.xml': { credit: 165625, outcome: 'invoice_not_found' },
  // 'Payment within 30 days', no date: 2018-08-30 + 30 days.
  'ubl/peppol_vat-category-E.xml': ['Vat-Z', 'GBP', 120000, 120000, '2018-09-29'],
  'cii/cef_CII_business_example_02.xml': ['INV000013', 'EUR', 1190, 1190, '2013-05-10'],
  'cii/cef_CII_example1.xml': ['12115118', 'EUR', 25033, 25033, '2015-01-09'],
  'cii/cef_CII_example3.xml': ['TOSL108', 'DKK', 112500, 112500, '2013-05-10'],
  'cii/cef_CII_example5.xml': ['TOSL110', 'DKK', 467500, 233750, '2013-05-10'],
  'cii/cef_XRechnung-O.xml': ['150377292', 'EUR', 38554460, 38554460, '2021-01-01'],
};

describeEachDatabase('every e-invoice sample of ../shared/fixtures imported alone', (ctx) => {
  it.skipIf(shared === '').each(Object.entries(SAMPLES))('%s', async (path, expected) => {
    const w = await importWorld(ctx.handle);
    const bytes = readFileSync(join(shared, path));
    const result = await importEInvoices(w.deps, w.actor, { files: [{ fileName: path, bytes }] });
    expect(result.failures).toEqual([]);
    const [document] = result.documents;
    if (Array.isArray(expected)) {
      const [invoice, currency, amount, outstanding, due] = expected as Claim;
      expect(document?.claim).toMatchObject({ imported: true, dueDate: due, outstandingMinor: outstanding });
      const claims = await ctx.handle.db
        .selectFrom('claims')
        .select(['invoice_number', 'currency', 'amount_minor', 'outstanding_minor', 'due_date', 'status'])
        .where('tenant_id', '=', w.tenantId)
        .execute();
      expect(claims).toEqual([
        {
          invoice_number: invoice,
          currency,
          amount_minor: amount,
          outstanding_minor: outstanding,
          due_date: due,
          status: 'open',
        },
      ]);
      return;
    }
    const { credit, outcome } = expected as Credit;
    expect(document?.claim).toBeNull();
    expect(document?.credit).toMatchObject({ amountMinor: credit, unappliedMinor: credit });
    const outcomes = document?.credit?.applications.map((a) => a.outcome) ?? [];
    expect(outcomes).toEqual(outcome === 'names_no_invoice' ? [] : ['invoice_not_found']);
    const stored = await ctx.handle.db
      .selectFrom('claims')
      .select('claim_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(stored).toEqual([]);
  });
});
