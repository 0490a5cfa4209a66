import type { Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { PaymentProviderName, ProviderEvent } from '../../../channels/payments/payment-provider.ts';
import type { Database } from '../../../db/schema.ts';
import type { AttemptChannel } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { finishAttempt } from '../attempts/finish-attempt.ts';
import { recordPayment } from '../record-payment.ts';

export type HandledEvent = {
  /** True when this event id was already handled: nothing changed. */
  readonly duplicate: boolean;
  readonly result: 'processed' | 'ignored';
  /** Why an event was ignored, or what it did. */
  readonly detail: string | null;
  readonly attemptId: string | null;
  readonly paymentId: string | null;
};

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
    .where('tenant_id', '=', tenantId);
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

/**
 * A provider's verified event, handled exactly once: its id is recorded first in `webhook_events` (on
 * PostgreSQL a concurrent copy waits on that row, then finds it and changes nothing), then, in the same
 * transaction, the attempt moves (started → succeeded / failed / abandoned; a late failure never undoes a
 * success) and a success books the payment through `recordPayment` under the provider's payment id, so two
 * events of one payment (`checkout.session.completed`, `payment_intent.succeeded`) book it once.
 */
export async function handleProviderEvent(
  deps: Deps,
  input: { readonly tenantId: string; readonly provider: PaymentProviderName; readonly event: ProviderEvent },
): Promise<HandledEvent> {
  const { tenantId, provider, event } = input;
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const attempt = await findAttempt(trx, tenantId, provider, event);
    const ignored = ignoredBecause(tenantId, provider, event, attempt);
    const inserted = await trx
      .insertInto('webhook_events')
      .values({
        tenant_id: tenantId,
        provider,
        event_id: event.eventId,
        kind: event.type,
        received_at: now,
        result: ignored ? 'ignored' : 'processed',
        detail: JSON.stringify(
          ignored
            ? { ignored }
            : { attemptId: attempt?.attempt_id, kind: event.kind, reason: event.failureReason },
        ),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'event_id']).doNothing())
      .executeTakeFirst();
    const handled = { attemptId: attempt?.attempt_id ?? null, paymentId: null };
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      return { ...handled, duplicate: true, result: 'processed', detail: 'already handled' };
    }
    if (ignored || !attempt) return { ...handled, duplicate: false, result: 'ignored', detail: ignored };
    return { ...(await apply(deps, trx, { tenantId, provider, event, attempt, now })), duplicate: false };
  });
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
): Promise<Omit<HandledEvent, 'duplicate'>> {
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
): Promise<Omit<HandledEvent, 'duplicate'>> {
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
    await trx
      .updateTable('webhook_events')
      .set({ result: 'ignored', detail: JSON.stringify({ ignored: why, attemptId: attempt.attempt_id }) })
      .where('tenant_id', '=', tenantId)
      .where('provider', '=', provider)
      .where('event_id', '=', event.eventId)
      .execute();
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
