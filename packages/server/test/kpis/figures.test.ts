import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundSql } from '../../src/db/figures/bound-sql.ts';
import { COHORT_FIGURES } from '../../src/db/figures/cohort-figures.ts';
import { compactFigures } from '../../src/db/figures/compact-figures.ts';
import {
  CLAIM_FIGURES,
  contributionSelect,
  FIGURE_SPECS,
  type FigureSpec,
  groupedContributions,
  keyNames,
} from '../../src/db/figures/figure-specs.ts';
import { sumFigures } from '../../src/db/figures/sum-figures.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { reversePayment } from '../../src/use-cases/payments/reverse-payment.ts';
import { fixtures, importWorld } from '../fixtures/import-world.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectStrategiesInStep } from './strategy-figures-check.ts';

describeEachDatabase('the dashboards’ running figures', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let system: Actor;

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'F');
    system = { tenantId: tenant.tenantId, kind: 'system', id: 'test', role: 'admin', creditorId: null };
    // Two strategies, one case counted (folded) and the others pending: the figures by strategy follow too.
    const assign = (key: string, refs: readonly string[]) =>
      ctx.handle.db
        .updateTable('cases')
        .set({ strategy_key: key })
        .where('tenant_id', '=', tenant.tenantId)
        .where(
          'case_id',
          'in',
          refs.map((r) => tenant.debtors[r]?.caseId ?? ''),
        )
        .execute();
    await assign('alpha', ['D1']);
    await compactFigures(ctx.handle.db, ctx.handle.dialect, tenant.tenantId);
    await assign('beta', ['D5', 'D6']);
  });

  /** The figures as the triggers kept them (sums + pending deltas), by every key, leaving out zeros. */
  const kept = async (spec: FigureSpec, tenantId: string) =>
    (await sumFigures(ctx.handle.db, spec, { tenantId, groupBy: keyNames(spec) })).filter((r) =>
      Object.entries(r).some(([k, v]) => !keyNames(spec).includes(k) && v !== 0),
    );

  /** The same figures computed again from the source rows. */
  const recomputed = async (spec: FigureSpec, tenantId: string) => {
    const select = groupedContributions(
      spec,
      contributionSelect(spec, 's', 1, `${spec.source} s where s.tenant_id = :tenant`),
    );
    const rows = await boundSql<Record<string, string | number>>(
      `${select} order by ${keyNames(spec).join(', ')}`,
      { tenant: tenantId },
    ).execute(ctx.handle.db);
    const keys = new Set(keyNames(spec));
    return rows.rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keys.has(k) ? String(v) : Number(v)])),
    );
  };

  const expectInStep = async (tenantId: string) => {
    for (const spec of [...FIGURE_SPECS, COHORT_FIGURES]) {
      const wanted = await recomputed(spec, tenantId);
      expect(await kept(spec, tenantId), spec.figures).toEqual(wanted);
    }
    await expectStrategiesInStep(ctx.handle, tenantId);
  };

  const deltaCount = async (tenantId: string) => {
    const rows = await ctx.handle.db
      .selectFrom('claim_figure_deltas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(rows.n);
  };

  it('start from the seeded claims and add up to what the claims table says', async () => {
    await expectInStep(tenant.tenantId);
    const [totals] = await sumFigures(ctx.handle.db, CLAIM_FIGURES, { tenantId: tenant.tenantId });
    const direct = await ctx.handle.db
      .selectFrom('claims')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('amount_minor').as('amount'),
        eb.fn.sum<number>('outstanding_minor').as('outstanding'),
      ])
      .where('tenant_id', '=', tenant.tenantId)
      .where('status', 'in', ['open', 'disputed'])
      .executeTakeFirstOrThrow();
    expect(totals?.receivable_count).toBe(Number(direct.n));
    expect(totals?.receivable_minor).toBe(Number(direct.outstanding));
    expect(totals?.receivable_minor).toBeGreaterThan(0);
  });

  it('follow payments, reversals, disputes, a debtor changing kind and deletions', async () => {
    const d1 = tenant.debtors.D1;
    if (!d1) throw new Error('seed');
    const before = (await sumFigures(ctx.handle.db, CLAIM_FIGURES, { tenantId: tenant.tenantId }))[0];
    const paid = await recordPayment(deps, system, {
      caseId: d1.caseId,
      amountMinor: 300_00,
      currency: 'EUR',
      method: 'transfer',
      channel: 'manual',
      provider: null,
      sourceKey: 'figures:1',
      receivedOn: today,
      reference: null,
    });
    await expectInStep(tenant.tenantId);
    const after = (await sumFigures(ctx.handle.db, CLAIM_FIGURES, { tenantId: tenant.tenantId }))[0];
    expect(after?.collected_minor).toBe(Number(before?.collected_minor) + 300_00);
    const [payments] = await sumFigures(ctx.handle.db, FIGURE_SPECS[1] as FigureSpec, {
      tenantId: tenant.tenantId,
      filters: [{ column: 'received_on', op: '=', value: today }],
    });
    expect(payments).toMatchObject({ payment_count: 1, amount_minor: 300_00, reversed_count: 0 });

    await reversePayment(deps, system, { paymentId: paid.paymentId, reason: 'chèque rejeté' });
    await expectInStep(tenant.tenantId);

    await ctx.handle.db
      .updateTable('claims')
      .set({ status: 'disputed' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('claim_id', '=', d1.claimIds[0] ?? '')
      .execute();
    await ctx.handle.db
      .updateTable('debtors')
      .set({ kind: 'consumer' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('debtor_id', '=', d1.debtorId)
      .execute();
    await expectInStep(tenant.tenantId);
    const segments = await sumFigures(ctx.handle.db, CLAIM_FIGURES, {
      tenantId: tenant.tenantId,
      groupBy: ['segment'],
    });
    expect(segments.map((s) => s.segment)).toContain('consumer');

    await ctx.handle.db
      .deleteFrom('claims')
      .where('tenant_id', '=', tenant.tenantId)
      .where('claim_id', '=', d1.claimIds[0] ?? '')
      .execute();
    await expectInStep(tenant.tenantId);
  });

  it('fold their deltas without changing a figure, and drop the rows back at zero', async () => {
    const before = await kept(CLAIM_FIGURES, tenant.tenantId);
    expect(await deltaCount(tenant.tenantId)).toBeGreaterThan(0);
    expect(await compactFigures(ctx.handle.db, ctx.handle.dialect, tenant.tenantId)).toBeGreaterThan(0);
    expect(await deltaCount(tenant.tenantId)).toBe(0);
    expect(await kept(CLAIM_FIGURES, tenant.tenantId)).toEqual(before);
    await expectInStep(tenant.tenantId);
    const zero = await ctx.handle.db
      .selectFrom('claim_figures')
      .select('due_date')
      .where('tenant_id', '=', tenant.tenantId)
      .where('claim_count', '=', 0)
      .where('receivable_minor', '=', 0)
      .where('collected_minor', '=', 0)
      .where('amount_minor', '=', 0)
      .execute();
    expect(zero).toEqual([]);
    expect(await compactFigures(ctx.handle.db, ctx.handle.dialect, tenant.tenantId)).toBe(0);
  });

  it('on PostgreSQL, vacuum a deltas table a fold has just emptied of many rows (its dead rows slow every read)', async () => {
    if (ctx.handle.dialect !== 'postgres') return;
    const db = ctx.handle.db;
    const pages = async (table: string) =>
      Number(
        (await sql<{ n: string }>`select pg_relation_size(to_regclass(${table})) as n`.execute(db)).rows[0]
          ?.n,
      );
    await sql`update claims set amount_minor = amount_minor + 1 where tenant_id = ${tenant.tenantId}`.execute(
      db,
    );
    // Fewer deltas than the threshold: the table keeps its dead rows until autovacuum.
    expect(await compactFigures(db, 'postgres', tenant.tenantId)).toBeGreaterThan(0);
    expect(await pages('claim_figure_deltas')).toBeGreaterThan(0);
    await sql`update claims set amount_minor = amount_minor - 1 where tenant_id = ${tenant.tenantId}`.execute(
      db,
    );
    // As many as the threshold: vacuumed at once, and the empty table truncated.
    expect(await compactFigures(db, 'postgres', tenant.tenantId, { vacuumAfter: 1 })).toBeGreaterThan(0);
    expect(await pages('claim_figure_deltas')).toBe(0);
    expect(await pages('strategy_figure_deltas')).toBe(0);
    await expectInStep(tenant.tenantId);
  });

  describe('a bulk load', () => {
    it('sets the triggers aside, adds the creditor’s claims in one go, and puts the triggers back', async () => {
      const triggers = async () =>
        ctx.handle.dialect === 'postgres'
          ? (
              await sql<{ name: string }>`select tgname as name from pg_trigger
                where tgrelid = to_regclass('claims') and not tgisinternal order by tgname`.execute(
                ctx.handle.db,
              )
            ).rows.map((r) => r.name)
          : (
              await sql<{ name: string }>`select name from sqlite_master
                where type = 'trigger' and tbl_name = 'claims' order by name`.execute(ctx.handle.db)
            ).rows.map((r) => r.name);
      const present = await triggers();
      expect(present).toEqual([
        'claims_cohorts_delete',
        'claims_cohorts_insert',
        'claims_cohorts_update',
        'claims_figures_delete',
        'claims_figures_insert',
        'claims_figures_update',
        'claims_strategies_delete',
        'claims_strategies_insert',
        'claims_strategies_update',
      ]);
      const w = await importWorld(ctx.handle);
      const path = join(w.dir, 'factures.csv');
      copyFileSync(join(fixtures, 'factures-fr.csv'), path);
      const input = { creditorRef: 'ACME', source: { kind: 'file', path }, bulkLoadMinRows: 1 } as const;
      expect(await importClaims(w.deps, w.actor, input)).toMatchObject({ inserted: 5 });
      expect(await triggers()).toEqual(present);
      await expectInStep(w.tenantId);
      const [totals] = await sumFigures(ctx.handle.db, CLAIM_FIGURES, { tenantId: w.tenantId });
      expect(totals?.claim_count).toBe(5);
      // A second, ordinary import of the same file changes nothing, figures included.
      await importClaims(w.deps, w.actor, input);
      await expectInStep(w.tenantId);
    });
  });
});
