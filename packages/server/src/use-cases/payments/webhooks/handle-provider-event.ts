import type { NotNull, Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { PaymentProviderName, ProviderEvent } from '../../../channels/payments/payment-provider.ts';
import type { Database } from '../../../db/schema.ts';
import type { AttemptChannel } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { finishAttempt } from '../attempts/finish-attempt.ts';
import { recordPayment } from '../record-payment.ts';

type Attempt = {
  readonly attempt_id: string;
  readonly case_id: string;
  readonly channel: AttemptChannel;
  readonly provider: string;
  readonly amount_minor: number;
  readonly currency: string;
};

/** The day money was received: the provider's instant, in France's calendar (where the creditors are). */
const dayOf = (instant: string) =>
  Temporal.Instant.from(instant).toZonedDateTimeISO('Europe/Paris').toPlainDate().toString();

async function findAttempt(
  trx: Transaction<Database>,
  tenantId: string,
  provider: string,
  event: ProviderEvent,
): Promise<Attempt | undefined> {
  const base = trx
    .selectFrom('payment_attempts')
    .select(['attempt_id', 'case_id', 'channel', 'provider', 'amount_minor', 'currency'])
    .where('tenant_id', '=', tenantId)
    // An IVR caller not identified has nothing a provider could have charged.
    .where('case_id', 'is not', null)
    .$narrowType<{ case_id: NotNull }>();
  if (event.attemptId) return base.where('attempt_id', '=', event.attemptId).executeTakeFirst();
  if (event.providerRef) {
    return base
      .where('provider', '=', provider)
      .where('provider_ref', '=', event.providerRef)
      .executeTakeFirst();
  }
  return undefined;
}

/** Why an event does not move any attempt of this tenant, or null when it does. */
function ignoredBecause(
  tenantId: string,
  provider: string,
  event: ProviderEvent,
  attempt: Attempt | undefined,
) {
  if (event.kind === 'other') return `not a payment outcome (${event.type})`;
  if (event.tenantId !== null && event.tenantId !== tenantId) return 'another tenant’s event';
  if (!attempt) return 'no attempt of this tenant matches';
  if (attempt.provider !== provider) return `the attempt goes through ${attempt.provider}`;
  return null;
}

/** What an event did: booked, moved an attempt, or nothing (and why). */
export type EventOutcome = {
  readonly result: 'processed' | 'ignored';
  /** Why an event was ignored, or what it did. */
  readonly detail: string | null;
  readonly attemptId: string | null;
  readonly paymentId: string | null;
};

/**
 * A provider's verified event, applied inside the caller's transaction (the queue's, which records the
 * outcome on the event's row in the same one): the attempt moves (started → succeeded / failed / abandoned;
 * a late failure never undoes a success) and a success books the payment through `recordPayment` under the
 * provider's payment id, so two events of one payment (`checkout.session.completed`,
 * `payment_intent.succeeded`) book it once.
 */
export async function applyProviderEvent(
  deps: Deps,
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly provider: PaymentProviderName;
    readonly event: ProviderEvent;
    readonly now: string;
  },
): Promise<EventOutcome> {
  const { tenantId, provider, event } = input;
  const attempt = await findAttempt(trx, tenantId, provider, event);
  const ignored = ignoredBecause(tenantId, provider, event, attempt);
  if (ignored || !attempt) {
    return { result: 'ignored', detail: ignored, attemptId: attempt?.attempt_id ?? null, paymentId: null };
  }
  return apply(deps, trx, { ...input, attempt });
}

async function apply(
  deps: Deps,
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly provider: PaymentProviderName;
    readonly event: ProviderEvent;
    readonly attempt: Attempt;
    readonly now: string;
  },
): Promise<EventOutcome> {
  const { tenantId, event, attempt, now } = input;
  const ids = { tenantId, attemptId: attempt.attempt_id };
  const done = (detail: string, paymentId: string | null = null) => ({
    result: 'processed' as const,
    detail,
    attemptId: attempt.attempt_id,
    paymentId,
  });
  switch (event.kind) {
    case 'payment_failed': {
      const moved = await finishAttempt(
        trx,
        { ...ids, status: 'failed', failureReason: event.failureReason },
        now,
      );
      return done(moved ? 'attempt failed' : 'attempt already ended');
    }
    case 'checkout_expired': {
      const reason = event.failureReason ?? 'checkout expired';
      const moved = await finishAttempt(trx, { ...ids, status: 'abandoned', failureReason: reason }, now);
      return done(moved ? 'attempt abandoned' : 'attempt already ended');
    }
    case 'payment_succeeded':
      return bookSuccess(deps, trx, input);
    case 'other':
      return done('nothing to do');
  }
}

async function bookSuccess(
  deps: Deps,
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly provider: PaymentProviderName;
    readonly event: ProviderEvent;
    readonly attempt: Attempt;
    readonly now: string;
  },
): Promise<EventOutcome> {
  const { tenantId, provider, event, attempt, now } = input;
  const amountMinor = event.amountMinor ?? Number(attempt.amount_minor);
  const currency = event.currency ?? attempt.currency;
  const reference = provider === 'stripe' ? (event.paymentRef ?? event.providerRef) : attempt.attempt_id;
  if (currency !== attempt.currency || amountMinor <= 0 || !reference) {
    // Paid at the provider, but not something Relance can book by itself: the attempt says so, a person books it.
    const why = `paid at the provider but not booked: ${amountMinor} ${currency} for an attempt in ${attempt.currency}`;
    await finishAttempt(
      trx,
      { tenantId, attemptId: attempt.attempt_id, status: 'succeeded', paymentId: null },
      now,
    );
    return { result: 'ignored', detail: why, attemptId: attempt.attempt_id, paymentId: null };
  }
  const actor: Actor = { tenantId, kind: 'system', id: provider, role: 'admin', creditorId: null };
  const booked = await recordPayment(
    deps,
    actor,
    {
      caseId: attempt.case_id,
      amountMinor,
      currency,
      method: 'card',
      channel: attempt.channel,
      provider,
      sourceKey: `${provider}:${reference}`,
      receivedOn: dayOf(event.occurredAt),
      reference,
      attemptId: attempt.attempt_id,
    },
    trx,
  );
  await finishAttempt(
    trx,
    { tenantId, attemptId: attempt.attempt_id, status: 'succeeded', paymentId: booked.paymentId },
    now,
  );
  return {
    result: 'processed',
    detail: booked.repeated ? 'payment already booked' : 'payment booked',
    attemptId: attempt.attempt_id,
    paymentId: booked.paymentId,
  };
}
