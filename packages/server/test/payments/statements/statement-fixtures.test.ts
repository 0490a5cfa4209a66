import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@relance/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/shared/deps.ts';
import { importStatement } from '../../../src/use-cases/payments/statements/import-statement.ts';
import { testDeps } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { sharedFixtures } from '../../support/shared-fixtures.ts';
import { adminOf, countRows, emptyTenant } from './statement-world.ts';

const fixtures = sharedFixtures();

/**
 * Every bank statement of the shared fixtures, imported into an empty tenant: its lines (a transaction of
 * an entry, or the entry without details), what is set aside (debits, bookings not made), what waits for a
 * person (returns and reversals without their payment), what found no case (every credit: there are none).
 */
const expected: Readonly<
  Record<string, { lines: number; ignored: number; review: number; unmatched: number }>
> = {
  'camt053/dvbern_postfinance_camt.053.001.04_2016053100163801.xml': {
    lines: 32,
    ignored: 6,
    review: 5,
    unmatched: 21,
  },
  'camt053/dvbern_six_business_sample_camt.053.001.04.xml': { lines: 3, ignored: 1, review: 0, unmatched: 2 },
  'camt053/genkgo_camt053.v2.five.decimals.xml': { lines: 1, ignored: 0, review: 0, unmatched: 1 },
  'camt053/genkgo_camt053.v2.multi.statement.xml': { lines: 2, ignored: 1, review: 0, unmatched: 1 },
  'camt053/moov_FI_camt_053_sample.xml': { lines: 13, ignored: 7, review: 0, unmatched: 6 },
  'camt053/moov_postfinance_camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml': {
    lines: 5,
    ignored: 1,
    review: 0,
    unmatched: 4,
  },
  'camt053/moov_statement_1_LT.xml': { lines: 4, ignored: 4, review: 0, unmatched: 0 },
  'camt053/oca_test-camt053-txdtls.xml': { lines: 2, ignored: 0, review: 0, unmatched: 2 },
  'camt053/oca_test-camt053.xml': { lines: 4, ignored: 1, review: 2, unmatched: 1 },
  'camt053/ofxstatement_camt053.xml': { lines: 1, ignored: 0, review: 0, unmatched: 1 },
  'camt053/ofxstatement_davider80.xml': { lines: 16, ignored: 15, review: 0, unmatched: 1 },
  'camt053/ofxstatement_gcamp6.xml': { lines: 5, ignored: 0, review: 0, unmatched: 5 },
  'camt053/ofxstatement_simple.xml': { lines: 4, ignored: 4, review: 0, unmatched: 0 },
  'camt053/viafintech_valid_example.xml': { lines: 5, ignored: 4, review: 0, unmatched: 1 },
  'camt053/viafintech_valid_example_v8.xml': { lines: 3, ignored: 1, review: 0, unmatched: 2 },
  'camt053/viafintech_valid_example_with_batch.xml': { lines: 3, ignored: 1, review: 0, unmatched: 2 },
  'camt053/viafintech_valid_example_with_datetime.xml': { lines: 1, ignored: 0, review: 0, unmatched: 1 },
  'camt053/viafintech_valid_example_with_debit.xml': { lines: 5, ignored: 4, review: 0, unmatched: 1 },
  'camt053/viafintech_valid_example_with_instdamt.xml': { lines: 1, ignored: 0, review: 0, unmatched: 1 },
  'camt054/dvbern_200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2019.xml': {
    lines: 2,
    ignored: 0,
    review: 0,
    unmatched: 2,
  },
  'camt054/dvbern_200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179_v2009.xml': {
    lines: 1,
    ignored: 1,
    review: 0,
    unmatched: 0,
  },
  'camt054/dvbern_camt.054-ES_P_CH0309000000250090342_38000000_0_2016052723011813.xml': {
    lines: 8,
    ignored: 0,
    review: 0,
    unmatched: 8,
  },
  'camt054/dvbern_camt.054_P_CH2909000000250094239_1111111112_0_2022031011011199_v2019.xml': {
    lines: 1,
    ignored: 0,
    review: 0,
    unmatched: 1,
  },
  'camt054/dvbern_camt_054_Beispiel_NoCrdtBookedNotReversed.xml': {
    lines: 3,
    ignored: 2,
    review: 1,
    unmatched: 0,
  },
  'camt054/dvbern_camt_054_Beispiel_SammelbuchungEs.xml': { lines: 2, ignored: 0, review: 0, unmatched: 2 },
  'camt054/moov_FI_camt_054_sample.xml': { lines: 13, ignored: 7, review: 0, unmatched: 6 },
  'camt054/moov_postfinance_200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179.xml':
    {
      lines: 6,
      ignored: 1,
      review: 0,
      unmatched: 5,
    },
  'camt054/moov_postfinance_200519_camt054-epo_p_ch5109000000250092291_1110097605_0_2019052103322231.xml': {
    lines: 3,
    ignored: 3,
    review: 0,
    unmatched: 0,
  },
  'camt054/moov_postfinance_200519_camt054-returns_p_ch2909000000250094239_1109800798_0_2019052023472022.xml':
    {
      lines: 1,
      ignored: 0,
      review: 1,
      unmatched: 0,
    },
  'camt054/moov_postfinance_camt054-returns_p_ch5109000000250092291_1110097606_0_2020112500512470.xml': {
    lines: 1,
    ignored: 0,
    review: 1,
    unmatched: 0,
  },
  'camt054/oca_test-camt054.xml': { lines: 1, ignored: 0, review: 0, unmatched: 1 },
  'camt054/viafintech_valid_example.xml': { lines: 5, ignored: 0, review: 2, unmatched: 3 },
  'cfonb120/oca_l10n-france_cfonb_classic.cfo': { lines: 13, ignored: 4, review: 0, unmatched: 9 },
  'cfonb120/pennylane_example.txt': { lines: 6, ignored: 5, review: 0, unmatched: 1 },
};

describeEachDatabase('bank statement fixtures', (ctx) => {
  let deps: Deps;
  beforeAll(() => {
    deps = testDeps(ctx.handle);
  });

  describe.skipIf(fixtures === null)('every CAMT.053, CAMT.054 and CFONB 120 sample', () => {
    it.each(Object.entries(expected))('%s imports once', async (path, counts) => {
      const tenantId = await emptyTenant(ctx.handle.db, path);
      const bytes = readFileSync(join(fixtures ?? '', path));
      const first = await importStatement(deps, adminOf(tenantId), { fileName: path, bytes });
      expect({
        lines: first.lineCount,
        ignored: first.statuses.ignored,
        review: first.statuses.review,
        unmatched: first.statuses.unmatched,
      }).toEqual(counts);
      expect(first.newCount).toBe(counts.lines);
      expect(await countRows(ctx.handle.db, 'statement_lines', tenantId)).toBe(counts.lines);
      expect([...first.lines.values()].every((l) => l.isNew)).toBe(true);

      const again = await importStatement(deps, adminOf(tenantId), { fileName: path, bytes });
      expect({ importId: again.importId, newCount: again.newCount, knownCount: again.knownCount }).toEqual({
        importId: null,
        newCount: 0,
        knownCount: counts.lines,
      });
      expect([...again.lines.values()].some((l) => l.isNew)).toBe(false);
      expect(await countRows(ctx.handle.db, 'statement_lines', tenantId)).toBe(counts.lines);
      expect(await countRows(ctx.handle.db, 'statement_imports', tenantId)).toBe(1);
    });

    it('keeps each line’s amount, direction, dates and references', async () => {
      const tenantId = await emptyTenant(ctx.handle.db, 'values');
      for (const path of [
        'camt053/moov_FI_camt_053_sample.xml',
        'camt053/genkgo_camt053.v2.five.decimals.xml',
        'cfonb120/oca_l10n-france_cfonb_classic.cfo',
        'camt053/dvbern_postfinance_camt.053.001.04_2016053100163801.xml',
      ]) {
        const bytes = readFileSync(join(fixtures ?? '', path));
        await importStatement(deps, adminOf(tenantId), { fileName: path, bytes });
      }
      const line = (where: (q: Record<string, unknown>) => boolean) =>
        ctx.handle.db
          .selectFrom('statement_lines')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .execute()
          .then((rows) => rows.filter((r) => where(r)));
      const [rf] = await line((r) => r.creditor_reference === 'RF98123456789012' && r.end_to_end_id === null);
      expect(rf).toMatchObject({
        amount_minor: 5455_00,
        currency: 'EUR',
        direction: 'credit',
        payer_name: 'PAYERS NAME2',
      });
      const [decimals] = await line((r) => r.remittance === 'Transaction Description');
      expect(decimals).toMatchObject({ amount_minor: 8_85, direction: 'credit', end_to_end_id: '000000001' });
      const [cfonb] = await line((r) => r.payer_name === 'MA JOLIE BOUTIQUE');
      expect(cfonb).toMatchObject({ amount_minor: 1040_17, booking_date: '2024-01-13', direction: 'credit' });
      expect(cfonb?.remittance).toContain('F230875');
      const returned = await line((r) => r.return_reason === 'MD06');
      expect(
        returned
          .map((r) => [Number(r.amount_minor), r.direction, Number(r.reversal), r.match_status])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual([
        [6_00, 'debit', 1, 'review'],
        [15_53, 'debit', 1, 'review'],
      ]);
    });
  });

  it('refuses a file that is no statement, saying why in both languages, and writes nothing', async () => {
    const tenantId = await emptyTenant(ctx.handle.db, 'unreadable');
    const bytes = new TextEncoder().encode('N° facture;Montant\nF-1;12,00\n');
    const error = await importStatement(deps, adminOf(tenantId), { fileName: 'factures.csv', bytes }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'import_unreadable',
      details: { reason: 'statement_unreadable', cause: 'not_a_statement' },
    });
    expect((error as DomainError).details?.fr).toContain('CFONB 120');
    expect(await countRows(ctx.handle.db, 'statement_lines', tenantId)).toBe(0);
    expect(await countRows(ctx.handle.db, 'statement_imports', tenantId)).toBe(0);
  });
});
