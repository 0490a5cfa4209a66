import { expect, it } from 'vitest';
import { enqueueCallTask, localClock, planCallTask } from '../../src/channels/voice/call-queue.ts';
import { expireCallTasks } from '../../src/channels/voice/expire-call-tasks.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { evidenceOf, smsWorld } from './world.ts';

describeEachDatabase('call queue', (ctx) => {
  it('queues an agent call once per action, with the phone, the window of the day and the evidence', async () => {
    const w = await smsWorld(ctx.handle);
    // Tuesday 24 November 2026, 10:30 in Paris.
    const actionId = await w.addAction({ channel: 'call_task', scheduledAt: '2026-11-24T09:30:00.000Z' });
    const now = '2026-11-24T09:00:00.000Z';
    const plan = await ctx.handle.db
      .transaction()
      .execute((trx) => planCallTask(trx, w.tenantId, actionId, now));
    expect(plan).toMatchObject({
      caseId: w.caseId,
      kind: 'agent_call',
      phone: '+33612345678',
      windowStart: '2026-11-24T09:30:00.000Z',
      // The French policy's consumer call hours close at 13:00 Paris.
      windowEnd: '2026-11-24T12:00:00.000Z',
    });
    if (!plan) throw new Error('no plan');
    const input = { ...plan, tenantId: w.tenantId, actionId, script: 'Bonjour…', now };
    const first = await ctx.handle.db.transaction().execute((trx) => enqueueCallTask(trx, input));
    const again = await ctx.handle.db.transaction().execute((trx) => enqueueCallTask(trx, input));
    expect(first.created).toBe(true);
    expect(again).toEqual({ taskId: first.taskId, created: false });
    const tasks = await ctx.handle.db
      .selectFrom('call_tasks')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'open', phone: '+33612345678', script: 'Bonjour…' });
    const evidence = await evidenceOf(ctx.handle, w.tenantId);
    expect(evidence.filter((e) => e.kind === 'call_task_created')).toHaveLength(1);
    expect(evidence.at(-1)).toMatchObject({ action_id: actionId, case_id: w.caseId });
  });

  it('never gives an opted-out or withdrawn phone, and says so with a null phone', async () => {
    const w = await smsWorld(ctx.handle);
    await ctx.handle.db
      .updateTable('contacts')
      .set({ opted_out_at: '2026-11-20T10:00:00.000Z' })
      .where('tenant_id', '=', w.tenantId)
      .where('contact_id', '=', w.phoneId)
      .execute();
    const actionId = await w.addAction({ channel: 'ivr_call', scheduledAt: '2026-11-24T09:30:00.000Z' });
    const plan = await ctx.handle.db
      .transaction()
      .execute((trx) => planCallTask(trx, w.tenantId, actionId, '2026-11-24T09:00:00.000Z'));
    expect(plan).toMatchObject({ kind: 'ivr_call', phone: null });
  });

  it('a Sunday action waits for Monday 10:00 Paris', async () => {
    const w = await smsWorld(ctx.handle);
    const actionId = await w.addAction({ channel: 'call_task', scheduledAt: '2026-11-22T10:00:00.000Z' });
    const plan = await ctx.handle.db
      .transaction()
      .execute((trx) => planCallTask(trx, w.tenantId, actionId, '2026-11-22T10:00:00.000Z'));
    expect(plan).toMatchObject({
      windowStart: '2026-11-23T09:00:00.000Z',
      windowEnd: '2026-11-23T12:00:00.000Z',
    });
  });

  it('expires a task past its window, sends its action back to the next window, and reopens the same task', async () => {
    const w = await smsWorld(ctx.handle);
    const actionId = await w.addAction({
      channel: 'call_task',
      scheduledAt: '2026-11-24T09:30:00.000Z',
      status: 'sent',
    });
    const now = '2026-11-24T09:00:00.000Z';
    const plan = await ctx.handle.db
      .transaction()
      .execute((trx) => planCallTask(trx, w.tenantId, actionId, now));
    if (!plan) throw new Error('no plan');
    const task = await ctx.handle.db
      .transaction()
      .execute((trx) => enqueueCallTask(trx, { ...plan, tenantId: w.tenantId, actionId, script: null, now }));
    // Nothing expires while the window is open.
    expect(await expireCallTasks(w.deps, w.tenantId, { now: '2026-11-24T11:59:00.000Z' })).toEqual({
      expired: 0,
      replanned: 0,
      blocked: 0,
    });
    // 13:05 Paris: the morning window closed; the afternoon one (14:00) is next.
    const later = '2026-11-24T12:05:00.000Z';
    expect(await expireCallTasks(w.deps, w.tenantId, { now: later })).toEqual({
      expired: 1,
      replanned: 1,
      blocked: 0,
    });
    const action = await ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'scheduled_at'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(action).toEqual({ status: 'planned', scheduled_at: '2026-11-24T13:00:00.000Z' });
    const replan = await ctx.handle.db
      .transaction()
      .execute((trx) => planCallTask(trx, w.tenantId, actionId, '2026-11-24T13:00:00.000Z'));
    if (!replan) throw new Error('no plan');
    const reopened = await ctx.handle.db.transaction().execute((trx) =>
      enqueueCallTask(trx, {
        ...replan,
        tenantId: w.tenantId,
        actionId,
        script: null,
        now: '2026-11-24T13:00:00.000Z',
      }),
    );
    expect(reopened).toEqual({ taskId: task.taskId, created: true });
    const row = await ctx.handle.db
      .selectFrom('call_tasks')
      .select(['status', 'window_start', 'window_end'])
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'open',
      window_start: '2026-11-24T13:00:00.000Z',
      // The standard profile's hours end at 19:00 Paris, before the policy's 20:00.
      window_end: '2026-11-24T18:00:00.000Z',
    });
    const kinds = (await evidenceOf(ctx.handle, w.tenantId)).map((e) => [e.kind, e.payload.outcome ?? null]);
    expect(kinds.filter(([k]) => k !== 'call_task_created')).toEqual([['call_outcome', 'expired']]);
  });
});

it("localClock: the weekday and minutes of an instant in the debtor's zone", () => {
  // Tuesday 24 November 2026, 09:30 UTC = 10:30 in Paris; Monday 23, 23:30 in New York is Tuesday 04:30 UTC.
  expect(localClock('Europe/Paris', '2026-11-24T09:30:00.000Z')).toEqual({ weekday: 2, minutes: 630 });
  expect(localClock('America/New_York', '2026-11-24T04:30:00.000Z')).toEqual({ weekday: 1, minutes: 1410 });
});
