import { DomainError } from '@relance/core';
import type { AttemptStatus } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { findAttempt, type IvrStage } from './ivr-attempt-read.ts';

/** An attempt as the agent watches it: where the caller is, never what they keyed. */
export type AttemptStatusView = {
  readonly id: string;
  readonly caseId: string;
  readonly provider: string;
  readonly status: AttemptStatus;
  readonly stage: IvrStage;
  /** The field the payment page asks for now ('payment-card-number', 'expiration-date', 'security-code'…). */
  readonly capture: string | null;
  readonly errorType: string | null;
  readonly failureReason: string | null;
  readonly inputErrors: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly paymentId: string | null;
  /** The transfer code while the IVR waits for the caller (null once the caller is identified). */
  readonly transferCode: string | null;
  readonly transferExpiresAt: string | null;
  readonly updatedAt: string;
};

/** `GET /cases/:caseId/payment-attempts/:attemptId`: an IVR attempt of the case, polled by the case screen. */
export async function readAttemptStatus(
  deps: Deps,
  actor: Actor,
  caseId: string,
  attemptId: string,
): Promise<AttemptStatusView> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const kase = await db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  const attempt = kase ? await findAttempt(db, scope.tenantId, attemptId) : null;
  if (!attempt || attempt.caseId !== caseId) {
    throw new DomainError('not_found', 'Payment attempt not found.', { reason: 'payment_attempt_not_found' });
  }
  const waiting = attempt.status === 'started' && attempt.live.stage === 'waiting_for_caller';
  return {
    id: attempt.attemptId,
    caseId,
    provider: attempt.provider,
    status: attempt.status,
    stage: attempt.live.stage,
    capture: attempt.live.capture,
    errorType: attempt.live.errorType,
    failureReason: attempt.failureReason,
    inputErrors: attempt.inputErrors,
    amountMinor: attempt.amountMinor,
    currency: attempt.currency,
    paymentId: attempt.paymentId,
    transferCode: waiting ? attempt.live.transferCode : null,
    transferExpiresAt: waiting ? attempt.live.transferExpiresAt : null,
    updatedAt: attempt.updatedAt,
  };
}
