import { newId } from '../../../db/ids.ts';
import type { AttemptChannel } from '../../../db/schema-payments.ts';
import { type AttemptTarget, resolveTarget } from './attempt-target.ts';

export type StartAttemptInput = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly channel: AttemptChannel;
  /** 'builtin' | 'stripe' | 'twilio' */
  readonly provider: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly linkId?: string | null;
  /** What the payer chose around the payment (a plan for the rest, a date…), kept as JSON. */
  readonly details?: Readonly<Record<string, unknown>> | null;
};

/** A try to pay, on any channel, begins: the funnel's "started". Returns the attempt's id. */
export async function startAttempt(
  target: AttemptTarget,
  input: StartAttemptInput,
  now?: string,
): Promise<string> {
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new Error(`An attempt needs a positive amount in minor units, not ${input.amountMinor}.`);
  }
  const { db, now: at } = resolveTarget(target, now);
  const attemptId = newId(Date.parse(at));
  await db
    .insertInto('payment_attempts')
    .values({
      tenant_id: input.tenantId,
      attempt_id: attemptId,
      case_id: input.caseId,
      channel: input.channel,
      provider: input.provider,
      provider_ref: null,
      amount_minor: input.amountMinor,
      currency: input.currency,
      status: 'started',
      failure_reason: null,
      input_errors: 0,
      link_id: input.linkId ?? null,
      payment_id: null,
      details: input.details ? JSON.stringify(input.details) : null,
      started_at: at,
      updated_at: at,
      ended_at: null,
    })
    .execute();
  return attemptId;
}
