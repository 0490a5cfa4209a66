import { addDays, type CaseEvent, DomainError } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { creditorFilter, readScope } from '../portfolio/scope.ts';
import { evaluateCaseNow } from '../workspace/evaluate-case-now.ts';
import { cancelLadderCalls } from '../workspace/queue/cancel-ladder-calls.ts';

/** An event as a caller states it; the server adds the baseline (the balance when a promise or plan is made). */
export type CaseEventInput =
  | { readonly kind: 'payment'; readonly on: string; readonly amountMinor: number }
  | { readonly kind: 'promise'; readonly on: string; readonly dueOn: string; readonly amountMinor: number }
  | {
      readonly kind: 'plan';
      readonly on: string;
      readonly instalments: readonly { readonly dueOn: string; readonly amountMinor: number }[];
    }
  /** Paused by hand: until resumed, or until the day given (after today, at most a year ahead). */
  | { readonly kind: 'pause'; readonly on: string; readonly until?: string }
  | {
      readonly kind: Exclude<CaseEvent['kind'], 'payment' | 'promise' | 'plan' | 'pause'>;
      readonly on: string;
      /** For a bounce or a wrong number: the contact to flag as invalid. */
      readonly contactId?: string;
    };

export type RecordedEvent = {
  readonly eventId: string;
  readonly caseId: string;
  readonly kind: string;
  readonly nextRunOn: string;
};

/**
 * Records what happened on a case (a promise, a payment, a dispute, a reply, an unanswered call…) for the
 * strategy to react to. The case is queued for the next run; the event, the queueing and the audit entry
 * are one transaction. A bounce or a wrong number also flags the contact.
 */
export async function recordCaseEvent(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: CaseEventInput,
): Promise<RecordedEvent> {
  requirePermission(actor, 'cases:act');
  const scope = readScope(actor);
  const db = deps.database.db;
  const now = deps.clock.now();
  const today = deps.clock.today();
  const found = await db
    .selectFrom('cases')
    .select(['case_id', 'outstanding_minor', 'debtor_id', 'creditor_id', 'next_run_on', 'held_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) =>
      q.where('creditor_id', '=', creditorFilter(scope, undefined) ?? ''),
    )
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  // A creditor's hold ends with its release (creditor portal), not with an engine event.
  if (input.kind === 'resume' && found.held_at !== null) {
    throw new DomainError('conflict', 'The creditor has put this case on hold: release it instead.', {
      reason: 'case_held_by_creditor',
    });
  }
  // A day of grace: a person east of Paris may record today's event just after their midnight.
  if (input.on > addDays(today, 1)) {
    throw new DomainError('invalid_input', `The event date ${input.on} is in the future.`, {
      reason: 'future_event',
      field: 'on',
    });
  }
  if (input.kind === 'pause' && input.until !== undefined) checkPauseEnd(input.until, today);
  const { kind, on, ...rest } = input;
  const data: Record<string, unknown> = { ...rest };
  if (kind === 'promise' || kind === 'plan') data.baselineMinor = Number(found.outstanding_minor);
  const contactId = 'contactId' in input ? input.contactId : undefined;
  const eventId = newId();
  // The run looks at the case again today (or at once if the case was waiting for nothing).
  const queuedOn = found.next_run_on === null || found.next_run_on > today ? today : found.next_run_on;
  const nextRunOn = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_events')
      .values({
        tenant_id: scope.tenantId,
        event_id: eventId,
        case_id: caseId,
        kind,
        occurred_on: on,
        data: JSON.stringify(data),
        recorded_by: actor.id,
        created_at: now,
        applied_run_id: null,
      })
      .execute();
    await trx
      .updateTable('cases')
      .set({ next_run_on: queuedOn })
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .execute();
    if (contactId && (kind === 'email_bounce' || kind === 'wrong_number')) {
      await trx
        .updateTable('contacts')
        .set({ validity: 'invalid', updated_at: now })
        .where('tenant_id', '=', scope.tenantId)
        .where('contact_id', '=', contactId)
        .where('debtor_id', '=', found.debtor_id)
        .execute();
    }
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: `case.event.${kind}`,
      entityKind: 'case',
      entityId: caseId,
      data: { eventId, on, ...data },
    });
    if (kind !== 'pause' && kind !== 'resume') return queuedOn;
    // A pause stops the calls the ladder put in the agents' queue; what it planned in the outbox is held back
    // when its time comes (the dispatcher asks where the case stands). Both apply at once, not at the next run.
    if (kind === 'pause') await cancelLadderCalls(trx, scope.tenantId, caseId, now);
    await evaluateCaseNow(trx, deps.database.raw, {
      tenantId: scope.tenantId,
      caseId,
      today,
      now,
      origin: `event:${eventId}`,
    });
    const after = await trx
      .selectFrom('cases')
      .select('next_run_on')
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return after?.next_run_on ?? queuedOn;
  });
  return { eventId, caseId, kind, nextRunOn };
}

/** The longest pause with an end date: past it, a person should look at the case again. */
export const MAX_PAUSE_DAYS = 366;

/** A pause's end is a day after today and at most a year ahead (a longer hold is an open-ended pause). */
function checkPauseEnd(until: string, today: string): void {
  const latest = addDays(today, MAX_PAUSE_DAYS);
  if (until <= today || until > latest) {
    throw new DomainError('invalid_input', `The pause must end after ${today} and by ${latest}.`, {
      reason: 'pause_end_out_of_range',
      field: 'until',
      until,
      today,
      latest,
    });
  }
}
