import { DISPOSITION_RULES, type Disposition, DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import { ANY_HOUR, nextCallWindow } from '../../../channels/voice/call-queue.ts';
import type { Database } from '../../../db/schema.ts';

export type OutcomeInput = {
  readonly taskId?: string | undefined;
  readonly disposition: Disposition;
  readonly reason?: string | undefined;
  readonly note?: string | undefined;
  readonly callbackAt?: string | undefined;
  readonly phone?: string | undefined;
  readonly scriptAnswers?: readonly { readonly question: string; readonly answer: string }[] | undefined;
  readonly promiseId?: string | undefined;
  readonly planId?: string | undefined;
  readonly disputeId?: string | undefined;
  /** A callback goes back to the agent who agreed it unless this is false (any agent of the queue). */
  readonly callbackToMe?: boolean | undefined;
};

const invalid = (reason: string, field: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('invalid_input', message, { reason, field, ...extra });

/**
 * The outcome with its instants in the one form the checks and the stores compare as strings
 * (`toISOString()`: milliseconds, 'Z'). '…T09:02:00Z' or '…T11:02:00+02:00' would otherwise sort apart from
 * the '…T09:02:00.000Z' the call windows are computed in, and a valid callback be refused.
 */
export function normaliseOutcome(input: OutcomeInput): OutcomeInput {
  if (input.callbackAt === undefined) return input;
  const at = Date.parse(input.callbackAt);
  if (Number.isNaN(at))
    throw invalid('callback_invalid', 'callbackAt', 'The callback time is not a valid instant.');
  return { ...input, callbackAt: new Date(at).toISOString() };
}

/** What each disposition asks for, before anything is written. */
export function checkOutcomeShape(input: OutcomeInput, now: string): void {
  const needs = DISPOSITION_RULES[input.disposition].needs;
  if (needs.reason && !input.reason) {
    throw invalid('outcome_reason_missing', 'reason', 'This outcome needs the reason for non-payment.');
  }
  if (needs.promise && !input.promiseId) {
    throw invalid('outcome_promise_missing', 'promiseId', 'Record the promise first, then its outcome.');
  }
  if (needs.plan && !input.planId) {
    throw invalid(
      'outcome_plan_missing',
      'planId',
      'Set up the payment plan first, then record the outcome.',
    );
  }
  if (needs.dispute && !input.disputeId) {
    throw invalid('outcome_dispute_missing', 'disputeId', 'Open the dispute first, then record the outcome.');
  }
  if (needs.callback) {
    if (!input.callbackAt) throw invalid('callback_missing', 'callbackAt', 'A callback needs its time.');
    if (input.callbackAt <= now)
      throw invalid('callback_in_past', 'callbackAt', 'A callback must be in the future.');
  }
}

/** A callback must fall inside the hours the compliance policy allows calls in the debtor's zone. */
export function checkCallbackHours(
  callbackAt: string,
  debtor: { readonly country: string; readonly kind: 'business' | 'consumer'; readonly timeZone: string },
): void {
  const window = nextCallWindow({
    country: debtor.country,
    channel: 'call',
    debtorKind: debtor.kind,
    timeZone: debtor.timeZone,
    preferred: ANY_HOUR,
    from: callbackAt,
  });
  if (!window || window.start !== callbackAt) {
    throw invalid(
      'callback_outside_hours',
      'callbackAt',
      'Calls are not allowed at this time for this debtor.',
      {
        next: window?.start ?? null,
      },
    );
  }
}

/** The promise, plan or dispute named by the outcome exists on this case (they are made by their own endpoints). */
export async function checkLinkedRows(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  input: OutcomeInput,
): Promise<void> {
  if (input.promiseId) {
    const found = await trx
      .selectFrom('promises')
      .select('promise_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('promise_id', '=', input.promiseId)
      .executeTakeFirst();
    if (!found) throw invalid('outcome_promise_unknown', 'promiseId', 'No such promise on this case.');
  }
  if (input.planId) {
    const found = await trx
      .selectFrom('payment_plans')
      .select('plan_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('plan_id', '=', input.planId)
      .executeTakeFirst();
    if (!found) throw invalid('outcome_plan_unknown', 'planId', 'No such payment plan on this case.');
  }
  if (input.disputeId) {
    const found = await trx
      .selectFrom('disputes')
      .select('dispute_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('dispute_id', '=', input.disputeId)
      .executeTakeFirst();
    if (!found) throw invalid('outcome_dispute_unknown', 'disputeId', 'No such dispute on this case.');
  }
}
