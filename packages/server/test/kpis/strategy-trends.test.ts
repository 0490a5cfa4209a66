import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { getTrends, type Trends, type TrendsInput } from '../../src/use-cases/kpis/history/get-trends.ts';
import {
  pastMonthEnds,
  recordFigureHistory,
} from '../../src/use-cases/kpis/history/record-figure-history.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testDeps, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { strategyWorld } from './strategy-world.ts';

const ALPHA = ['D1', 'D2', 'D3', 'B1'];
const BETA = ['D4', 'D5', 'D6'];
const FEBRUARY = '2026-02-28';

/**
 * The trends by strategy (decision 0014) on the seeded portfolio of 2026-03-16 (test/http/seed.ts): every case
 * follows 'alpha' or 'beta', D1 (alpha) pays 300.00 on 10 February and D5 (beta) 150.00 on 10 March; each
 * strategy's trends add up to the unfiltered trends, and a month-end by strategy is what its cases' claims
 * count by hand.
 */
describeEachDatabase('the trends by strategy', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: Actor;

  const { caseOf, assign, pay } = strategyWorld(
    () => ctx.handle,
    () => ({ deps, tenant, supervisor }),
  );
  const trends = (input: TrendsInput = {}) => getTrends(deps, supervisor, { months: 6, ...input });
  const month = (t: Trends, m: string) => {
    const found = t.months.find((x) => x.month === m);
    if (!found) throw new Error(`no ${m}`);
    return found;
  };

  /** The claims of the cases following `strategy` now, as the claims table says on the end of `day`. */
  const byHand = async (strategy: string, day: string) => {
    const rows = await ctx.handle.db
      .selectFrom('claims as k')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.case_id', '=', 'k.case_id'),
      )
      .select(['k.status', 'k.amount_minor', 'k.outstanding_minor', 'k.due_date', 'k.claim_id'])
      .select((eb) =>
        eb(
          eb(eb.ref('k.paid_principal_minor'), '+', eb.ref('k.paid_interest_minor')),
          '+',
          eb.ref('k.paid_fees_minor'),
        ).as('paid'),
      )
      .where('k.tenant_id', '=', tenant.tenantId)
      .where('c.strategy_key', '=', strategy)
      .where('k.issue_date', '<=', day)
      .where('k.status', '<>', 'cancelled')
      .execute();
    // What came in after the day, claim by claim (principal, and every part).
    const later = await ctx.handle.db
      .selectFrom('payment_allocations as a')
      .innerJoin('payments as p', (j) =>
        j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.payment_id', '=', 'a.payment_id'),
      )
      .select(['a.claim_id', 'a.part', 'a.amount_minor'])
      .where('a.tenant_id', '=', tenant.tenantId)
      .where('p.received_on', '>', day)
      .where('p.status', '=', 'booked')
      .execute();
    const after = (claimId: string, principal: boolean) =>
      later
        .filter((a) => a.claim_id === claimId && (!principal || a.part === 'principal'))
        .reduce((s, a) => s + Number(a.amount_minor), 0);
    const owedThen = (r: (typeof rows)[number]) =>
      (r.status === 'open' || r.status === 'disputed' ? Number(r.outstanding_minor) : 0) +
      after(r.claim_id, true);
    return {
      claims: rows.length,
      placed: rows.reduce((s, r) => s + Number(r.amount_minor), 0),
      receivable: rows.reduce((s, r) => s + owedThen(r), 0),
      notDue: rows.filter((r) => r.due_date >= day).reduce((s, r) => s + owedThen(r), 0),
      collected: rows.reduce((s, r) => s + Number(r.paid) - after(r.claim_id, false), 0),
    };
  };
  const stored = async (strategy: string, day: string) => {
    const rows = await ctx.handle.db
      .selectFrom('strategy_figure_history')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('as_of', '=', day)
      .where('strategy_key', '=', strategy)
      .execute();
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + Number(f(r)), 0);
    return {
      claims: sum((r) => r.claim_count),
      placed: sum((r) => r.placed_minor),
      receivable: sum((r) => r.receivable_minor),
      notDue: sum((r) => r.not_due_minor),
      collected: sum((r) => r.collected_minor),
    };
  };

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'STR');
    supervisor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.supervisor.id,
      role: 'supervisor',
      creditorId: null,
    };
    await assign('alpha', ALPHA);
    await assign('beta', BETA);
    await pay('D1', 300_00, '2026-02-10', 'strategy-trends:1');
    await pay('D5', 150_00, '2026-03-10', 'strategy-trends:2');
    const written = await recordFigureHistory(deps, tenant.tenantId);
    expect(written.byStrategy).toEqual([today, ...pastMonthEnds(today, 24)]);
  });

  it('writes a month-end by strategy that equals a hand count of its cases’ claims', async () => {
    // Every payment of alpha came in by the end of February: its claims then owed what they owe now.
    const alpha = await byHand('alpha', FEBRUARY);
    expect(alpha.collected).toBe(300_00);
    expect(alpha.receivable).toBeGreaterThan(0);
    expect(await stored('alpha', FEBRUARY)).toEqual(alpha);
    // Today, written live: both strategies, as the claims table says.
    for (const strategy of ['alpha', 'beta'])
      expect(await stored(strategy, today)).toEqual(await byHand(strategy, today));
    // The lines by strategy add up to the day's lines.
    const lines = await ctx.handle.db
      .selectFrom('figure_history')
      .select((eb) => eb.fn.sum<number>('receivable_minor').as('owed'))
      .where('tenant_id', '=', tenant.tenantId)
      .where('as_of', '=', FEBRUARY)
      .executeTakeFirstOrThrow();
    expect(alpha.receivable + (await stored('beta', FEBRUARY)).receivable).toBe(Number(lines.owed));
  });

  it('gives trends by strategy that add up, month by month, to the unfiltered trends', async () => {
    const [all, alpha, beta] = await Promise.all([
      trends(),
      trends({ strategyKey: 'alpha' }),
      trends({ strategyKey: 'beta' }),
    ]);
    expect(alpha.strategyKey).toBe('alpha');
    const fields = ['placedMinor', 'receivableMinor', 'overdueMinor', 'collectedMinor'] as const;
    for (const m of all.months) {
      for (const field of fields) {
        expect(
          Number(month(alpha, m.month)[field]) + Number(month(beta, m.month)[field]),
          `${m.month} ${field}`,
        ).toBe(m[field]);
      }
    }
    expect(month(alpha, '2026-02').collectedMinor).toBe(300_00);
    expect(month(beta, '2026-02').collectedMinor).toBe(0);
    expect(month(beta, '2026-03').collectedMinor).toBe(150_00);
    const hand = await byHand('alpha', FEBRUARY);
    expect(month(alpha, '2026-02')).toMatchObject({
      placedMinor: hand.placed,
      receivableMinor: hand.receivable,
      overdueMinor: hand.receivable - hand.notDue,
    });
    // One creditor's by strategy: BETA's only case follows alpha.
    const betaCreditor = await trends({ creditorId: tenant.creditors.beta, strategyKey: 'beta' });
    expect(betaCreditor.months.every((m) => !m.placedMinor)).toBe(true);
  });

  it('gives the period’s funnel and channels by strategy', async () => {
    const db = ctx.handle.db;
    await db
      .insertInto('actions')
      .values({
        tenant_id: tenant.tenantId,
        action_id: newId(),
        case_id: caseOf('D5'),
        action_key: 'strategy-trends:1',
        planned_on: '2026-03-05',
        channel: 'sms',
        template: 'reminder',
        language: 'fr',
        purpose: 'reminder',
        status: 'sent',
        strategy_key: 'beta',
        reason: '{}',
        gate: '{}',
        created_at: now,
        sent_at: '2026-03-05T09:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('payment_attempts')
      .values({
        tenant_id: tenant.tenantId,
        attempt_id: newId(),
        case_id: caseOf('D1'),
        channel: 'portal',
        provider: 'builtin',
        amount_minor: 100_00,
        currency: 'EUR',
        status: 'abandoned',
        input_errors: 0,
        started_at: '2026-03-11T10:00:00.000Z',
        updated_at: '2026-03-11T10:05:00.000Z',
      })
      .execute();
    const [alpha, beta] = await Promise.all([
      trends({ strategyKey: 'alpha' }),
      trends({ strategyKey: 'beta' }),
    ]);
    expect([alpha.funnel.total.started, beta.funnel.total.started]).toEqual([1, 0]);
    expect(alpha.channels.channels).toEqual([]);
    // The SMS of 5 March drew D5's payment of 10 March.
    expect(beta.channels.channels.map((c) => [c.channel, c.sent, c.responded])).toEqual([['sms', 1, 1]]);
  });

  it('keeps a recorded month-end under the strategy of its day; one computed back takes today’s', async () => {
    const before = month(await trends({ strategyKey: 'alpha' }), '2026-02');
    // D1 moves to beta: the current month follows, February as written stays, and so does its collected.
    await assign('beta', ['D1']);
    const [alpha, beta] = await Promise.all([
      trends({ strategyKey: 'alpha' }),
      trends({ strategyKey: 'beta' }),
    ]);
    expect(month(alpha, '2026-02')).toEqual(before);
    expect(month(alpha, '2026-03').receivableMinor).toBe((await byHand('alpha', today)).receivable);
    expect(month(beta, '2026-03').receivableMinor).toBe((await byHand('beta', today)).receivable);
    // Written before the lines by strategy were kept: the next call computes them back, with today's strategies.
    for (const table of ['strategy_figure_history', 'strategy_history_days'] as const)
      await ctx.handle.db.deleteFrom(table).where('tenant_id', '=', tenant.tenantId).execute();
    const again = await recordFigureHistory(deps, tenant.tenantId);
    expect(again).toEqual({
      live: null,
      computed: [],
      byStrategy: [today, ...pastMonthEnds(today, 24)],
      cohortsByStrategy: [],
    });
    expect(await stored('alpha', FEBRUARY)).toEqual(await byHand('alpha', FEBRUARY));
    expect(await stored('beta', FEBRUARY)).toEqual(await byHand('beta', FEBRUARY));
    expect(month(await trends({ strategyKey: 'alpha' }), '2026-02').placedMinor).toBeLessThan(
      Number(before.placedMinor),
    );
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      ({ app } = await testServer(ctx.handle));
    });
    afterAll(async () => {
      await app?.close();
    });

    it('takes the strategy, and lists no part as not following it (decision 0016)', async () => {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboard/trends?months=3&strategyKey=alpha',
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ strategyKey: 'alpha' });
      expect(response.json()).not.toHaveProperty('unfiltered');
    });
  });
});
