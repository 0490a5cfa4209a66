import Stripe from 'stripe';
import { STRIPE_METADATA } from '../../../src/channels/payments/stripe-events.ts';
import type { Db } from '../../../src/db/schema.ts';
import { apiPrefix } from '../../../src/http/paths.ts';
import { now } from '../../http/support.ts';
import { type StripeEventJson, stripeEvent } from './stripe-fixtures.ts';

export const STRIPE_KEY = 'sk_test_51Relance0123456789abcdef';
export const WEBHOOK_SECRET = 'whsec_relance_test_0123456789';

/** Stripe's signature as Stripe makes it (the SDK's own helper), for the test clock's instant. */
export function stripeRequest(tenantId: string, event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: Math.floor(Date.parse(now) / 1000),
  });
  return {
    method: 'POST' as const,
    url: `${apiPrefix}/webhooks/payments/stripe/${tenantId}`,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
    payload,
  };
}

export type Ours = { readonly tenantId: string; readonly caseId: string; readonly attemptId: string };

const metadata = (o: Ours) => ({
  [STRIPE_METADATA.tenant]: o.tenantId,
  [STRIPE_METADATA.caseId]: o.caseId,
  [STRIPE_METADATA.attempt]: o.attemptId,
});

/** A fixture's event for one of our attempts: a fresh id, our metadata, our amount in euros. */
export function ourEvent(
  file: string,
  o: Ours,
  options: {
    readonly id: string;
    readonly amountMinor: number;
    readonly paymentIntent: string;
    readonly session?: string;
  },
): StripeEventJson {
  const event = stripeEvent(file);
  const object = event.data.object;
  event.id = options.id;
  event.created = Math.floor(Date.parse(now) / 1000) - 5;
  object.metadata = metadata(o);
  object.currency = 'eur';
  if (object.object === 'checkout.session') {
    object.id = options.session ?? object.id;
    object.amount_total = options.amountMinor;
    object.amount_subtotal = options.amountMinor;
    object.payment_intent = options.paymentIntent;
    object.client_reference_id = o.attemptId;
  } else if (object.object === 'payment_intent') {
    object.id = options.paymentIntent;
    object.amount = options.amountMinor;
    object.amount_received = event.type === 'payment_intent.succeeded' ? options.amountMinor : 0;
  } else {
    object.payment_intent = options.paymentIntent;
    object.amount = options.amountMinor;
  }
  return event;
}

export async function attemptOf(db: Db, tenantId: string, attemptId: string) {
  return db
    .selectFrom('payment_attempts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attemptId)
    .executeTakeFirstOrThrow();
}

export async function countRows(
  db: Db,
  table: 'payments' | 'webhook_events' | 'evidence' | 'payment_allocations',
  tenantId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
