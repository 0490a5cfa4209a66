import { expect, it } from 'vitest';
import { newId } from '../../../src/db/ids.ts';
import { dispatchDue } from '../../../src/use-cases/dispatch/dispatch-due.ts';
import { listOutcomes } from '../../../src/use-cases/workspace/queue/list-outcomes.ts';
import { nextCase } from '../../../src/use-cases/workspace/queue/next-case.ts';
import { recordOutcome } from '../../../src/use-cases/workspace/queue/record-outcome.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { queueWorld } from './world.ts';

describeEachDatabase('call outcomes', (ctx) => {
  const db = () => ctx.handle.db;

  it('no answer: the task closes, locks go, the strategy hears of it, evidence and audit are written', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase();
    const taskId = await w.addTask(x.caseId);
    expect((await nextCase(w.deps, agent))?.id).toBe(taskId);
    const result = await recordOutcome(w.deps, agent, x.caseId, {
      disposition: 'no_answer',
      note: 'Sonne dans le vide',
    });
    expect(result).toMatchObject({ disposition: 'no_answer', callbackActionId: null });
    const task = await db()
      .selectFrom('call_tasks')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .where('task_id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      status: 'done',
      outcome: 'no_answer',
      assigned_to: agent.id,
      locked_by: null,
    });
    const locks = await db()
      .selectFrom('case_locks')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(locks).toEqual([]);
    const events = await db()
      .selectFrom('case_events')
      .select(['kind', 'event_id'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(events).toEqual([{ kind: 'call_unanswered', event_id: result.eventId }]);
    const evidence = await db()
      .selectFrom('evidence')
      .select(['kind', 'payload'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(evidence.map((e) => e.kind)).toEqual(['call_outcome']);
    expect(JSON.parse(evidence[0]?.payload ?? '{}')).toMatchObject({ outcome: 'no_answer', taskId });
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'call.outcome')
      .execute();
    expect(audit).toHaveLength(1);
    const listed = await listOutcomes(w.deps, agent, x.caseId);
    expect(listed).toMatchObject([
      { id: result.outcomeId, disposition: 'no_answer', agentName: 'agent 1', taskId },
    ]);
    // The task is done: the agent's next case is another one (here: none).
    expect(await nextCase(w.deps, agent)).toBeNull();
    await expect(
      recordOutcome(w.deps, agent, x.caseId, { taskId, disposition: 'busy' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'call_task_closed' },
    });
  });

  it('wrong number flags the phone and feeds wrong_number; a right-party contact needs its reason', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase({ phone: '+33611111111' });
    await expect(
      recordOutcome(w.deps, agent, x.caseId, { disposition: 'right_party_contact' }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'outcome_reason_missing' } });
    await recordOutcome(w.deps, agent, x.caseId, {
      disposition: 'right_party_contact',
      reason: 'invoice_not_received',
      scriptAnswers: [{ question: 'Avez-vous reçu la facture ?', answer: 'Non' }],
    });
    await recordOutcome(w.deps, agent, x.caseId, { disposition: 'wrong_number', phone: '+33611111111' });
    const phone = await db()
      .selectFrom('contacts')
      .select('validity')
      .where('tenant_id', '=', w.tenantId)
      .where('debtor_id', '=', x.debtorId)
      .executeTakeFirstOrThrow();
    expect(phone.validity).toBe('invalid');
    const kinds = await db()
      .selectFrom('case_events')
      .select('kind')
      .where('tenant_id', '=', w.tenantId)
      .orderBy('created_at')
      .orderBy('event_id')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['conversation', 'wrong_number']);
    const listed = await listOutcomes(w.deps, agent, x.caseId);
    expect(listed.map((o) => o.disposition)).toEqual(['wrong_number', 'right_party_contact']);
    expect(listed[1]?.scriptAnswers).toEqual([{ question: 'Avez-vous reçu la facture ?', answer: 'Non' }]);
  });

  it('a promise or a dispute must exist on the case', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase();
    await expect(recordOutcome(w.deps, agent, x.caseId, { disposition: 'promise' })).rejects.toMatchObject({
      details: { reason: 'outcome_promise_missing' },
    });
    await expect(
      recordOutcome(w.deps, agent, x.caseId, { disposition: 'promise', promiseId: 'nope' }),
    ).rejects.toMatchObject({ details: { reason: 'outcome_promise_unknown' } });
    await expect(
      recordOutcome(w.deps, agent, x.caseId, { disposition: 'dispute', disputeId: 'nope' }),
    ).rejects.toMatchObject({ details: { reason: 'outcome_dispute_unknown' } });
    const promiseId = newId();
    await db()
      .insertInto('promises')
      .values({
        tenant_id: w.tenantId,
        promise_id: promiseId,
        case_id: x.caseId,
        made_on: '2026-03-16',
        made_by: `user:${agent.id}`,
        channel: 'call',
        schedule: JSON.stringify([{ dueOn: '2026-03-20', amountMinor: 500_00 }]),
        amount_minor: 500_00,
        currency: 'EUR',
        baseline_minor: 500_00,
        status: 'open',
        created_at: '2026-03-16T10:00:00.000Z',
        updated_at: '2026-03-16T10:00:00.000Z',
      })
      .execute();
    const result = await recordOutcome(w.deps, agent, x.caseId, { disposition: 'promise', promiseId });
    const promise = await db()
      .selectFrom('promises')
      .select('outcome_id')
      .where('tenant_id', '=', w.tenantId)
      .where('promise_id', '=', promiseId)
      .executeTakeFirstOrThrow();
    expect(promise.outcome_id).toBe(result.outcomeId);
    expect((await listOutcomes(w.deps, agent, x.caseId))[0]).toMatchObject({
      promiseId,
      disposition: 'promise',
    });
  });

  it('a callback must be in the future and inside the allowed call hours', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase();
    const call = (callbackAt: string | undefined) =>
      recordOutcome(w.deps, agent, x.caseId, { disposition: 'callback_requested', callbackAt });
    await expect(call(undefined)).rejects.toMatchObject({ details: { reason: 'callback_missing' } });
    await expect(call('2026-03-16T09:00:00.000Z')).rejects.toMatchObject({
      details: { reason: 'callback_in_past' },
    });
    // Sunday: no calls; the refusal says when the next slot opens.
    await expect(call('2026-03-22T10:00:00.000Z')).rejects.toMatchObject({
      details: { reason: 'callback_outside_hours', next: expect.stringMatching(/^2026-03-23T/) },
    });
  });

  it('a callback time is taken in any ISO form (no milliseconds, an offset) and stored in the canonical one', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const forms = ['2026-03-17T09:02:00Z', '2026-03-17T09:02:00.000Z', '2026-03-17T10:02:00+01:00'];
    for (const callbackAt of forms) {
      const x = await w.addCase();
      const result = await recordOutcome(w.deps, agent, x.caseId, {
        disposition: 'callback_requested',
        callbackAt,
      });
      const action = await db()
        .selectFrom('actions')
        .select('scheduled_at')
        .where('tenant_id', '=', w.tenantId)
        .where('action_id', '=', result.callbackActionId ?? '')
        .executeTakeFirstOrThrow();
      expect(action.scheduled_at).toBe('2026-03-17T09:02:00.000Z');
    }
    const x = await w.addCase();
    await expect(
      recordOutcome(w.deps, agent, x.caseId, {
        disposition: 'callback_requested',
        callbackAt: '2026-03-22T10:00:00Z',
      }),
    ).rejects.toMatchObject({ details: { reason: 'callback_outside_hours' } });
  });

  it('a callback comes back as a task at the agreed time, for the same agent', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const other = await w.user();
    const x = await w.addCase();
    const taskId = await w.addTask(x.caseId);
    expect((await nextCase(w.deps, agent))?.id).toBe(taskId);
    // Tuesday 17 March, 10:30 in Paris.
    const callbackAt = '2026-03-17T09:30:00.000Z';
    const result = await recordOutcome(w.deps, agent, x.caseId, {
      disposition: 'callback_requested',
      callbackAt,
      note: 'Rappeler demain matin',
    });
    expect(result.callbackActionId).not.toBeNull();
    const action = await db()
      .selectFrom('actions')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', result.callbackActionId ?? '')
      .executeTakeFirstOrThrow();
    expect(action).toMatchObject({
      channel: 'call_task',
      status: 'planned',
      scheduled_at: callbackAt,
      action_key: `callback:${result.outcomeId}`,
    });
    // Before the time nothing is queued; at the time the dispatcher makes the task.
    await dispatchDue(w.depsAt('2026-03-17T09:00:00.000Z'), w.tenantId);
    expect(await nextCase(w.depsAt('2026-03-17T09:00:00.000Z'), agent)).toBeNull();
    const totals = await dispatchDue(w.depsAt(callbackAt), w.tenantId);
    expect(totals).toMatchObject({ sent: 1 });
    const at = w.depsAt('2026-03-17T09:31:00.000Z');
    expect(await nextCase(at, other)).toBeNull();
    const back = await nextCase(at, agent);
    expect(back).toMatchObject({ caseId: x.caseId, windowStart: callbackAt });
    const task = await db()
      .selectFrom('call_tasks')
      .select(['pinned_to', 'segment', 'language', 'score_parts'])
      .where('tenant_id', '=', w.tenantId)
      .where('task_id', '=', back?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ pinned_to: agent.id, segment: 'b2b', language: 'fr' });
    expect(JSON.parse(task.score_parts ?? '[]').map((p: { key: string }) => p.key)).toEqual([
      'amount',
      'age',
      'promises',
      'contact',
      'hour',
    ]);
  });

  it('a callback is queued at the hour the debtor chose, even outside their profile’s preferred hours', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    // An "active" consumer is called at lunch or in the evening by the ladder; 10:30 is their own choice.
    const x = await w.addCase({ kind: 'consumer', tags: ['active'] });
    await w.addTask(x.caseId);
    expect(await nextCase(w.deps, agent)).not.toBeNull();
    const callbackAt = '2026-03-17T09:30:00.000Z';
    await recordOutcome(w.deps, agent, x.caseId, { disposition: 'callback_requested', callbackAt });
    await dispatchDue(w.depsAt(callbackAt), w.tenantId);
    const back = await nextCase(w.depsAt('2026-03-17T09:31:00.000Z'), agent);
    expect(back).toMatchObject({ caseId: x.caseId, windowStart: callbackAt });
  });

  it('a callback the debtor asked for goes at the agreed time despite the pause after a conversation, never outside the hours', async () => {
    const w = await queueWorld(ctx.handle);
    const agent = await w.user();
    const x = await w.addCase();
    // Monday 16 March: the debtor asks to be called back on Tuesday at 10:30 (Paris); the call is a conversation,
    // and the policy pauses calls we start for three days after one.
    const callbackAt = '2026-03-17T09:30:00.000Z';
    const result = await recordOutcome(w.deps, agent, x.caseId, {
      disposition: 'callback_requested',
      callbackAt,
    });
    const callback = await db()
      .selectFrom('actions')
      .select(['purpose', 'reason'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', result.callbackActionId ?? '')
      .executeTakeFirstOrThrow();
    expect(callback.purpose).toBe('reminder');
    expect(JSON.parse(callback.reason)).toMatchObject({
      reason: { code: 'callback_requested', params: { callbackAt, on: '2026-03-17', at: '10:30' } },
      callback: { at: callbackAt, consentUntil: '2026-03-23T10:00:00.000Z' },
    });
    // A call of the strategy planned for the same instant, for comparison: it waits for the pause to end.
    const strategyCall = newId();
    await db()
      .insertInto('actions')
      .values({
        tenant_id: w.tenantId,
        action_id: strategyCall,
        case_id: x.caseId,
        action_key: 'ladder:0:call:0',
        run_id: null,
        planned_on: '2026-03-17',
        scheduled_at: callbackAt,
        channel: 'call_task',
        template: 'cordial-call',
        language: 'fr',
        purpose: 'reminder',
        status: 'planned',
        strategy_key: null,
        strategy_version: null,
        step_key: null,
        reason: JSON.stringify({ reason: { code: 'step_due', params: {} }, notes: [] }),
        gate: '{}',
        amounts: null,
        created_at: '2026-03-16T10:00:00.000Z',
      })
      .execute();
    const totals = await dispatchDue(w.depsAt(callbackAt), w.tenantId);
    expect(totals).toMatchObject({ sent: 1, deferred: 1 });
    const statusOf = async (actionId: string) =>
      db()
        .selectFrom('actions')
        .select(['status', 'scheduled_at'])
        .where('tenant_id', '=', w.tenantId)
        .where('action_id', '=', actionId)
        .executeTakeFirstOrThrow();
    expect(await statusOf(result.callbackActionId ?? '')).toMatchObject({ status: 'sent' });
    // Thursday 19 March, 09:00 in Paris: the first day after the pause.
    expect(await statusOf(strategyCall)).toEqual({
      status: 'planned',
      scheduled_at: '2026-03-19T08:00:00.000Z',
    });

    // A callback the dispatcher reaches after the hours (18:30 in Paris, calls end at 18:00) waits for the
    // next opening the next morning, not for the end of the pause.
    const late = await recordOutcome(w.depsAt('2026-03-17T10:00:00.000Z'), agent, x.caseId, {
      disposition: 'callback_requested',
      callbackAt: '2026-03-17T16:30:00.000Z',
    });
    const lateId = late.callbackActionId ?? '';
    expect(await dispatchDue(w.depsAt('2026-03-17T17:30:00.000Z'), w.tenantId)).toMatchObject({
      sent: 0,
      deferred: 1,
      expiredCalls: 1,
    });
    expect(await statusOf(lateId)).toEqual({ status: 'planned', scheduled_at: '2026-03-18T08:00:00.000Z' });
    const refusal = await db()
      .selectFrom('compliance_log')
      .select(['allowed', 'code'])
      .where('tenant_id', '=', w.tenantId)
      .where('action_key', '=', `callback:${late.outcomeId}`)
      .executeTakeFirstOrThrow();
    expect(refusal).toEqual({ allowed: 0, code: 'outside_window' });
    // Wednesday 09:00: the late callback goes; so does the first one again, whose task nobody worked on
    // Tuesday (it expired and went back to the outbox at 18:30), still covered by the debtor's consent.
    expect(await dispatchDue(w.depsAt('2026-03-18T08:00:00.000Z'), w.tenantId)).toMatchObject({ sent: 2 });
    expect(await statusOf(lateId)).toMatchObject({ status: 'sent' });
  });
});
