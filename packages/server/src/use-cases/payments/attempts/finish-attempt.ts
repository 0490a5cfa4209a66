import type { AttemptStatus } from '../../../db/schema-payments.ts';
import { type AttemptTarget, resolveTarget } from './attempt-target.ts';

export type FinishAttemptInput = {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly status: 'succeeded' | 'failed' | 'abandoned';
  /** Why it failed or was given up, in the provider's or our words. */
  readonly failureReason?: string | null;
  /** The payment booked, on success. */
  readonly paymentId?: string | null;
};

/**
 * Which statuses each end may replace. Money received is the truth: a success ends any attempt (the payer
 * may pay on the same checkout after a declined card, or after the sweep gave up on it) and nothing undoes
 * it. A failure replaces an open attempt or an earlier failure (the latest reason); giving up, only an
 * open attempt.
 */
const FROM: Readonly<Record<FinishAttemptInput['status'], readonly AttemptStatus[]>> = {
  succeeded: ['started', 'failed', 'abandoned'],
  failed: ['started', 'failed'],
  abandoned: ['started'],
};

/** Ends an attempt; returns whether it changed (false: already ended in a way this end may not replace). */
export async function finishAttempt(
  target: AttemptTarget,
  input: FinishAttemptInput,
  now?: string,
): Promise<boolean> {
  const { db, now: at } = resolveTarget(target, now);
  const changed = await db
    .updateTable('payment_attempts')
    .set(
      input.status === 'succeeded'
        ? { status: 'succeeded', payment_id: input.paymentId ?? null, updated_at: at, ended_at: at }
        : {
            status: input.status,
            failure_reason: input.failureReason ?? input.status,
            updated_at: at,
            ended_at: at,
          },
    )
    .where('tenant_id', '=', input.tenantId)
    .where('attempt_id', '=', input.attemptId)
    .where('status', 'in', FROM[input.status])
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) > 0;
}
