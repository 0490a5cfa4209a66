import { type CaseEventKind, type Disposition, DomainError } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../../use-cases/access/audit.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { appendEvidence } from '../../use-cases/evidence/journal.ts';
import { dropCaseLock } from '../../use-cases/workspace/queue/case-lock-store.ts';
import { queueCaseEvent } from '../queue-case-event.ts';

export const CALL_OUTCOMES = [
  'answered',
  'no_answer',
  'voicemail',
  'wrong_number',
  'promise',
  'refused',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type CallOutcomeInput = {
  readonly outcome: CallOutcome;
  readonly note?: string | undefined;
  /** For 'promise': when and how much the debtor promised. */
  readonly promise?: { readonly dueOn: string; readonly amountMinor: number } | undefined;
};

/** The strategy event each outcome feeds (the reactions: N unanswered calls, wrong number, promise…). */
const EVENT: Readonly<Record<CallOutcome, CaseEventKind>> = {
  answered: 'conversation',
  refused: 'conversation',
  promise: 'promise',
  no_answer: 'call_unanswered',
  voicemail: 'call_unanswered',
  wrong_number: 'wrong_number',
};

/** The disposition each of these older outcomes is recorded as (POST /cases/:caseId/outcomes has them all). */
const DISPOSITION: Readonly<Record<CallOutcome, Disposition>> = {
  answered: 'right_party_contact',
  refused: 'refusal',
  promise: 'promise',
  no_answer: 'no_answer',
  voicemail: 'voicemail',
  wrong_number: 'wrong_number',
};

/**
 * What came of a queued call: the task is done, the outcome goes into the evidence journal, the strategy's
 * event is queued for the run (a wrong number also flags the phone), and the audit log says who — one
 * transaction. A task already done, expired or cancelled is refused (409).
 */
export async function recordCallOutcome(
  deps: Deps,
  actor: Actor,
  taskId: string,
  input: CallOutcomeInput,
): Promise<{ readonly taskId: string; readonly outcome: CallOutcome; readonly eventId: string }> {
  requirePermission(actor, 'cases:act');
  if (input.outcome === 'promise' && !input.promise) {
    throw new DomainError('invalid_input', 'A promise needs its date and amount.', {
      reason: 'call_promise_missing',
      field: 'promise',
    });
  }
  const now = deps.clock.now();
  const today = deps.clock.today();
  if (input.promise && input.promise.dueOn < today) {
    throw new DomainError('invalid_input', 'A promise cannot be due in the past.', {
      reason: 'call_promise_missing',
      field: 'promise.dueOn',
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('call_tasks as t')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
      )
      .select([
        't.task_id',
        't.action_id',
        't.case_id',
        't.status',
        't.phone',
        't.kind',
        'c.debtor_id',
        'c.outstanding_minor',
      ])
      .where('t.tenant_id', '=', actor.tenantId)
      .where('t.task_id', '=', taskId)
      .executeTakeFirst();
    if (!task) throw new DomainError('not_found', 'Call task not found.', { reason: 'call_task_not_found' });
    const closed = await trx
      .updateTable('call_tasks')
      .set({
        status: 'done',
        outcome: input.outcome,
        assigned_to: actor.id,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('task_id', '=', taskId)
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
    if (input.outcome === 'wrong_number' && task.phone) {
      await trx
        .updateTable('contacts')
        .set({ validity: 'invalid', updated_at: now })
        .where('tenant_id', '=', actor.tenantId)
        .where('debtor_id', '=', task.debtor_id)
        .where('kind', '=', 'phone')
        .where('value', '=', task.phone)
        .execute();
    }
    // Kept as a row too (the queue's contact likelihood and the statistics read them), and the agent's locks go.
    await trx
      .insertInto('call_outcomes')
      .values({
        tenant_id: actor.tenantId,
        outcome_id: newId(),
        case_id: task.case_id,
        task_id: taskId,
        agent_id: actor.id,
        phone: task.phone,
        disposition: DISPOSITION[input.outcome],
        reason: null,
        note: input.note ?? null,
        callback_at: null,
        script_answers: null,
        at: now,
      })
      .execute();
    await dropCaseLock(trx, { tenantId: actor.tenantId, caseId: task.case_id, userId: actor.id });
    const eventId = await queueCaseEvent(trx, {
      tenantId: actor.tenantId,
      caseId: task.case_id,
      kind: EVENT[input.outcome],
      on: today,
      data: input.promise
        ? {
            dueOn: input.promise.dueOn,
            amountMinor: input.promise.amountMinor,
            baselineMinor: Number(task.outstanding_minor),
          }
        : { outcome: input.outcome },
      recordedBy: actor.id,
      now,
    });
    await appendEvidence(trx, {
      tenantId: actor.tenantId,
      caseId: task.case_id,
      actionId: task.action_id,
      at: now,
      kind: 'call_outcome',
      actor: `user:${actor.id}`,
      payload: {
        taskId,
        kind: task.kind,
        phone: task.phone,
        outcome: input.outcome,
        note: input.note ?? null,
        promise: input.promise ?? null,
      },
    });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'call_task.outcome',
      entityKind: 'call_task',
      entityId: taskId,
      data: { outcome: input.outcome, eventId },
    });
    return { taskId, outcome: input.outcome, eventId };
  });
}
