import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckoutFailed, WebhookRefused } from '../../../src/channels/payments/payment-provider.ts';
import {
  DEFAULT_PAYMENT_SETTINGS,
  type PaymentSettings,
} from '../../../src/channels/payments/payment-settings.ts';
import { STRIPE_METADATA } from '../../../src/channels/payments/stripe-events.ts';
import { stripePaymentProvider } from '../../../src/channels/payments/stripe-provider.ts';
import { stripeEvent, stripeVectors, vectorBody, webhookFixtures } from './stripe-fixtures.ts';

const SECRET = 'whsec_test_secret';
const settings: PaymentSettings = {
  ...DEFAULT_PAYMENT_SETTINGS,
  provider: 'stripe',
  stripeSecretKey: 'sk_test_0123456789abcdefghij',
  stripeWebhookSecret: SECRET,
};
const at = (seconds: number) => () => new Date(seconds * 1000).toISOString();

describe.skipIf(!webhookFixtures)('Stripe webhooks: the shared signature vectors, through the SDK', () => {
  for (const vector of stripeVectors()) {
    const verifies =
      vector.must_verify_with_tolerance_disabled ?? vector.must_verify_with_default_300s_tolerance ?? false;
    // A clock a minute after the signature: inside the tolerance, except for the stale-timestamp vector.
    const stale = vector.must_verify_with_default_300s_tolerance === false;
    it(`${vector.name}: ${verifies ? 'accepted' : 'refused'}`, () => {
      const now = stale ? at(Date.parse('2026-03-16T10:00:00Z') / 1000) : at(vector.timestamp + 60);
      const provider = stripePaymentProvider({ ...settings, stripeWebhookSecret: vector.secret }, { now });
      const check = () =>
        provider.verifyWebhook(vectorBody(vector), { 'stripe-signature': vector.stripe_signature });
      if (!verifies) {
        expect(check).toThrow(WebhookRefused);
        return;
      }
      const event = check();
      if (vector.expected_event) {
        expect(event.eventId).toBe(vector.expected_event.id);
        expect(event.type).toBe(vector.expected_event.type);
      }
    });
  }

  it('refuses a missing header and a tenant without a signing secret, saying which', () => {
    const body = Buffer.from('{"id":"evt_1","object":"event"}');
    const provider = stripePaymentProvider(settings, { now: at(1_700_000_000) });
    expect(() => provider.verifyWebhook(body, {})).toThrow(/Stripe-Signature header is missing/);
    const unset = stripePaymentProvider(
      { ...settings, stripeWebhookSecret: null },
      { now: at(1_700_000_000) },
    );
    try {
      unset.verifyWebhook(body, { 'stripe-signature': 't=1,v1=00' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookRefused);
      expect((error as WebhookRefused).why).toBe('not_configured');
    }
  });
});

describe.skipIf(!webhookFixtures)('Stripe events in our words (the fixtures’ payloads)', () => {
  const now = 1_700_000_000;
  const provider = stripePaymentProvider(settings, { now: at(now) });
  const signed = (event: object) => {
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: now });
    return provider.verifyWebhook(Buffer.from(payload), { 'stripe-signature': header });
  };
  const ours = {
    [STRIPE_METADATA.tenant]: 't1',
    [STRIPE_METADATA.caseId]: 'c1',
    [STRIPE_METADATA.attempt]: 'a1',
  };

  it('checkout.session.completed, paid: a success with the session, its PaymentIntent and the amount', () => {
    const event = stripeEvent('stripe_ruby_mock_checkout.session.completed.json');
    const plain = signed(event);
    expect(plain).toMatchObject({
      kind: 'payment_succeeded',
      type: 'checkout.session.completed',
      providerRef: 'cs_test_0000000000000000000000000000000000000000000000000000000000',
      paymentRef: 'pi_000000000000000000000000',
      amountMinor: 3000,
      currency: 'USD',
      attemptId: null,
      occurredAt: '2022-03-26T18:39:19.000Z',
    });
    event.data.object.metadata = ours;
    expect(signed(event)).toMatchObject({ tenantId: 't1', caseId: 'c1', attemptId: 'a1' });
    event.data.object.metadata = {};
    event.data.object.client_reference_id = 'a2';
    expect(signed(event).attemptId).toBe('a2');
    event.data.object.payment_status = 'unpaid';
    expect(signed(event).kind).toBe('other');
  });

  it('the older payment-mode completion reads the same way', () => {
    const event = signed(stripeEvent('stripe_ruby_mock_checkout.session.completed.payment_mode.json'));
    expect(event).toMatchObject({
      kind: 'payment_succeeded',
      amountMinor: 25000,
      paymentRef: 'pi_00000000000000',
    });
  });

  it('payment_intent.succeeded: the amount received, the metadata given through payment_intent_data', () => {
    const event = stripeEvent('stripe_ruby_mock_payment_intent.succeeded.json');
    event.data.object.metadata = ours;
    expect(signed(event)).toMatchObject({
      kind: 'payment_succeeded',
      paymentRef: 'pi_000000000000000000000000',
      amountMinor: 2000,
      currency: 'USD',
      attemptId: 'a1',
      providerRef: null,
    });
  });

  it('payment_intent.payment_failed and charge.failed keep Stripe’s code, decline code and words', () => {
    const failed = signed(stripeEvent('stripe_ruby_mock_payment_intent.payment_failed.json'));
    expect(failed).toMatchObject({
      kind: 'payment_failed',
      failureReason: 'card_declined / generic_decline: Your card was declined.',
      paymentRef: 'pi_000000000000000000000000',
    });
    const charge = signed(stripeEvent('stripe_ruby_mock_charge.failed.json'));
    expect(charge).toMatchObject({
      kind: 'payment_failed',
      type: 'charge.failed',
      failureReason: 'card_declined / generic_decline: Your card was declined.',
      paymentRef: 'pi_000000000000000000000000',
    });
  });

  it('an expired session is given up; any other event is "other"', () => {
    const event = stripeEvent('stripe_ruby_mock_checkout.session.completed.json');
    event.type = 'checkout.session.expired';
    event.data.object.status = 'expired';
    expect(signed(event)).toMatchObject({
      kind: 'checkout_expired',
      providerRef: expect.stringMatching(/^cs_/),
    });
    expect(signed({ ...event, type: 'customer.created' }).kind).toBe('other');
  });
});

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

/** A local server answering like Stripe's API for Checkout Sessions: it records what the SDK sent. */
function stripeLike() {
  const seen: Seen[] = [];
  let next: { status: number; json: unknown } = { status: 200, json: {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(next.status, { 'content-type': 'application/json', 'request-id': 'req_test' });
      res.end(JSON.stringify(next.json));
    });
  });
  return {
    seen,
    server,
    answer(status: number, json: unknown) {
      next = { status, json };
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

describe('Stripe Checkout through the SDK, against a local Stripe-speaking server', () => {
  const peer = stripeLike();
  const request = {
    tenantId: 'tenant-1',
    attemptId: 'attempt-1',
    caseId: 'case-1',
    caseSummary: { creditorName: 'ACME', label: 'RF18539007547034' },
    amountMinor: 123_45,
    currency: 'EUR',
    locale: 'fr' as const,
    successUrl: 'https://relance.example/pay/done',
    cancelUrl: 'https://relance.example/pay/cancelled',
  };
  beforeAll(async () => {
    await new Promise<void>((resolve) => peer.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => peer.server.close(() => resolve()));
  });

  it('creates a Checkout Session carrying tenant, case and attempt, keyed by the attempt', async () => {
    peer.answer(200, {
      id: 'cs_test_a1b2c3',
      object: 'checkout.session',
      url: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
      expires_at: 1_773_741_600,
      payment_status: 'unpaid',
      status: 'open',
    });
    const provider = stripePaymentProvider(settings, { apiBaseUrl: peer.url(), now: at(1_773_655_200) });
    const started = await provider.startCheckout(request);
    expect(started).toEqual({
      providerRef: 'cs_test_a1b2c3',
      redirectUrl: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
      expiresAt: '2026-03-17T10:00:00.000Z',
    });
    const call = peer.seen.at(-1);
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe('/v1/checkout/sessions');
    expect(call?.headers.authorization).toBe('Bearer sk_test_0123456789abcdefghij');
    expect(call?.headers['idempotency-key']).toBe('relance-checkout-attempt-1');
    expect(call?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const form = Object.fromEntries(new URLSearchParams(call?.body ?? ''));
    expect(form).toMatchObject({
      mode: 'payment',
      client_reference_id: 'attempt-1',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '12345',
      'line_items[0][price_data][product_data][name]': 'ACME — RF18539007547034',
      'metadata[relance_tenant_id]': 'tenant-1',
      'metadata[relance_case_id]': 'case-1',
      'metadata[relance_attempt_id]': 'attempt-1',
      'payment_intent_data[metadata][relance_attempt_id]': 'attempt-1',
      'payment_intent_data[metadata][relance_tenant_id]': 'tenant-1',
      locale: 'fr',
      success_url: 'https://relance.example/pay/done',
      cancel_url: 'https://relance.example/pay/cancelled',
    });
  });

  it('a refusal by Stripe is a CheckoutFailed with Stripe’s code and words', async () => {
    peer.answer(400, {
      error: {
        type: 'invalid_request_error',
        code: 'amount_too_small',
        message: 'Amount must be at least €0.50 eur',
      },
    });
    const provider = stripePaymentProvider(settings, { apiBaseUrl: peer.url(), now: at(1_773_655_200) });
    const failure = await provider.startCheckout({ ...request, amountMinor: 10 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CheckoutFailed);
    expect((failure as CheckoutFailed).providerCode).toBe('amount_too_small');
    expect((failure as CheckoutFailed).message).toMatch(/at least €0.50/);
  });

  it('without a secret key nothing is sent', async () => {
    const before = peer.seen.length;
    const provider = stripePaymentProvider(
      { ...settings, stripeSecretKey: null },
      { apiBaseUrl: peer.url(), now: at(1_773_655_200) },
    );
    await expect(provider.startCheckout(request)).rejects.toThrow(/secret key is missing/);
    expect(peer.seen.length).toBe(before);
  });
});
