import { addDays } from '@relance/core';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { type Dashboard, getDashboard } from '../../src/use-cases/kpis/get-dashboard.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { type CaseFilters, listCases } from '../../src/use-cases/portfolio/list-cases.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testDeps, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * Drill-down (issue #7): the cases a dashboard figure opens are exactly those whose rows the figure counts,
 * and the figure computed back over them (their claims, payments, promises, plans, disputes) is the figure.
 */
describeEachDatabase('the dashboard’s drill-down and filters', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let supervisor: Actor;
  let agent: Actor;
  let client: Actor;
  const caseOf = (ref: string) => {
    const d = tenant.debtors[ref];
    if (!d) throw new Error(`seed ${ref}`);
    return d.caseId;
  };

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'DR');
    const user = (role: 'supervisor' | 'client' | 'agent'): Actor => ({
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users[role].id,
      role,
      creditorId: role === 'client' ? tenant.creditors.acme : null,
    });
    supervisor = user('supervisor');
    agent = user('agent');
    client = user('client');
    const db = ctx.handle.db;
    // D1 and D3 follow 'alpha', the others 'beta-plan': a payment carries its case's strategy when booked.
    await db
      .updateTable('cases')
      .set({ strategy_key: 'beta-plan' })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    await db
      .updateTable('cases')
      .set({ strategy_key: 'alpha' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', 'in', [caseOf('D1'), caseOf('D3')])
      .execute();
    // A claim due today is not overdue yet (the boundary of the overdue and not-due drill-downs).
    await db
      .updateTable('claims')
      .set({ due_date: today })
      .where('tenant_id', '=', tenant.tenantId)
      .where('invoice_number', '=', 'F-3001')
      .execute();
    const pay = (actor: Actor, ref: string, amountMinor: number, channel: 'agent' | 'portal', key: string) =>
      recordPayment(deps, actor, {
        caseId: caseOf(ref),
        amountMinor,
        currency: 'EUR',
        method: 'card',
        channel,
        provider: null,
        sourceKey: `drill:${key}`,
        receivedOn: today,
        reference: null,
      });
    await pay(agent, 'D1', 200_00, 'agent', '1');
    await pay(agent, 'D1', 50_00, 'agent', '2');
    await pay(supervisor, 'D2', 100_00, 'portal', '3');
    await pay(agent, 'D5', 30_00, 'agent', '4');
    const promise = (ref: string, status: string, madeOn: string) =>
      db
        .insertInto('promises')
        .values({
          tenant_id: tenant.tenantId,
          promise_id: newId(),
          case_id: caseOf(ref),
          made_on: madeOn,
          made_by: `user:${agent.id}`,
          channel: 'call',
          schedule: JSON.stringify([{ dueOn: addDays(madeOn, 7), amountMinor: 100_00 }]),
          amount_minor: 100_00,
          currency: 'EUR',
          baseline_minor: 1000_00,
          status: status as 'open',
          created_at: now,
          updated_at: now,
        })
        .execute();
    await promise('D1', 'kept', addDays(today, -5));
    await promise('D1', 'broken', addDays(today, -6));
    await promise('D3', 'broken', addDays(today, -3));
    await promise('D2', 'open', addDays(today, -1));
    // Outside the period: counted neither by the figure nor by the drill-down.
    await promise('D5', 'broken', addDays(today, -200));
    const plan = (ref: string, status: string) =>
      db
        .insertInto('payment_plans')
        .values({
          tenant_id: tenant.tenantId,
          plan_id: newId(),
          case_id: caseOf(ref),
          kind: 'instalments',
          status: status as 'active',
          currency: 'EUR',
          principal_minor: 300_00,
          interest_minor: 0,
          fees_minor: 0,
          total_minor: 300_00,
          instalment_count: 3,
          claim_ids: '[]',
          agreed_on: addDays(today, -2),
          agreed_by: `user:${agent.id}`,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await plan('D2', 'active');
    await plan('D3', 'broken');
    await plan('D4', 'active');
    await db
      .insertInto('disputes')
      .values({
        tenant_id: tenant.tenantId,
        dispute_id: newId(),
        case_id: caseOf('D3'),
        status: 'open',
        reason: 'quality',
        amount_minor: 100_00,
        currency: 'EUR',
        opened_via: 'agent',
        opened_by: `user:${agent.id}`,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });

  /** Every case the filters list (all pages). */
  async function drill(actor: Actor, filters: CaseFilters): Promise<string[]> {
    const page = await listCases(deps, actor, { ...filters, pageSize: 100 });
    expect(page.total).toBe(page.items.length);
    return page.items.map((c) => c.id).sort();
  }

  const period = (d: Dashboard) => ({ from: d.from, to: d.to, currency: d.currency });

  async function claimsOf(cases: readonly string[], where: (c: ClaimRow) => boolean) {
    if (cases.length === 0) return { count: 0, amount: 0, cases: [] as string[] };
    const rows = await ctx.handle.db
      .selectFrom('claims')
      .select(['case_id', 'status', 'outstanding_minor', 'disputed_minor', 'due_date'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', 'in', cases)
      .execute();
    const counted = rows
      .map((r) => ({
        ...r,
        outstanding_minor: Number(r.outstanding_minor),
        disputed_minor: Number(r.disputed_minor),
      }))
      .filter(where);
    return {
      count: counted.length,
      amount: counted.reduce((s, r) => s + r.outstanding_minor, 0),
      cases: [...new Set(counted.map((r) => r.case_id))].sort(),
    };
  }
  type ClaimRow = {
    case_id: string;
    status: string;
    outstanding_minor: number;
    disputed_minor: number;
    due_date: string;
  };
  const owed = (c: ClaimRow) => (c.status === 'open' || c.status === 'disputed') && c.outstanding_minor > 0;

  it('receivables, overdue and each ageing bucket: the listed cases’ claims add up to the figure', async () => {
    for (const actor of [supervisor, client]) {
      const d = await getDashboard(deps, actor, {});
      const scope = actor === client ? { creditorId: tenant.creditors.acme } : {};
      const receivable = await drill(actor, { ...scope, receivable: true, currency: d.currency });
      const back = await claimsOf(receivable, owed);
      expect(back.cases).toEqual(receivable);
      expect(back.amount).toBe(d.portfolio.receivables.outstandingMinor);
      const overdue = await drill(actor, { overdue: true, currency: d.currency });
      const late = await claimsOf(overdue, (c) => owed(c) && c.due_date < today);
      expect(late.cases).toEqual(overdue);
      expect(late.amount).toBe(d.portfolio.overdueMinor);
      for (const line of d.portfolio.ageing) {
        const listed = await drill(actor, { dueBucket: line.bucket, currency: d.currency });
        const bucket = await claimsOf(listed, owed);
        // Only the claims of the bucket: recount them with the figure's bounds.
        const inBucket = await claimsOf(listed, (c) => owed(c) && ageingOf(c.due_date) === line.bucket);
        expect(inBucket.cases).toEqual(listed);
        expect([inBucket.count, inBucket.amount]).toEqual([line.count, line.outstandingMinor]);
        expect(bucket.amount).toBeGreaterThanOrEqual(line.outstandingMinor);
      }
    }
    // The client sees ACME's only: BETA's case is never listed.
    expect(await drill(client, { receivable: true })).not.toContain(caseOf('B1'));
  });

  it('disputed amounts and open disputes', async () => {
    const d = await getDashboard(deps, supervisor, {});
    const disputed = await drill(supervisor, { disputed: true, currency: d.currency });
    const rows = await claimsOf(
      disputed,
      (c) =>
        (c.status === 'disputed' && c.outstanding_minor > 0) || (c.status === 'open' && c.disputed_minor > 0),
    );
    expect(rows.cases).toEqual(disputed);
    expect(disputed.length).toBeGreaterThan(0);
    const openDisputes = await drill(supervisor, { openDispute: true, ...period(d) });
    expect(openDisputes).toEqual([caseOf('D3')]);
    expect(d.activity.disputes.openCount).toBe(1);
  });

  it('collected in the period by channel, agent, strategy and day: the listed cases’ payments', async () => {
    const d = await getDashboard(deps, supervisor, {});
    const paymentsOf = async (
      cases: readonly string[],
      where: Partial<{ channel: string; recorded_by: string; strategy_key: string }>,
    ) => {
      const rows = await ctx.handle.db
        .selectFrom('payments')
        .select(['case_id', 'amount_minor', 'channel', 'recorded_by', 'strategy_key'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('status', '=', 'booked')
        .where('received_on', '>=', d.from)
        .where('received_on', '<=', d.to)
        .execute();
      const matching = rows.filter((r) =>
        Object.entries(where).every(([k, v]) => String(r[k as keyof typeof r] ?? '') === v),
      );
      expect([...new Set(matching.map((r) => r.case_id))].sort()).toEqual([...cases]);
      return matching.reduce((s, r) => s + Number(r.amount_minor), 0);
    };
    const all = await drill(supervisor, { paid: true, ...period(d) });
    expect(await paymentsOf(all, {})).toBe(d.collections.collectedMinor);
    expect(d.collections.collectedMinor).toBe(380_00);
    for (const ch of d.collections.byChannel) {
      const listed = await drill(supervisor, { paidChannel: ch.channel as 'agent', ...period(d) });
      expect(await paymentsOf(listed, { channel: ch.channel })).toBe(ch.amountMinor);
    }
    expect(d.collections.byChannel.map((c) => [c.channel, c.amountMinor])).toEqual([
      ['agent', 280_00],
      ['portal', 100_00],
    ]);
    for (const a of d.collections.agents) {
      const listed = await drill(supervisor, { paidBy: a.userId, ...period(d) });
      expect(await paymentsOf(listed, { recorded_by: `user:${a.userId}` })).toBe(a.amountMinor);
    }
    for (const s of d.collections.byStrategy) {
      const listed = await drill(supervisor, { paidStrategy: s.strategyKey, ...period(d) });
      expect(await paymentsOf(listed, { strategy_key: s.strategyKey })).toBe(s.amountMinor);
    }
    expect(d.collections.byStrategy).toEqual([
      { strategyKey: 'alpha', amountMinor: 250_00 },
      { strategyKey: 'beta-plan', amountMinor: 130_00 },
    ]);
    const day = d.collections.days[0];
    if (!day) throw new Error('a day');
    const onDay = await drill(supervisor, {
      paidChannel: day.channel as 'agent',
      from: day.day,
      to: day.day,
      currency: d.currency,
    });
    expect(await paymentsOf(onDay, { channel: day.channel })).toBe(day.amountMinor);
  });

  it('promises and plans by status: the listed cases hold the promises and plans counted', async () => {
    const d = await getDashboard(deps, supervisor, {});
    const countOf = async (
      table: 'promises' | 'payment_plans',
      column: 'made_on' | 'agreed_on',
      status: string,
      cases: readonly string[],
    ) => {
      const rows = await ctx.handle.db
        .selectFrom(table)
        .select(['case_id'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('status', '=', status as 'open')
        .where(column as 'made_on', '>=', d.from)
        .where(column as 'made_on', '<=', d.to)
        .execute();
      expect([...new Set(rows.map((r) => r.case_id))].sort()).toEqual([...cases]);
      return rows.length;
    };
    for (const s of d.activity.promises.byStatus) {
      const listed = await drill(supervisor, { promise: s.status as 'open', ...period(d) });
      expect(await countOf('promises', 'made_on', s.status, listed)).toBe(s.count);
    }
    expect(await drill(supervisor, { promise: 'broken', ...period(d) })).toEqual(
      [caseOf('D1'), caseOf('D3')].sort(),
    );
    for (const s of d.activity.plans.byStatus) {
      const listed = await drill(supervisor, { plan: s.status as 'active', ...period(d) });
      expect(await countOf('payment_plans', 'agreed_on', s.status, listed)).toBe(s.count);
    }
    expect(d.activity.plans.byStatus.find((s) => s.status === 'active')?.count).toBe(2);
  });

  it('filters the flows by strategy, channel and agent, and says the portfolio is not by channel or agent', async () => {
    const all = await getDashboard(deps, supervisor, {});
    const alpha = await getDashboard(deps, supervisor, { strategyKey: 'alpha' });
    expect(alpha.collections.collectedMinor).toBe(250_00);
    // Promises of alpha's cases (D1, D3): kept 1, broken 2; D2's open one is not alpha's.
    expect(alpha.activity.promises.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: 'kept', count: 1, amountMinor: 100_00 },
      { status: 'broken', count: 2, amountMinor: 200_00 },
    ]);
    expect(alpha.activity.plans.agreed).toBe(1);
    expect(alpha.unfiltered).toEqual({ portfolio: [], activity: [] });
    expect(alpha.portfolio.receivables.count).toBeLessThan(all.portfolio.receivables.count);

    const portal = await getDashboard(deps, supervisor, { channel: 'portal' });
    expect(portal.collections.collectedMinor).toBe(100_00);
    // Promises, plans and disputes follow the channel by who made them (activity-filters.test.ts).
    expect(portal.unfiltered).toEqual({ portfolio: ['channel'], activity: [] });
    const byAgent = await getDashboard(deps, supervisor, { agentId: agent.id });
    expect(byAgent.collections.collectedMinor).toBe(280_00);
    expect(byAgent.collections.byChannel).toEqual([{ channel: 'agent', amountMinor: 280_00, count: 3 }]);
    const agentOnPortal = await getDashboard(deps, supervisor, { agentId: agent.id, channel: 'portal' });
    expect(agentOnPortal.collections.collectedMinor).toBe(0);

    // Over HTTP: the query strings parse to the same filters, the answer carries what is not filtered.
    const { app } = await testServer(ctx.handle);
    try {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
      const dashboard = await get('/dashboard?channel=portal&strategyKey=beta-plan');
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.json()).toMatchObject({
        channel: 'portal',
        strategyKey: 'beta-plan',
        unfiltered: { portfolio: ['channel'], activity: [] },
        collections: { collectedMinor: 100_00 },
      });
      const cases = await get(
        `/cases?paidChannel=portal&paid=true&from=${all.from}&to=${all.to}&pageSize=100`,
      );
      expect(cases.statusCode).toBe(200);
      expect(cases.json().items.map((c: { id: string }) => c.id)).toEqual([caseOf('D2')]);
      const receivable = await get('/cases?receivable=true&pageSize=100');
      const receivableNot = await get('/cases?receivable=false&pageSize=100');
      expect(receivable.json().total).toBe((await drill(supervisor, { receivable: true })).length);
      expect(receivableNot.json().total).toBe((await drill(supervisor, {})).length);
      expect((await get('/cases?promise=nearly')).statusCode).toBe(400);
    } finally {
      await app.close();
    }

    // The cases list follows the case's strategy.
    expect(await drill(supervisor, { strategyKey: 'alpha' })).toEqual([caseOf('D1'), caseOf('D3')].sort());
  });
});

/** The dashboard's bucket of a due date on the seed's day (core's ageingBucket, written out). */
function ageingOf(dueDate: string): string {
  const days = Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000);
  if (days <= 0) return 'not_due';
  if (days <= 30) return 'd1_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'd90_plus';
}
