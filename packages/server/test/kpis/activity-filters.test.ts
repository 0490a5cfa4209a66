import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { type DashboardInput, getDashboard } from '../../src/use-cases/kpis/get-dashboard.ts';
import { listCases } from '../../src/use-cases/portfolio/list-cases.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testDeps, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

type Ref = 'D1' | 'D2' | 'D3' | 'D5' | 'D6';

/**
 * The dashboard's channel and agent filters over promises, plans and disputes (issue #7): each row is counted
 * under who made it — an agent (`user:<id>` of a user), the debtor on the portal, the IVR, an API key — and the
 * drill-down of each figure lists the cases of the rows counted. Every figure below is worked out by hand from
 * the rows written here (today 2026-03-16, the period the 30 days to today, all in EUR):
 *
 * | promise | case | made by        | status | amount | dates          |
 * |---------|------|----------------|--------|--------|----------------|
 * | P1      | D1   | the agent      | kept   | 100.00 |                |
 * | P2      | D1   | the supervisor | broken | 200.00 |                |
 * | P3      | D2   | the debtor     | open   |  40.00 | due 2026-03-20 |
 * | P4      | D3   | an API key     | broken |  70.00 |                |
 * | P5      | D5   | the system     | kept   |  30.00 |                |
 * | P6      | D6   | the agent      | open   |  60.00 | due 2026-04-10 |
 *
 * | plan | case | agreed by   | status    | total  | instalments                    |
 * |------|------|-------------|-----------|--------|--------------------------------|
 * | L1   | D2   | builtin-ivr | active    | 300.00 | 100.00 on 1 April, May, June   |
 * | L2   | D5   | the agent   | active    | 200.00 | 200.00 on 15 April             |
 * | L3   | D1   | the debtor  | broken    | 500.00 | —                              |
 * | L4   | D3   | twilio-ivr  | completed |  90.00 | —                              |
 *
 * Open disputes: S1 on D5 by the agent (300.00), S2 on D6 by the debtor (700.00), S3 on D3 by an import (50.00).
 */
describeEachDatabase('the activity section by channel and agent', (ctx) => {
  let deps: Deps;
  let t: SeededTenant;
  let supervisor: Actor;
  let agentId: string;
  const caseOf = (ref: Ref) => {
    const d = t.debtors[ref];
    if (!d) throw new Error(`seed ${ref}`);
    return d.caseId;
  };

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    t = await seedTenant(ctx.handle.db, 'AF');
    agentId = t.users.agent.id;
    supervisor = {
      tenantId: t.tenantId,
      kind: 'user',
      id: t.users.supervisor.id,
      role: 'supervisor',
      creditorId: null,
    };
    const db = ctx.handle.db;
    const apiKeyId = newId();
    await db
      .insertInto('api_keys')
      .values({
        tenant_id: t.tenantId,
        api_key_id: apiKeyId,
        name: 'erp',
        token_prefix: 'rk_test',
        token_hash: 'x'.repeat(64),
        role: 'agent',
        creditor_id: null,
        created_by: null,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const promise = (
      ref: Ref,
      by: string,
      status: string,
      amountMinor: number,
      madeOn: string,
      dueOn: string,
    ) =>
      db
        .insertInto('promises')
        .values({
          tenant_id: t.tenantId,
          promise_id: newId(),
          case_id: caseOf(ref),
          made_on: madeOn,
          made_by: by,
          channel: by === 'debtor' ? 'portal' : 'call',
          schedule: JSON.stringify([{ dueOn, amountMinor }]),
          amount_minor: amountMinor,
          currency: 'EUR',
          baseline_minor: 1000_00,
          status: status as 'open',
          created_at: now,
          updated_at: now,
        })
        .execute();
    await promise('D1', `user:${agentId}`, 'kept', 100_00, '2026-03-10', '2026-03-12');
    await promise('D1', `user:${t.users.supervisor.id}`, 'broken', 200_00, '2026-03-11', '2026-03-13');
    await promise('D2', 'debtor', 'open', 40_00, '2026-03-12', '2026-03-20');
    await promise('D3', `user:${apiKeyId}`, 'broken', 70_00, '2026-03-13', '2026-03-14');
    await promise('D5', 'system', 'kept', 30_00, '2026-03-14', '2026-03-15');
    await promise('D6', `user:${agentId}`, 'open', 60_00, '2026-03-15', '2026-04-10');
    const plan = async (
      ref: Ref,
      by: string,
      status: string,
      total: number,
      dues: readonly [string, number][],
    ) => {
      const planId = newId();
      await db
        .insertInto('payment_plans')
        .values({
          tenant_id: t.tenantId,
          plan_id: planId,
          case_id: caseOf(ref),
          kind: 'instalments',
          status: status as 'active',
          currency: 'EUR',
          principal_minor: total,
          interest_minor: 0,
          fees_minor: 0,
          total_minor: total,
          instalment_count: dues.length,
          claim_ids: '[]',
          agreed_on: '2026-03-05',
          agreed_by: by,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const [seq, [dueOn, amount]] of dues.entries()) {
        await db
          .insertInto('plan_instalments')
          .values({
            tenant_id: t.tenantId,
            plan_id: planId,
            seq: seq + 1,
            due_on: dueOn,
            amount_minor: amount,
            status: 'pending',
          })
          .execute();
      }
    };
    await plan('D2', 'builtin-ivr', 'active', 300_00, [
      ['2026-04-01', 100_00],
      ['2026-05-01', 100_00],
      ['2026-06-01', 100_00],
    ]);
    await plan('D5', `user:${agentId}`, 'active', 200_00, [['2026-04-15', 200_00]]);
    await plan('D1', 'debtor', 'broken', 500_00, []);
    await plan('D3', 'twilio-ivr', 'completed', 90_00, []);
    const dispute = (ref: Ref, via: 'agent' | 'debtor' | 'import', by: string, amountMinor: number) =>
      db
        .insertInto('disputes')
        .values({
          tenant_id: t.tenantId,
          dispute_id: newId(),
          case_id: caseOf(ref),
          status: 'open',
          reason: 'quality',
          amount_minor: amountMinor,
          currency: 'EUR',
          opened_via: via,
          opened_by: by,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await dispute('D5', 'agent', `user:${agentId}`, 300_00);
    await dispute('D6', 'debtor', 'debtor', 700_00);
    await dispute('D3', 'import', 'import:seed', 50_00);
  });

  /** The figures worth comparing: statuses with something, the open disputes, the forecast's months. */
  async function activityOf(input: DashboardInput) {
    const d = await getDashboard(deps, supervisor, input);
    const counted = (rows: readonly { status: string; count: number; amountMinor: number }[]) =>
      Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.status, [r.count, r.amountMinor]]));
    return {
      dashboard: d,
      promises: counted(d.activity.promises.byStatus),
      keptRate: d.activity.promises.keptRate,
      plans: counted(d.activity.plans.byStatus),
      completionRate: d.activity.plans.completionRate,
      disputes: [d.activity.disputes.openCount, d.activity.disputes.openMinor],
      forecast: d.activity.forecast
        .filter((m) => m.promisesMinor + m.instalmentsMinor > 0)
        .map((m) => [m.month, m.promisesMinor, m.instalmentsMinor]),
      unfiltered: d.unfiltered,
    };
  }

  it('counts everything without a filter', async () => {
    const all = await activityOf({});
    expect(all.promises).toEqual({ open: [2, 100_00], kept: [2, 130_00], broken: [2, 270_00] });
    expect(all.plans).toEqual({ active: [2, 500_00], completed: [1, 90_00], broken: [1, 500_00] });
    expect(all.disputes).toEqual([3, 1050_00]);
    expect(all.forecast).toEqual([
      ['2026-03', 40_00, 0],
      ['2026-04', 60_00, 300_00],
      ['2026-05', 0, 100_00],
      ['2026-06', 0, 100_00],
    ]);
  });

  it('follows the agent: what that agent made, and nothing of the others', async () => {
    const mine = await activityOf({ agentId });
    expect(mine.promises).toEqual({ open: [1, 60_00], kept: [1, 100_00] });
    expect(mine.keptRate).toBe('100.0');
    expect(mine.plans).toEqual({ active: [1, 200_00] });
    expect(mine.disputes).toEqual([1, 300_00]);
    expect(mine.forecast).toEqual([['2026-04', 60_00, 200_00]]);
    expect(mine.unfiltered).toEqual({ portfolio: ['agentId'], activity: [] });
  });

  it('follows the channel: the portal is the debtor’s, the IVR its plans, an agent any user, the API its keys', async () => {
    const portal = await activityOf({ channel: 'portal' });
    expect([portal.promises, portal.plans, portal.disputes]).toEqual([
      { open: [1, 40_00] },
      { broken: [1, 500_00] },
      [1, 700_00],
    ]);
    expect(portal.forecast).toEqual([['2026-03', 40_00, 0]]);
    expect(portal.unfiltered).toEqual({ portfolio: ['channel'], activity: [] });

    const ivr = await activityOf({ channel: 'ivr' });
    expect([ivr.promises, ivr.plans, ivr.disputes, ivr.completionRate]).toEqual([
      {},
      { active: [1, 300_00], completed: [1, 90_00] },
      [0, 0],
      '100.0',
    ]);
    expect(ivr.forecast).toEqual([
      ['2026-04', 0, 100_00],
      ['2026-05', 0, 100_00],
      ['2026-06', 0, 100_00],
    ]);

    const agents = await activityOf({ channel: 'agent' });
    expect([agents.promises, agents.keptRate, agents.plans, agents.disputes]).toEqual([
      { open: [1, 60_00], kept: [1, 100_00], broken: [1, 200_00] },
      '50.0',
      { active: [1, 200_00] },
      [1, 300_00],
    ]);

    const api = await activityOf({ channel: 'api' });
    expect([api.promises, api.plans, api.disputes]).toEqual([{ broken: [1, 70_00] }, {}, [0, 0]]);

    // A bank statement makes no promise, plan or dispute; nor does the agent on the portal.
    for (const input of [{ channel: 'statement' as const }, { channel: 'portal' as const, agentId }]) {
      const none = await activityOf(input);
      expect([none.promises, none.plans, none.disputes, none.forecast]).toEqual([{}, {}, [0, 0], []]);
    }
  });

  it('drills each figure down to the cases of the rows it counts', async () => {
    const listed = async (filters: Parameters<typeof listCases>[2]) =>
      (await listCases(deps, supervisor, { ...filters, pageSize: 100 })).items.map((c) => c.id).sort();
    const cases = (...refs: Ref[]) => refs.map(caseOf).sort();
    const expected: readonly [DashboardInput, 'promise' | 'plan', string, readonly Ref[]][] = [
      [{ agentId }, 'promise', 'kept', ['D1']],
      [{ agentId }, 'promise', 'open', ['D6']],
      [{ agentId }, 'promise', 'broken', []],
      [{ agentId }, 'plan', 'active', ['D5']],
      [{ channel: 'agent' }, 'promise', 'broken', ['D1']],
      [{ channel: 'api' }, 'promise', 'broken', ['D3']],
      [{ channel: 'portal' }, 'promise', 'open', ['D2']],
      [{ channel: 'portal' }, 'plan', 'broken', ['D1']],
      [{ channel: 'ivr' }, 'plan', 'active', ['D2']],
      [{ channel: 'ivr' }, 'plan', 'completed', ['D3']],
      [{ channel: 'statement' }, 'promise', 'kept', []],
    ];
    for (const [input, kind, status, refs] of expected) {
      const d = await getDashboard(deps, supervisor, input);
      const made = { madeChannel: d.channel ?? undefined, madeBy: d.agentId ?? undefined };
      const period = { from: d.from, to: d.to, currency: d.currency };
      const figure = (kind === 'promise' ? d.activity.promises : d.activity.plans).byStatus.find(
        (s) => s.status === status,
      );
      const drilled = await listed({ [kind]: status, ...made, ...period });
      expect(drilled, `${JSON.stringify(input)} ${kind} ${status}`).toEqual(cases(...refs));
      // As many cases as rows counted here: one row per case in this seed.
      expect(figure?.count).toBe(refs.length);
    }
    expect(await listed({ openDispute: true, madeBy: agentId })).toEqual(cases('D5'));
    expect(await listed({ openDispute: true, madeChannel: 'portal' })).toEqual(cases('D6'));
    expect(await listed({ openDispute: true })).toEqual(cases('D3', 'D5', 'D6'));
  });

  it('over HTTP: the filters and the drill-down parse, and nothing of the activity is said unfiltered', async () => {
    const { app } = await testServer(ctx.handle);
    try {
      const { cookie } = await signInAs(app, t.users.supervisor.email);
      const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
      const dashboard = await get('/dashboard?channel=ivr');
      expect(dashboard.statusCode).toBe(200);
      const body = dashboard.json();
      expect(body.unfiltered).toEqual({ portfolio: ['channel'], activity: [] });
      expect(body.activity.plans.agreed).toBe(2);
      const drilled = await get(
        `/cases?plan=active&madeChannel=ivr&from=${body.from}&to=${body.to}&pageSize=100`,
      );
      expect(drilled.statusCode).toBe(200);
      expect(drilled.json().items.map((c: { id: string }) => c.id)).toEqual([caseOf('D2')]);
      expect((await get('/cases?plan=active&madeChannel=fax')).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
