import type Stripe from 'stripe';
import type { ProviderEvent, ProviderEventKind } from './payment-provider.ts';

/** The metadata keys Relance gives Stripe at checkout (on the session and on its PaymentIntent). */
export const STRIPE_METADATA = {
  tenant: 'relance_tenant_id',
  caseId: 'relance_case_id',
  attempt: 'relance_attempt_id',
} as const;

type Ours = Pick<ProviderEvent, 'tenantId' | 'caseId' | 'attemptId'>;

function ours(metadata: Stripe.Metadata | null | undefined, clientReference: string | null = null): Ours {
  return {
    tenantId: metadata?.[STRIPE_METADATA.tenant] ?? null,
    caseId: metadata?.[STRIPE_METADATA.caseId] ?? null,
    attemptId: metadata?.[STRIPE_METADATA.attempt] ?? clientReference,
  };
}

const idOf = (value: string | { readonly id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

/** `card_declined / insufficient_funds: Your card has insufficient funds.`, from the parts Stripe gives. */
function reason(
  code: string | null | undefined,
  decline: string | null | undefined,
  message: string | null | undefined,
) {
  const codes = [code, decline && decline !== code ? decline : null].filter((c): c is string => !!c);
  const text = [codes.join(' / '), message ?? ''].filter((p) => p !== '').join(': ');
  return text === '' ? 'declined' : text;
}

type Body = Omit<ProviderEvent, 'eventId' | 'type' | 'occurredAt'>;

const nothing: Body = {
  kind: 'other',
  attemptId: null,
  caseId: null,
  tenantId: null,
  providerRef: null,
  paymentRef: null,
  amountMinor: null,
  currency: null,
  failureReason: null,
};

function session(object: Stripe.Checkout.Session, kind: ProviderEventKind, failure: string | null): Body {
  return {
    kind,
    ...ours(object.metadata, object.client_reference_id),
    providerRef: object.id,
    paymentRef: idOf(object.payment_intent),
    amountMinor: object.amount_total,
    currency: object.currency ? object.currency.toUpperCase() : null,
    failureReason: failure,
  };
}

function body(event: Stripe.Event): Body {
  switch (event.type) {
    case 'checkout.session.completed': {
      const object = event.data.object;
      // A card is paid when the session completes; other methods may still be pending ('unpaid').
      return session(object, object.payment_status === 'paid' ? 'payment_succeeded' : 'other', null);
    }
    case 'checkout.session.async_payment_succeeded':
      return session(event.data.object, 'payment_succeeded', null);
    case 'checkout.session.async_payment_failed':
      return session(event.data.object, 'payment_failed', 'async_payment_failed');
    case 'checkout.session.expired':
      return session(event.data.object, 'checkout_expired', 'checkout expired');
    case 'payment_intent.succeeded': {
      const pi = event.data.object;
      return {
        ...nothing,
        kind: 'payment_succeeded',
        ...ours(pi.metadata),
        paymentRef: pi.id,
        amountMinor: pi.amount_received,
        currency: pi.currency.toUpperCase(),
      };
    }
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      const error = pi.last_payment_error;
      return {
        ...nothing,
        kind: 'payment_failed',
        ...ours(pi.metadata),
        paymentRef: pi.id,
        amountMinor: pi.amount,
        currency: pi.currency.toUpperCase(),
        failureReason: reason(error?.code, error?.decline_code, error?.message),
      };
    }
    case 'charge.failed': {
      const charge = event.data.object;
      return {
        ...nothing,
        kind: 'payment_failed',
        ...ours(charge.metadata),
        paymentRef: idOf(charge.payment_intent),
        amountMinor: charge.amount,
        currency: charge.currency.toUpperCase(),
        failureReason: reason(charge.failure_code, charge.outcome?.reason, charge.failure_message),
      };
    }
    default:
      return nothing;
  }
}

/** A Stripe event in our words: success, failure (with Stripe's reason), expiry, or something else. */
export function normaliseStripeEvent(event: Stripe.Event, receivedAt: string): ProviderEvent {
  return {
    eventId: event.id,
    type: event.type,
    occurredAt: Number.isFinite(event.created) ? new Date(event.created * 1000).toISOString() : receivedAt,
    ...body(event),
  };
}
