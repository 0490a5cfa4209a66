import { DomainError } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { getLive } from '../../src/use-cases/kpis/get-live.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testDeps, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The live view on 2026-03-16 at 10:00 UTC (11:00 in Paris), every figure counted by hand from the rows
 * written below; another tenant's identical rows must not show.
 */
describeEachDatabase('the live view', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let supervisor: Actor;
  const at = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString();

  async function writeDay(t: SeededTenant): Promise<void> {
    const db = ctx.handle.db;
    const caseId = (ref: string) => {
      const d = t.debtors[ref];
      if (!d) throw new Error(`seed ${ref}`);
      return d.caseId;
    };
    const runId = newId();
    await db
      .insertInto('runs')
      .values([
        // Yesterday's run is not today's.
        {
          tenant_id: t.tenantId,
          run_id: newId(),
          run_on: '2026-03-15',
          trigger: 'schedule',
          status: 'completed',
          workers: 1,
          started_at: '2026-03-15T05:00:00.000Z',
        },
        {
          tenant_id: t.tenantId,
          run_id: runId,
          run_on: today,
          trigger: 'schedule',
          status: 'running',
          workers: 2,
          started_at: at(-240),
        },
      ])
      .execute();
    await db
      .insertInto('run_batches')
      .values([
        {
          tenant_id: t.tenantId,
          run_id: runId,
          batch_id: 'b1',
          worker: 'w1',
          cases: 3,
          actions: 2,
          blocked: 1,
          finished_at: at(-230),
        },
        {
          tenant_id: t.tenantId,
          run_id: runId,
          batch_id: 'b2',
          worker: 'w2',
          cases: 2,
          actions: 1,
          blocked: 0,
          finished_at: at(-229),
        },
      ])
      .execute();
    const action = (
      ref: string,
      channel: string,
      status: string,
      options: { run?: string | null; plannedOn?: string; scheduledAt?: string | null; key?: string } = {},
    ) => ({
      tenant_id: t.tenantId,
      action_id: newId(),
      case_id: caseId(ref),
      action_key: options.key ?? `s:1:${newId()}`,
      run_id: options.run === undefined ? runId : options.run,
      planned_on: options.plannedOn ?? today,
      scheduled_at: options.scheduledAt === undefined ? at(-60) : options.scheduledAt,
      channel,
      template: 't',
      language: 'fr' as const,
      purpose: 'dunning',
      status: status as 'planned',
      reason: '{}',
      gate: '{}',
      created_at: at(-230),
    });
    await db
      .insertInto('actions')
      .values([
        action('D1', 'email', 'sent'),
        action('D2', 'email', 'planned', { scheduledAt: at(-90) }),
        action('D3', 'sms', 'failed'),
        action('D4', 'letter', 'planned', { scheduledAt: at(30) }),
        // Planned yesterday, still waiting: in the backlog, not in today's outbox.
        action('D5', 'email', 'planned', { run: null, plannedOn: '2026-03-15', scheduledAt: at(-1200) }),
        // Callbacks: one past its time, one this afternoon, one tomorrow.
        action('D1', 'call', 'planned', { run: null, key: 'callback:1', scheduledAt: at(-10) }),
        action('D2', 'call', 'planned', { run: null, key: 'callback:2', scheduledAt: at(240) }),
        action('D3', 'call', 'planned', {
          run: null,
          key: 'callback:3',
          scheduledAt: '2026-03-17T09:00:00.000Z',
        }),
      ])
      .execute();
    const task = (
      ref: string,
      team: string | null,
      segment: string,
      windowStart: string,
      status = 'open',
    ) => ({
      tenant_id: t.tenantId,
      task_id: newId(),
      action_id: newId(),
      case_id: caseId(ref),
      kind: 'agent_call' as const,
      window_start: windowStart,
      window_end: at(300),
      priority: 1,
      status: status as 'open',
      segment,
      language: 'fr',
      team,
      created_at: at(-300),
      updated_at: at(-300),
    });
    await db
      .insertInto('call_tasks')
      .values([
        task('D1', 'A', 'b2b', at(-120)),
        task('D2', 'A', 'b2b', at(-30)),
        task('D3', null, 'b2c', at(-45)),
        task('D4', 'A', 'b2b', at(60)), // not open yet
        task('D5', 'A', 'b2b', at(-200), 'done'),
      ])
      .execute();
    await db
      .insertInto('sessions')
      .values([
        {
          tenant_id: t.tenantId,
          session_id: newId(),
          user_id: t.users.agent.id,
          created_at: at(-60),
          expires_at: at(60),
        },
        {
          tenant_id: t.tenantId,
          session_id: newId(),
          user_id: t.users.agent.id,
          created_at: at(-50),
          expires_at: at(60),
        },
        {
          tenant_id: t.tenantId,
          session_id: newId(),
          user_id: t.users.supervisor.id,
          created_at: at(-60),
          expires_at: at(-1),
        },
        {
          tenant_id: t.tenantId,
          session_id: newId(),
          user_id: t.users.admin.id,
          created_at: at(-60),
          expires_at: at(60),
        },
      ])
      .execute();
    await db
      .insertInto('case_locks')
      .values([
        {
          tenant_id: t.tenantId,
          case_id: caseId('D1'),
          locked_by: t.users.agent.id,
          locked_at: at(-5),
          locked_until: at(10),
        },
        {
          tenant_id: t.tenantId,
          case_id: caseId('D2'),
          locked_by: t.users.supervisor.id,
          locked_at: at(-50),
          locked_until: at(-20),
        },
      ])
      .execute();
    const link = (opened: string | null, verified: string | null) => ({
      tenant_id: t.tenantId,
      link_id: newId(),
      case_id: caseId('D1'),
      purpose: 'pay',
      created_at: '2026-03-01T00:00:00.000Z',
      expires_at: '2026-04-01T00:00:00.000Z',
      created_by: 'system',
      last_opened_at: opened,
      verified_at: verified,
    });
    await db
      .insertInto('payment_links')
      .values([
        link(at(-10), at(-9)),
        link('2026-03-15T23:30:00.000Z', null), // 00:30 in Paris: today
        link('2026-03-15T22:30:00.000Z', '2026-03-15T22:31:00.000Z'), // 23:30 in Paris: yesterday
      ])
      .execute();
    const attempt = (status: string, errors: number, channel = 'portal', startedAt = at(-20)) => ({
      tenant_id: t.tenantId,
      attempt_id: newId(),
      case_id: caseId('D1'),
      channel: channel as 'portal',
      provider: 'test',
      amount_minor: 100_00,
      currency: 'EUR',
      status: status as 'started',
      input_errors: errors,
      started_at: startedAt,
      updated_at: startedAt,
    });
    await db
      .insertInto('payment_attempts')
      .values([
        attempt('succeeded', 1),
        attempt('failed', 2),
        attempt('started', 0),
        attempt('abandoned', 0, 'ivr'),
        attempt('failed', 5, 'portal', '2026-03-14T10:00:00.000Z'),
      ])
      .execute();
    const actor: Actor = {
      tenantId: t.tenantId,
      kind: 'user',
      id: t.users.agent.id,
      role: 'agent',
      creditorId: null,
    };
    const pay = (ref: string, amountMinor: number, channel: 'agent' | 'portal', receivedOn: string) =>
      recordPayment(testDeps(ctx.handle), actor, {
        caseId: caseId(ref),
        amountMinor,
        currency: 'EUR',
        method: 'card',
        channel,
        provider: null,
        sourceKey: `live:${ref}:${amountMinor}`,
        receivedOn,
        reference: null,
      });
    await pay('D1', 120_00, 'agent', today);
    await pay('D2', 80_00, 'portal', today);
    await pay('D3', 40_00, 'agent', today);
    await pay('D5', 10_00, 'agent', '2026-03-10');
    // Still to evaluate: D5 and D6 are due today and not run yet (after their payments, which move them); D1 ran today; B1 is due tomorrow.
    await db
      .updateTable('cases')
      .set({ next_run_on: today, last_run_on: '2026-03-15' })
      .where('tenant_id', '=', t.tenantId)
      .where('case_id', 'in', [caseId('D5'), caseId('D6')])
      .execute();
    await db
      .updateTable('cases')
      .set({ next_run_on: today, last_run_on: today })
      .where('tenant_id', '=', t.tenantId)
      .where('case_id', '=', caseId('D1'))
      .execute();
    await db
      .updateTable('cases')
      .set({ next_run_on: '2026-03-17' })
      .where('tenant_id', '=', t.tenantId)
      .where('case_id', '=', caseId('B1'))
      .execute();
  }

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'LV');
    other = await seedTenant(ctx.handle.db, 'LW');
    await writeDay(tenant);
    await writeDay(other);
    supervisor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.supervisor.id,
      role: 'supervisor',
      creditorId: null,
    };
  });

  it('counts today’s run, outbox, queue, agents, callbacks, payments and portal by hand', async () => {
    const live = await getLive(deps, supervisor);
    expect(live.today).toBe(today);
    expect(live.run).toMatchObject({
      status: 'running',
      batches: 2,
      casesEvaluated: 5,
      casesRemaining: 2,
      blocked: 1,
      // The run's own actions (not the callbacks nor yesterday's): email 2, letter 1, sms 1.
      actionsByChannel: [
        { key: 'email', count: 2 },
        { key: 'letter', count: 1 },
        { key: 'sms', count: 1 },
      ],
      error: null,
    });
    // The payments wrote their own rows (receipts, hand-over notices): every row of today, counted here.
    const rows = await ctx.handle.db
      .selectFrom('actions')
      .select(['channel', 'status', 'planned_on', 'scheduled_at', 'action_key'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const mine = new Set(['s:', 'callback:']);
    // Today in Paris: from 23:00 UTC the day before.
    const todays = (at?: string | null) =>
      at != null && at >= '2026-03-15T23:00:00.000Z' && at < '2026-03-16T23:00:00.000Z';
    const extra = rows.filter(
      (r) => todays(r.scheduled_at) && ![...mine].some((p) => r.action_key.startsWith(p)),
    );
    const expected = new Map<string, number>([
      ['call planned', 2],
      ['email planned', 1],
      ['email sent', 1],
      ['letter planned', 1],
      ['sms failed', 1],
    ]);
    for (const r of extra)
      expected.set(`${r.channel} ${r.status}`, (expected.get(`${r.channel} ${r.status}`) ?? 0) + 1);
    expect(live.outbox.today.map((r) => [`${r.channel} ${r.status}`, r.count])).toEqual(
      [...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    // Planned and past their time: D2's e-mail, yesterday's D5, callback 1 (and any payment row waiting).
    const waiting = rows.filter(
      (r) => r.status === 'planned' && r.scheduled_at !== null && r.scheduled_at <= now,
    );
    expect(waiting.length).toBe(
      3 +
        extra.filter((r) => r.status === 'planned' && r.scheduled_at !== null && r.scheduled_at <= now)
          .length,
    );
    expect(live.outbox.backlog).toEqual({ count: waiting.length, oldestScheduledAt: at(-1200) });
    expect(live.callQueue).toEqual({
      depth: 3,
      oldestWaitingSince: at(-120),
      groups: [
        { team: 'A', segment: 'b2b', language: 'fr', count: 2, oldestWaitingSince: at(-120) },
        { team: null, segment: 'b2c', language: 'fr', count: 1, oldestWaitingSince: at(-45) },
      ],
    });
    // The agent (twice signed in) and no one else agent or supervisor with a live session; one lock held.
    expect(live.agents).toEqual({ signedIn: 1, onCase: 1 });
    expect(live.callbacks).toEqual({ dueToday: 2, overdue: 1 });
    expect(live.payments.byCurrency).toEqual([
      {
        currency: 'EUR',
        count: 3,
        amountMinor: 240_00,
        byChannel: [
          { channel: 'agent', count: 2, amountMinor: 160_00 },
          { channel: 'portal', count: 1, amountMinor: 80_00 },
        ],
      },
    ]);
    expect(live.portal).toEqual({
      linksOpened: 2,
      verified: 1,
      attempts: [
        { key: 'failed', count: 1 },
        { key: 'started', count: 1 },
        { key: 'succeeded', count: 1 },
      ],
      inputErrors: 3,
    });
  });

  it('tells what a run has left from the count it started with, not from the queue it is rewriting', async () => {
    const run = await ctx.handle.db
      .selectFrom('runs')
      .select('run_id')
      .where('tenant_id', '=', tenant.tenantId)
      .where('run_on', '=', today)
      .executeTakeFirstOrThrow();
    const setDue = (casesDue: number | null) =>
      ctx.handle.db
        .updateTable('runs')
        .set({ cases_due: casesDue })
        .where('tenant_id', '=', tenant.tenantId)
        .where('run_id', '=', run.run_id)
        .execute();
    try {
      // Five evaluated by its batches: nine found due at its start leave four, whatever the queue says (two).
      await setDue(9);
      expect((await getLive(deps, supervisor)).run).toMatchObject({ casesEvaluated: 5, casesRemaining: 4 });
      // More decided than counted (cases queued during the run): nothing left rather than a negative count.
      await setDue(3);
      expect((await getLive(deps, supervisor)).run).toMatchObject({ casesEvaluated: 5, casesRemaining: 0 });
    } finally {
      await setDue(null);
    }
    // A run from before migration 0027 has no count of its own: the queue is counted.
    expect((await getLive(deps, supervisor)).run).toMatchObject({ casesRemaining: 2 });
  });

  it('is for supervisors and admins only', async () => {
    const agent: Actor = { ...supervisor, id: tenant.users.agent.id, role: 'agent' };
    const refused = await getLive(deps, agent).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('forbidden');
  });

  it('answers over HTTP with the same figures', async () => {
    const { app } = await testServer(ctx.handle);
    try {
      const { cookie } = await signInAs(app, tenant.users.supervisor.email);
      const response = await app.inject({ method: 'GET', url: '/api/v1/live', headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.json().payments.byCurrency[0].amountMinor).toBe(240_00);
      const agent = await signInAs(app, tenant.users.agent.email);
      const refused = await app.inject({
        method: 'GET',
        url: '/api/v1/live',
        headers: { cookie: agent.cookie },
      });
      expect(refused.statusCode).toBe(403);
    } finally {
      await (app as FastifyInstance).close();
    }
  });
  afterAll(() => undefined);
});
