import { describe, expect, it } from 'vitest';
import { seedTenant } from '../../../test/http/seed.ts';
import { now, testDeps, today } from '../../../test/http/support.ts';
import { expectStrategiesInStep, leftToFold } from '../../../test/kpis/strategy-figures-check.ts';
import { openBareDatabase, stepMigrator, testDialects } from '../../../test/support/databases.ts';
import { pastMonthEnds, recordFigureHistory } from '../../use-cases/kpis/history/record-figure-history.ts';
import { migrateToLatest } from '../database.ts';
import { compactFigures } from '../figures/compact-figures.ts';

describe.each(testDialects)('migration 0026: the cohorts by strategy [%s]', (dialect) => {
  it('upgrades from 0025 with the sums exact, a pending case still pending, and the triggers keeping them', async () => {
    const handle = await openBareDatabase(dialect, 2);
    try {
      const db = handle.db;
      const migrator = await stepMigrator(handle);
      const to = async (name: string) => expect((await migrator.migrateTo(name)).error).toBeUndefined();
      // Cases with a strategy before 0020, which counts them; then, at 0025, a strategy change not folded and a
      // payment's change of a counted claim (a delta of the old shape, with no cohort).
      await to('0019-entered-rates');
      const tenant = await seedTenant(db, 'UP');
      const caseOf = (ref: string) => tenant.debtors[ref]?.caseId ?? '';
      const assign = (strategy: string, refs: readonly string[]) =>
        db
          .updateTable('cases')
          .set({ strategy_key: strategy })
          .where('tenant_id', '=', tenant.tenantId)
          .where('case_id', 'in', refs.map(caseOf))
          .execute();
      await assign('alpha', ['D1', 'D3']);
      await assign('beta', ['D5', 'B1']);
      await to('0025-evidence-pending');
      await assign('beta', ['D3']);
      await db
        .updateTable('claims')
        .set({ outstanding_minor: 900_00, paid_principal_minor: 300_00 })
        .where('tenant_id', '=', tenant.tenantId)
        .where('invoice_number', '=', 'F-1001')
        .execute();
      // Today's lines by strategy written before the upgrade: their cohorts by strategy are not.
      await db
        .insertInto('strategy_history_days')
        .values({ tenant_id: tenant.tenantId, as_of: today, source: 'live', taken_at: now })
        .execute();
      const deltasBefore = await db
        .selectFrom('strategy_figure_deltas')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(deltasBefore.n)).toBeGreaterThan(0);

      expect((await migrateToLatest(db)).at(0)).toBe('0026-strategy-cohorts');
      // The sums start again from the counted cases: nothing left to fold but D3's change.
      expect(await leftToFold(handle, tenant.tenantId)).toEqual({ deltas: 0, cases: 1 });
      expect(await expectStrategiesInStep(handle, tenant.tenantId)).toBe(2);
      const counted = await db
        .selectFrom('strategy_cohort_figures')
        .select(['strategy_key', 'cohort_month', 'amount_minor', 'collected_minor'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('cohort_month', '=', '2025-12')
        .orderBy('strategy_key')
        .execute();
      // December: F-1001 (alpha, 300.00 paid) and M-3 (beta); D3 still counted under alpha (F-3001 is February).
      expect(counted.map((r) => [r.strategy_key, Number(r.amount_minor), Number(r.collected_minor)])).toEqual(
        [
          ['alpha', 1200_00, 300_00],
          ['beta', 300_00, 0],
        ],
      );

      // The new triggers: a claim's change counts in both sums by strategy, folded or not.
      await db
        .updateTable('claims')
        .set({ outstanding_minor: 300_00, paid_principal_minor: 100_00 })
        .where('tenant_id', '=', tenant.tenantId)
        .where('invoice_number', '=', 'M-4')
        .execute();
      await expectStrategiesInStep(handle, tenant.tenantId);
      await compactFigures(db, dialect, tenant.tenantId);
      expect(await leftToFold(handle, tenant.tenantId)).toEqual({ deltas: 0, cases: 0 });
      await expectStrategiesInStep(handle, tenant.tenantId);

      // Today's cohorts by strategy are computed at the next tick, its lines by strategy are not written again.
      const written = await recordFigureHistory(testDeps(handle), tenant.tenantId);
      expect(written.byStrategy).toEqual(pastMonthEnds(today, 24));
      expect(written.cohortsByStrategy).toEqual([today, ...pastMonthEnds(today, 24)]);

      // Down to 0025 and up again: the sums made again each way.
      await to('0025-evidence-pending');
      expect((await migrateToLatest(db)).at(0)).toBe('0026-strategy-cohorts');
      await expectStrategiesInStep(handle, tenant.tenantId);
    } finally {
      await handle.close();
    }
  });
});
