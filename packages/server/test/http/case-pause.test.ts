import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { setAsideForCreditor, WAITING_NOTES } from '../../src/use-cases/dispatch/held-by-creditor.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer } from './support.ts';

// The test clock stands at 2026-03-16T10:00Z (a Monday).
describeEachDatabase(
  'http: a case that starts to wait — paused by hand (until a day or resumed), a promise',
  (ctx) => {
    let app: FastifyInstance;
    let t: SeededTenant;
    let agent: { cookie: string };
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url: `/api/v1${url}`, headers: agent, ...(payload ? { payload } : {}) });

    beforeAll(async () => {
      ({ app } = await testServer(ctx.handle));
      t = await seedTenant(ctx.handle.db, 'A');
      agent = await signInAs(app, t.users.agent.email);
      const admin = await signInAs(app, t.users.admin.email);
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/runs', headers: admin, payload: {} })).statusCode,
      ).toBe(200);
    });
    afterAll(async () => {
      await app?.close();
    });

    const ladderAction = (caseId: string) =>
      ctx.handle.db
        .selectFrom('actions')
        .selectAll()
        .where('tenant_id', '=', t.tenantId)
        .where('case_id', '=', caseId)
        .where('step_key', 'is not', null)
        .where('status', 'in', ['planned', 'review'])
        .executeTakeFirstOrThrow();

    /** An open agent call in today's window, as the dispatcher puts a call action in the queue. */
    const openTask = (caseId: string, taskId: string, actionId: string) => ({
      tenant_id: t.tenantId,
      task_id: taskId,
      action_id: actionId,
      case_id: caseId,
      kind: 'agent_call' as const,
      phone: '+33612345678',
      window_start: '2026-03-16T08:00:00.000Z',
      window_end: '2026-03-16T17:00:00.000Z',
      priority: 50,
      status: 'open' as const,
      created_at: '2026-03-16T08:00:00.000Z',
      updated_at: '2026-03-16T08:00:00.000Z',
    });
    /** An action as the dispatcher holds it once claimed, about to send it. */
    const claimed = (action: {
      action_id: string;
      case_id: string;
      action_key: string;
      planned_on: string;
      channel: string;
      template: string;
      language: 'fr' | 'en';
    }) => ({
      actionId: action.action_id,
      caseId: action.case_id,
      actionKey: action.action_key,
      plannedOn: action.planned_on,
      channel: action.channel,
      template: action.template,
      language: action.language,
      purpose: 'reminder',
      attempts: 1,
      messageId: action.action_id,
      amounts: null,
    });
    const statusOf = async (taskIds: string[]) =>
      Object.fromEntries(
        (
          await ctx.handle.db
            .selectFrom('call_tasks')
            .select(['task_id', 'status'])
            .where('tenant_id', '=', t.tenantId)
            .where('task_id', 'in', taskIds)
            .execute()
        ).map((r) => [r.task_id, r.status]),
      );

    it('refuses a pause that ends today, in the past or more than a year ahead, saying until when', async () => {
      const caseId = t.debtors.D1!.caseId;
      const today = await call('POST', `/cases/${caseId}/events`, {
        kind: 'pause',
        on: '2026-03-16',
        until: '2026-03-16',
      });
      expect(today.statusCode).toBe(400);
      expect(today.json().error).toMatchObject({
        message:
          'La pause doit finir après aujourd’hui (16/03/2026) et au plus tard le 17/03/2027 : pour plus longtemps, mettez en pause sans date de fin.',
        details: { reason: 'pause_end_out_of_range', field: 'until' },
      });
      const far = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/events`,
        headers: { ...agent, 'accept-language': 'en' },
        payload: { kind: 'pause', on: '2026-03-16', until: '2027-03-18' },
      });
      expect(far.statusCode).toBe(400);
      expect(far.json().error.message).toBe(
        'The pause must end after today (16 Mar 2026) and by 17 Mar 2027: for longer, pause with no end date.',
      );
      const malformed = await call('POST', `/cases/${caseId}/events`, {
        kind: 'pause',
        on: '2026-03-16',
        until: '30/03',
      });
      expect(malformed.statusCode).toBe(400);
      expect(
        await ctx.handle.db
          .selectFrom('case_events')
          .select('event_id')
          .where('case_id', '=', caseId)
          .where('kind', '=', 'pause')
          .execute(),
      ).toEqual([]);
    });

    it('applies a pause until a date at once: the case waits for that day, its ladder calls leave the queue, its planned reminders are not sent', async () => {
      const caseId = t.debtors.D1!.caseId;
      const planned = await ladderAction(caseId);
      // A call the ladder put in the agents' queue, and one the debtor asked for (a callback, no step).
      const callback = {
        ...planned,
        action_id: newId(),
        action_key: `${planned.action_key}:callback`,
        step_key: null,
      };
      await ctx.handle.db.insertInto('actions').values(callback).execute();
      const task = (taskId: string, actionId: string) => openTask(caseId, taskId, actionId);
      const [ladderTask, callbackTask] = [newId(), newId()];
      await ctx.handle.db
        .insertInto('call_tasks')
        .values([task(ladderTask, planned.action_id), task(callbackTask, callback.action_id)])
        .execute();

      const paused = await call('POST', `/cases/${caseId}/events`, {
        kind: 'pause',
        on: '2026-03-16',
        until: '2026-03-30',
      });
      expect(paused.statusCode, paused.body).toBe(201);
      expect(paused.json()).toMatchObject({ kind: 'pause', nextRunOn: '2026-03-30' });
      const engine = (await call('GET', `/cases/${caseId}/engine`)).json();
      expect(engine).toMatchObject({ stage: 'paused', nextAction: { kind: 'pause_end', on: '2026-03-30' } });
      expect(engine.notes.map((n: { text: string }) => n.text)).toContain(
        'Relance mise en pause jusqu’au 30/03/2026.',
      );
      expect(engine.events).toMatchObject([{ kind: 'pause', applied: true, data: { until: '2026-03-30' } }]);

      const tasks = await ctx.handle.db
        .selectFrom('call_tasks')
        .select(['task_id', 'status'])
        .where('tenant_id', '=', t.tenantId)
        .where('task_id', 'in', [ladderTask, callbackTask])
        .execute();
      expect(Object.fromEntries(tasks.map((r) => [r.task_id, r.status]))).toEqual({
        [ladderTask]: 'cancelled',
        [callbackTask]: 'open',
      });

      // The dispatcher, about to send the ladder's reminder, finds the case waiting: not sent, and why.
      for (const action of [planned, callback]) {
        await ctx.handle.db
          .updateTable('actions')
          .set({ status: 'sending', claimed_by: 'dispatcher-test', attempts: 1 })
          .where('tenant_id', '=', t.tenantId)
          .where('action_id', '=', action.action_id)
          .execute();
      }
      expect(await setAsideForCreditor(ctx.handle.db, t.tenantId, claimed(planned), 'dispatcher-test')).toBe(
        true,
      );
      expect(await setAsideForCreditor(ctx.handle.db, t.tenantId, claimed(callback), 'dispatcher-test')).toBe(
        false,
      );
      const after = await ctx.handle.db
        .selectFrom('actions')
        .select(['status', 'last_error', 'attempts'])
        .where('tenant_id', '=', t.tenantId)
        .where('action_id', '=', planned.action_id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual({ status: 'cancelled', last_error: WAITING_NOTES.paused, attempts: 0 });
    });

    it('a pause with no end replaces the dated one, and a resume applies at once', async () => {
      const caseId = t.debtors.D1!.caseId;
      const open = await call('POST', `/cases/${caseId}/events`, { kind: 'pause', on: '2026-03-16' });
      expect(open.statusCode).toBe(201);
      expect((await call('GET', `/cases/${caseId}/engine`)).json()).toMatchObject({
        stage: 'paused',
        nextAction: null,
        progress: { pausedManually: true, pausedUntil: null },
      });
      const resumed = await call('POST', `/cases/${caseId}/events`, { kind: 'resume', on: '2026-03-16' });
      expect(resumed.statusCode).toBe(201);
      const engine = (await call('GET', `/cases/${caseId}/engine`)).json();
      expect(engine.stage).not.toBe('paused');
      expect(engine.progress).toMatchObject({ pausedManually: false, pausedUntil: null });
    });

    it('a promise takes the ladder’s calls out of the queue, except the one an agent is on, and its planned steps are not sent', async () => {
      const caseId = t.debtors.D1!.caseId;
      const step = await ctx.handle.db
        .selectFrom('actions')
        .selectAll()
        .where('tenant_id', '=', t.tenantId)
        .where('case_id', '=', caseId)
        .where('step_key', 'is not', null)
        .executeTakeFirstOrThrow();
      const [free, held] = [newId(), newId()];
      // Two calls of the ladder's step (copies of its action: one call per action), one held by the agent now.
      const copies = [free, held].map((taskId) => ({
        ...step,
        action_id: newId(),
        action_key: `${step.action_key}:${taskId}`,
      }));
      await ctx.handle.db.insertInto('actions').values(copies).execute();
      await ctx.handle.db
        .insertInto('call_tasks')
        .values([
          openTask(caseId, free, copies[0]!.action_id),
          {
            ...openTask(caseId, held, copies[1]!.action_id),
            locked_by: t.users.agent.id,
            locked_until: '2026-03-16T10:10:00.000Z',
          },
        ])
        .execute();
      const promised = await call('POST', `/cases/${caseId}/promises`, {
        schedule: [{ dueOn: '2026-03-30', amountMinor: 10_000 }],
        channel: 'call',
      });
      expect(promised.statusCode, promised.body).toBe(201);
      expect(await statusOf([free, held])).toEqual({ [free]: 'cancelled', [held]: 'open' });
      expect((await call('GET', `/cases/${caseId}/engine`)).json().stage).toBe('promise');
      const raced = {
        ...step,
        action_id: newId(),
        action_key: `${step.action_key}:raced`,
        status: 'sending' as const,
        claimed_by: 'dispatcher-test',
        attempts: 1,
        last_error: null,
      };
      await ctx.handle.db.insertInto('actions').values(raced).execute();
      expect(await setAsideForCreditor(ctx.handle.db, t.tenantId, claimed(raced), 'dispatcher-test')).toBe(
        true,
      );
      const after = await ctx.handle.db
        .selectFrom('actions')
        .select(['status', 'last_error'])
        .where('tenant_id', '=', t.tenantId)
        .where('action_id', '=', raced.action_id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual({ status: 'cancelled', last_error: WAITING_NOTES.promise });
    });
  },
);
