import { DISPOSITION_RULES, type Disposition, DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { queueEvidence, sealQueued } from '../../evidence/journal-queue.ts';
import { dropCaseLock } from './case-lock-store.ts';
import {
  checkCallbackHours,
  checkLinkedRows,
  checkOutcomeShape,
  normaliseOutcome,
  type OutcomeInput,
} from './outcome-checks.ts';
import { scheduleCallback } from './schedule-callback.ts';

export type OutcomeResult = {
  readonly outcomeId: string;
  readonly disposition: Disposition;
  readonly eventId: string;
  readonly callbackActionId: string | null;
};

/**
 * What came of a call on a case, in one transaction: the outcome row (for the contact likelihood and the
 * statistics), the task closed, the agent's locks released, a wrong number flagged, the strategy's event
 * queued, the evidence entry, the audit entry, and for a callback the outbox row that brings the case back
 * to the queue at the agreed time (kept for the same agent unless asked otherwise).
 */
export async function recordOutcome(
  deps: Deps,
  actor: Actor,
  caseId: string,
  given: OutcomeInput,
): Promise<OutcomeResult> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  const input = normaliseOutcome(given);
  checkOutcomeShape(input, now);
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const found = await caseOf(trx, actor.tenantId, caseId);
    if (input.callbackAt) checkCallbackHours(input.callbackAt, found);
    await checkLinkedRows(trx, actor.tenantId, caseId, input);
    const task = await closeTask(trx, actor, caseId, input, now);
    const phone = input.phone ?? task?.phone ?? null;
    if (input.disposition === 'wrong_number' && phone) {
      await trx
        .updateTable('contacts')
        .set({ validity: 'invalid', updated_at: now })
        .where('tenant_id', '=', actor.tenantId)
        .where('debtor_id', '=', found.debtorId)
        .where('kind', '=', 'phone')
        .where('value', '=', phone)
        .execute();
    }
    const outcomeId = newId();
    const callbackActionId = input.callbackAt
      ? await scheduleCallback(trx, {
          tenantId: actor.tenantId,
          caseId,
          outcomeId,
          callbackAt: input.callbackAt,
          agentId: input.callbackToMe === false ? null : actor.id,
          template: task?.template ?? (found.kind === 'business' ? 'cordial-call' : 'consumer-call'),
          language: found.language,
          timeZone: found.timeZone,
          today,
          now,
        })
      : null;
    await trx
      .insertInto('call_outcomes')
      .values({
        tenant_id: actor.tenantId,
        outcome_id: outcomeId,
        case_id: caseId,
        task_id: task?.taskId ?? null,
        agent_id: actor.id,
        phone,
        disposition: input.disposition,
        reason: input.reason ?? null,
        note: input.note ?? null,
        callback_at: input.callbackAt ?? null,
        script_answers: input.scriptAnswers ? JSON.stringify(input.scriptAnswers) : null,
        at: now,
        promise_id: input.promiseId ?? null,
        plan_id: input.planId ?? null,
        dispute_id: input.disputeId ?? null,
        callback_action_id: callbackActionId,
      })
      .execute();
    if (input.promiseId) {
      await trx
        .updateTable('promises')
        .set({ outcome_id: outcomeId })
        .where('tenant_id', '=', actor.tenantId)
        .where('promise_id', '=', input.promiseId)
        .execute();
    }
    await dropCaseLock(trx, { tenantId: actor.tenantId, caseId, userId: actor.id });
    const eventId = await queueCaseEvent(trx, {
      tenantId: actor.tenantId,
      caseId,
      kind: DISPOSITION_RULES[input.disposition].event,
      on: today,
      data: { disposition: input.disposition, outcomeId, reason: input.reason ?? null },
      recordedBy: actor.id,
      now,
    });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'call.outcome',
      entityKind: 'case',
      entityId: caseId,
      data: {
        outcomeId,
        disposition: input.disposition,
        taskId: task?.taskId ?? null,
        eventId,
        callbackActionId,
      },
    });
    // Queued, not chained here: the tenant's other outcomes would wait for this one's commit (decision 0015).
    await queueEvidence(
      trx,
      {
        tenantId: actor.tenantId,
        caseId,
        actionId: task?.actionId ?? null,
        at: now,
        kind: 'call_outcome',
        actor: `user:${actor.id}`,
        payload: {
          outcomeId,
          taskId: task?.taskId ?? null,
          phone,
          outcome: input.disposition,
          reason: input.reason ?? null,
          note: input.note ?? null,
          callbackAt: input.callbackAt ?? null,
          scriptAnswers: input.scriptAnswers ?? [],
          promiseId: input.promiseId ?? null,
          planId: input.planId ?? null,
          disputeId: input.disputeId ?? null,
        },
      },
      now,
    );
    return { outcomeId, disposition: input.disposition, eventId, callbackActionId };
  });
  // The entry is kept since the commit; chained now with the others queued meanwhile. Should that fail, the
  // dispatcher's next tick (or the next reader of the journal) chains it.
  await sealQueued(deps.database.db, actor.tenantId).catch(() => undefined);
  return result;
}

async function caseOf(trx: Transaction<Database>, tenantId: string, caseId: string) {
  const row = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['c.debtor_id', 'd.kind', 'd.time_zone', 'd.language', 'cr.country'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return {
    debtorId: row.debtor_id,
    kind: row.kind,
    timeZone: row.time_zone,
    language: row.language,
    country: row.country,
  };
}

/**
 * The task the call was made for: the one named, or else the open task the agent holds on this case; it
 * becomes done with the disposition. A named task that is not open on this case is refused.
 */
async function closeTask(
  trx: Transaction<Database>,
  actor: Actor,
  caseId: string,
  input: OutcomeInput,
  now: string,
): Promise<{ taskId: string; actionId: string; phone: string | null; template: string } | null> {
  const task = await trx
    .selectFrom('call_tasks as t')
    .innerJoin('actions as a', (j) =>
      j.onRef('a.tenant_id', '=', 't.tenant_id').onRef('a.action_id', '=', 't.action_id'),
    )
    .select(['t.task_id', 't.action_id', 't.phone', 't.status', 'a.template'])
    .where('t.tenant_id', '=', actor.tenantId)
    .where('t.case_id', '=', caseId)
    .$if(input.taskId !== undefined, (q) => q.where('t.task_id', '=', input.taskId ?? ''))
    .$if(input.taskId === undefined, (q) =>
      q.where('t.locked_by', '=', actor.id).where('t.status', '=', 'open').where('t.kind', '=', 'agent_call'),
    )
    .orderBy('t.locked_until', 'desc')
    .executeTakeFirst();
  if (!task) {
    if (input.taskId === undefined) return null;
    throw new DomainError('not_found', 'Call task not found on this case.', {
      reason: 'call_task_not_found',
    });
  }
  const closed = await trx
    .updateTable('call_tasks')
    .set({
      status: 'done',
      outcome: input.disposition,
      assigned_to: actor.id,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('tenant_id', '=', actor.tenantId)
    .where('task_id', '=', task.task_id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) === 0) {
    throw new DomainError('conflict', `This call task is already ${task.status}.`, {
      reason: 'call_task_closed',
      status: task.status,
    });
  }
  await trx
    .updateTable('actions')
    .set({ status: 'delivered', delivered_at: now })
    .where('tenant_id', '=', actor.tenantId)
    .where('action_id', '=', task.action_id)
    .where('status', 'in', ['sent', 'sending'])
    .execute();
  return { taskId: task.task_id, actionId: task.action_id, phone: task.phone, template: task.template };
}
