import type { FastifyInstance } from 'fastify';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactFigures } from '../../src/db/figures/compact-figures.ts';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { getTrends, type Trends } from '../../src/use-cases/kpis/history/get-trends.ts';
import {
  pastMonthEnds,
  recordFigureHistory,
} from '../../src/use-cases/kpis/history/record-figure-history.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testDeps, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectStrategiesInStep, leftToFold } from './strategy-figures-check.ts';
import { strategyWorld } from './strategy-world.ts';

const ALPHA = ['D1', 'D2', 'D3', 'B1'];
const BETA = ['D4', 'D5', 'D6'];
/** Six months shown: the cohorts from October 2025 (the month of the window's first month-end) on. */
const MONTHS = 6;
const FIRST = '2025-10';

type Curve = {
  readonly cohort: string;
  readonly placedMinor: number;
  readonly placedCount: number;
  readonly points: readonly { readonly offset: number; readonly collectedMinor: number }[];
};

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const december = (curves: readonly Curve[]) => curves.find((c) => c.cohort === '2025-12');
const shape = (t: Trends): Curve[] =>
  t.liquidation.map((c) => ({
    cohort: c.cohort,
    placedMinor: c.placedMinor,
    placedCount: c.placedCount,
    points: c.points.map((p) => ({ offset: p.offset, collectedMinor: p.collectedMinor })),
  }));

/**
 * The liquidation curves by strategy (decision 0016) on the seeded portfolio of 2026-03-16 (test/http/seed.ts)
 * with one claim more, placed with an agency in January (its cohort is its placement's month, not its issue
 * date's): every case follows 'alpha' or 'beta', and four payments land in three cohorts and two strategies.
 * Each strategy's curves equal a hand count of its cases' claims and their payments' allocations, the
 * strategies add up to the unfiltered curves, and a case that changes strategy moves its cohort at once.
 */
describeEachDatabase('the liquidation curves by strategy', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: Actor;

  const { caseOf, assign, pay } = strategyWorld(
    () => ctx.handle,
    () => ({ deps, tenant, supervisor }),
    'strategy-liquidation:',
  );
  const curves = async (strategyKey?: string) =>
    shape(await getTrends(deps, supervisor, { months: MONTHS, currency: 'EUR', strategyKey }));

  /**
   * The curves counted from the tables with none of Relance's SQL: the claims of the cases following
   * `strategy` now (all with null), by the month of their placement, else of their issue date; collected to
   * the end of each month, the booked payments' allocations received by then.
   */
  const byHand = async (strategy: string | null): Promise<Curve[]> => {
    const db = ctx.handle.db;
    const claims = await db
      .selectFrom('claims as k')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.case_id', '=', 'k.case_id'),
      )
      .leftJoin('placements as p', (j) =>
        j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.placement_id', '=', 'k.placement_id'),
      )
      .select(['k.claim_id', 'k.amount_minor', 'k.issue_date', 'k.created_at', 'p.placed_on'])
      .where('k.tenant_id', '=', tenant.tenantId)
      .where('k.status', '<>', 'cancelled')
      .where('k.currency', '=', 'EUR')
      .$if(strategy !== null, (q) => q.where('c.strategy_key', '=', strategy ?? ''))
      .execute();
    const allocations = await db
      .selectFrom('payment_allocations as a')
      .innerJoin('payments as p', (j) =>
        j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.payment_id', '=', 'a.payment_id'),
      )
      .select(['a.claim_id', 'a.amount_minor', 'p.received_on'])
      .where('a.tenant_id', '=', tenant.tenantId)
      .where('p.status', '=', 'booked')
      .execute();
    const cohorts = new Map<string, { placed: number; count: number; claims: Set<string> }>();
    for (const k of claims) {
      const cohort = (k.placed_on ?? k.issue_date ?? k.created_at).slice(0, 7);
      if (cohort < FIRST) continue;
      const c = cohorts.get(cohort) ?? { placed: 0, count: 0, claims: new Set<string>() };
      c.placed += Number(k.amount_minor);
      c.count += 1;
      c.claims.add(k.claim_id);
      cohorts.set(cohort, c);
    }
    const current = today.slice(0, 7);
    return [...cohorts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([cohort, c]) => {
        const points = [];
        for (let offset = 0; shiftMonth(cohort, offset) <= current; offset++) {
          const month = shiftMonth(cohort, offset);
          const end = month === current ? today : monthEnd(month);
          const collectedMinor = allocations
            .filter((a) => a.claim_id !== null && c.claims.has(a.claim_id) && a.received_on <= end)
            .reduce((sum, a) => sum + Number(a.amount_minor), 0);
          points.push({ offset, collectedMinor });
        }
        return { cohort, placedMinor: c.placed, placedCount: c.count, points };
      });
  };

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'LIQ');
    supervisor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.supervisor.id,
      role: 'supervisor',
      creditorId: null,
    };
    await placeWithAgency();
    await assign('alpha', ALPHA);
    await assign('beta', BETA);
    await pay('B1', 1000_00, '2026-01-20', '1');
    await pay('D1', 300_00, '2026-02-10', '2');
    await pay('D3', 100_00, '2026-03-05', '3');
    await pay('D5', 150_00, '2026-03-10', '4');
    const written = await recordFigureHistory(deps, tenant.tenantId);
    expect(written.cohortsByStrategy).toEqual([today, ...pastMonthEnds(today, 24)]);
  });

  /** BETA's claim P-1, issued in June 2025 and placed on 15 January 2026: its cohort is January. */
  async function placeWithAgency(): Promise<void> {
    const db = ctx.handle.db;
    const placementId = newId();
    await db
      .insertInto('placements')
      .values({
        tenant_id: tenant.tenantId,
        placement_id: placementId,
        creditor_id: tenant.creditors.beta,
        label: 'janvier',
        placed_on: '2026-01-15',
        claim_count: 1,
        amount_minor: 500_00,
        currency: 'EUR',
        import_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const b1 = await db
      .selectFrom('claims')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', caseOf('B1'))
      .executeTakeFirstOrThrow();
    await db
      .insertInto('claims')
      .values({
        ...b1,
        claim_id: newId(),
        invoice_number: 'P-1',
        issue_date: '2025-06-01',
        due_date: '2025-07-01',
        amount_minor: 500_00,
        outstanding_minor: 500_00,
        placement_id: placementId,
        content_hash: newId(),
      })
      .execute();
    await db
      .updateTable('cases')
      .set((eb) => ({
        outstanding_minor: eb('outstanding_minor', '+', 500_00),
        claim_count: eb('claim_count', '+', 1),
        open_claim_count: eb('open_claim_count', '+', 1),
        oldest_due_date: '2025-07-01',
      }))
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', caseOf('B1'))
      .execute();
  }

  it('gives each strategy’s curves as counted by hand, the placed claim in its placement’s month', async () => {
    const [all, alpha, beta] = await Promise.all([curves(), curves('alpha'), curves('beta')]);
    expect(all).toEqual(await byHand(null));
    expect(alpha).toEqual(await byHand('alpha'));
    expect(beta).toEqual(await byHand('beta'));
    // The hand count is not empty where it matters: January holds P-1 alone, paid in part on 20 January.
    expect(alpha.map((c) => c.cohort)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(alpha.find((c) => c.cohort === '2026-01')).toMatchObject({ placedMinor: 500_00, placedCount: 1 });
    expect(alpha.find((c) => c.cohort === '2025-12')?.points.map((p) => p.collectedMinor)).toEqual([
      0, 0, 300_00, 300_00,
    ]);
    expect(beta.map((c) => c.cohort)).toEqual(['2025-12', '2026-02', '2026-03']);
  });

  it('gives strategies’ curves that add up to the unfiltered curves, cohort by cohort, month by month', async () => {
    const [all, alpha, beta] = await Promise.all([curves(), curves('alpha'), curves('beta')]);
    for (const curve of all) {
      const parts = [alpha, beta].map((s) => s.find((c) => c.cohort === curve.cohort));
      const sum = (f: (c: Curve) => number) => parts.reduce((s, c) => s + (c ? f(c) : 0), 0);
      expect(
        sum((c) => c.placedMinor),
        curve.cohort,
      ).toBe(curve.placedMinor);
      expect(
        sum((c) => c.placedCount),
        curve.cohort,
      ).toBe(curve.placedCount);
      for (const point of curve.points) {
        const at = (c: Curve) => c.points.find((p) => p.offset === point.offset)?.collectedMinor ?? 0;
        expect(sum(at), `${curve.cohort} M${point.offset}`).toBe(point.collectedMinor);
      }
    }
    expect(all.length).toBeGreaterThan(0);
  });

  it('moves a case’s cohort at once when it changes strategy, its past month-ends staying as written', async () => {
    const before = { alpha: await curves('alpha'), beta: await curves('beta') };
    // D1 (F-1001, December's cohort, paid 300.00 in February) moves to beta; nothing is folded yet.
    await assign('beta', ['D1']);
    expect((await leftToFold(ctx.handle, tenant.tenantId)).cases).toBeGreaterThan(0);
    for (const fold of [false, true]) {
      if (fold) {
        await compactFigures(ctx.handle.db, ctx.handle.dialect, tenant.tenantId);
        expect(await leftToFold(ctx.handle, tenant.tenantId)).toEqual({ deltas: 0, cases: 0 });
      }
      for (const strategy of ['alpha', 'beta'] as const) {
        const current = await curves(strategy);
        const hand = await byHand(strategy);
        // Placed and the current month: the claims of the cases following the strategy now.
        expect(current.map((c) => [c.cohort, c.placedMinor, c.placedCount, c.points.at(-1)])).toEqual(
          hand.map((c) => [c.cohort, c.placedMinor, c.placedCount, c.points.at(-1)]),
        );
        // The month-ends before: as written, under the strategy of their day.
        for (const curve of current) {
          const was = before[strategy].find((c) => c.cohort === curve.cohort);
          expect(was, `${strategy} ${curve.cohort}`).toBeDefined();
          expect(curve.points.slice(0, -1), `${strategy} ${curve.cohort}`).toEqual(was?.points.slice(0, -1));
        }
      }
      expect(december(await curves('alpha'))).toBeUndefined();
      expect(december(await curves('beta'))?.points.at(-1)?.collectedMinor).toBe(300_00);
      await expectStrategiesInStep(ctx.handle, tenant.tenantId);
    }
    // A payment on the moved case counts under its new strategy at once.
    await pay('D1', 50_00, today, '5');
    expect(december(await curves('beta'))?.points.at(-1)?.collectedMinor).toBe(350_00);
    expect((await curves('beta')).map((c) => c.points.at(-1))).toEqual(
      (await byHand('beta')).map((c) => c.points.at(-1)),
    );
    await expectStrategiesInStep(ctx.handle, tenant.tenantId);
  });

  it('computes back the cohorts by strategy of the days written before they were kept', async () => {
    for (const table of ['strategy_cohort_history', 'strategy_cohort_days'] as const)
      await ctx.handle.db.deleteFrom(table).where('tenant_id', '=', tenant.tenantId).execute();
    const again = await recordFigureHistory(deps, tenant.tenantId);
    expect(again).toEqual({
      live: null,
      computed: [],
      byStrategy: [],
      cohortsByStrategy: [today, ...pastMonthEnds(today, 24)],
    });
    // Computed back with today's strategies: every month-end of beta's curves is its cases' of today.
    expect(await curves('beta')).toEqual(await byHand('beta'));
    expect(await curves('alpha')).toEqual(await byHand('alpha'));
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      ({ app } = await testServer(ctx.handle));
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers the strategy’s curves with no part said unfiltered, and the workbook has the same', async () => {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/dashboard/trends?months=${MONTHS}&strategyKey=beta`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json() as Trends;
      expect(body).not.toHaveProperty('unfiltered');
      expect(shape(body)).toEqual(await byHand('beta'));
      const file = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard.xlsx?strategyKey=beta',
        headers: { cookie, 'accept-language': 'en' },
      });
      expect(file.statusCode).toBe(200);
      const sheets = await readXlsxFile(file.rawPayload);
      const rows = sheets.find((s) => s.sheet === 'Liquidation curves')?.data ?? [];
      const twelve = await getTrends(deps, supervisor, { strategyKey: 'beta', currency: 'EUR' });
      expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(
        twelve.liquidation.map((c) => [c.cohort, c.placedMinor / 100, c.placedCount]),
      );
      expect(rows.slice(1).map((r) => r.slice(3).filter((v) => v !== null))).toEqual(
        twelve.liquidation.map((c) => c.points.map((p) => (p.share === null ? null : Number(p.share)))),
      );
    });
  });
});
