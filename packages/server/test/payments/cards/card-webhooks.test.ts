import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPrefix } from '../../../src/http/paths.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { setAttemptProviderRef } from '../../../src/use-cases/payments/attempts/set-attempt-provider-ref.ts';
import { startAttempt } from '../../../src/use-cases/payments/attempts/start-attempt.ts';
import {
  MAX_EVENT_ATTEMPTS,
  processWebhookEvents,
} from '../../../src/use-cases/payments/webhooks/webhook-queue.ts';
import { startWebhookQueue } from '../../../src/worker/webhook-queue.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { type StripeEventJson, webhookFixtures } from './stripe-fixtures.ts';
import { attemptOf, countRows, ourEvent, STRIPE_KEY, stripeRequest, WEBHOOK_SECRET } from './world.ts';

const COMPLETED = 'stripe_ruby_mock_checkout.session.completed.json';
const PI_SUCCEEDED = 'stripe_ruby_mock_payment_intent.succeeded.json';
const PI_FAILED = 'stripe_ruby_mock_payment_intent.payment_failed.json';
const CHARGE_FAILED = 'stripe_ruby_mock_charge.failed.json';

describe.skipIf(!webhookFixtures)('card webhooks', () => {
  describeEachDatabase('Stripe webhooks, each event handled exactly once', (ctx) => {
    let app: FastifyInstance;
    let deps: Deps;
    let t: SeededTenant;
    let other: SeededTenant;
    let serial = 0;

    beforeAll(async () => {
      ({ app, deps } = await testServer(ctx.handle));
      t = await seedTenant(ctx.handle.db, 'Cards');
      other = await seedTenant(ctx.handle.db, 'Other');
      const admin = await signInAs(app, t.users.admin.email);
      const put = await app.inject({
        method: 'PUT',
        url: `${apiPrefix}/settings/payments`,
        headers: admin,
        payload: { provider: 'stripe', stripeSecretKey: STRIPE_KEY, stripeWebhookSecret: WEBHOOK_SECRET },
      });
      expect(put.statusCode, put.body).toBe(200);
    });
    afterAll(async () => {
      await app.close();
    });

    /** A Stripe attempt on D1's case, with its Checkout Session, and the ids an event of it carries. */
    async function stripeAttempt(amountMinor = 100_00) {
      serial += 1;
      const caseId = t.debtors.D1!.caseId;
      const attemptId = await startAttempt(deps, {
        tenantId: t.tenantId,
        caseId,
        channel: 'portal',
        provider: 'stripe',
        amountMinor,
        currency: 'EUR',
      });
      const session = `cs_test_${serial}_${attemptId.slice(-6)}`;
      await setAttemptProviderRef(deps, { tenantId: t.tenantId, attemptId, providerRef: session });
      const ours = { tenantId: t.tenantId, caseId, attemptId };
      const ids = { amountMinor, paymentIntent: `pi_test_${serial}_${attemptId.slice(-6)}`, session };
      const event = (file: string, id: string) => ourEvent(file, ours, { ...ids, id: `${id}_${serial}` });
      return { attemptId, caseId, ...ids, event };
    }

    const eventRow = (eventId: string) =>
      ctx.handle.db
        .selectFrom('webhook_events')
        .selectAll()
        .where('tenant_id', '=', t.tenantId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();

    /** What the queue did with an event: its row's result and the detail it wrote. */
    async function handled(eventId: string) {
      const row = await eventRow(eventId);
      const detail = row?.detail ? (JSON.parse(row.detail) as { detail: string | null }).detail : null;
      return { result: row?.result, detail };
    }

    /** Stripe delivers the event (answered at once: recorded, pending), then the queue books it. */
    async function deliver(event: StripeEventJson) {
      const answer = await app.inject(stripeRequest(t.tenantId, event));
      expect(answer.statusCode, answer.body).toBe(200);
      await processWebhookEvents(deps, t.tenantId);
      return { answer: answer.json(), ...(await handled(event.id)) };
    }

    const outstanding = async () =>
      Number(
        (
          await ctx.handle.db
            .selectFrom('cases')
            .select('outstanding_minor')
            .where('tenant_id', '=', t.tenantId)
            .where('case_id', '=', t.debtors.D1!.caseId)
            .executeTakeFirstOrThrow()
        ).outstanding_minor,
      );

    it('the settings never show the secrets', async () => {
      const admin = await signInAs(app, t.users.admin.email);
      const got = await app.inject({ method: 'GET', url: `${apiPrefix}/settings/payments`, headers: admin });
      expect(got.json()).toEqual({
        provider: 'stripe',
        stripeSecretKeySet: true,
        stripeMode: 'test',
        stripeWebhookSecretSet: true,
      });
      expect(got.body).not.toContain(STRIPE_KEY);
      expect(got.body).not.toContain(WEBHOOK_SECRET);
    });

    it('refuses a wrong, missing or foreign signature and records nothing', async () => {
      const a = await stripeAttempt();
      const event = a.event(COMPLETED, 'evt_refused');
      const badly = stripeRequest(t.tenantId, event, 'whsec_not_the_right_one_000');
      const wrong = await app.inject({ ...badly, headers: { ...badly.headers, 'accept-language': 'en' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details.reason).toBe('payment_webhook_signature_invalid');
      expect(wrong.json().error.message).toMatch(/Stripe signature .* nothing was recorded/);
      const tampered = stripeRequest(t.tenantId, event);
      const changed = await app.inject({ ...tampered, payload: tampered.payload.replace('10000', '99999') });
      expect(changed.statusCode).toBe(400);
      const { 'stripe-signature': _, ...unsigned } = tampered.headers;
      expect((await app.inject({ ...tampered, headers: unsigned })).statusCode).toBe(400);
      // The other tenant has no Stripe secret: refused, in French when asked.
      const foreign = stripeRequest(other.tenantId, event);
      const refused = await app.inject({
        ...foreign,
        headers: { ...foreign.headers, 'accept-language': 'fr' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toMatch(/n’a pas de secret de signature Stripe/);
      const nobody = await app.inject(stripeRequest('no-such-tenant', event));
      expect(nobody.statusCode).toBe(404);
      expect(await countRows(ctx.handle.db, 'webhook_events', t.tenantId)).toBe(0);
      expect(await countRows(ctx.handle.db, 'payments', t.tenantId)).toBe(0);
      expect((await attemptOf(ctx.handle.db, t.tenantId, a.attemptId)).status).toBe('started');
    });

    it('a completed checkout books one payment; its duplicate and its PaymentIntent event change nothing', async () => {
      const before = await outstanding();
      const a = await stripeAttempt(100_00);
      const completed = a.event(COMPLETED, 'evt_completed');
      const first = await app.inject(stripeRequest(t.tenantId, completed));
      expect(first.statusCode, first.body).toBe(200);
      // Answered as soon as recorded: nothing is booked before the queue takes it.
      expect(first.json()).toEqual({ received: true, duplicate: false, result: 'pending', detail: null });
      expect((await attemptOf(ctx.handle.db, t.tenantId, a.attemptId)).status).toBe('started');
      expect(await processWebhookEvents(deps, t.tenantId)).toEqual({ processed: 1, ignored: 0, errors: 0 });
      expect(await handled(completed.id)).toEqual({ result: 'processed', detail: 'payment booked' });
      const attempt = await attemptOf(ctx.handle.db, t.tenantId, a.attemptId);
      expect(attempt.status).toBe('succeeded');
      expect(attempt.ended_at).not.toBeNull();
      const payment = await ctx.handle.db
        .selectFrom('payments')
        .selectAll()
        .where('tenant_id', '=', t.tenantId)
        .where('payment_id', '=', attempt.payment_id ?? '')
        .executeTakeFirstOrThrow();
      expect(payment).toMatchObject({
        source_key: `stripe:${a.paymentIntent}`,
        method: 'card',
        channel: 'portal',
        provider: 'stripe',
        currency: 'EUR',
        attempt_id: a.attemptId,
        case_id: a.caseId,
      });
      expect(Number(payment.amount_minor)).toBe(100_00);
      expect(await outstanding()).toBeLessThan(before);
      const counts = async () => ({
        payments: await countRows(ctx.handle.db, 'payments', t.tenantId),
        allocations: await countRows(ctx.handle.db, 'payment_allocations', t.tenantId),
        evidence: await countRows(ctx.handle.db, 'evidence', t.tenantId),
        outstanding: await outstanding(),
      });
      const after = await counts();

      const again = await deliver(completed);
      expect(again.answer).toEqual({ received: true, duplicate: true, result: 'processed', detail: null });
      // The same payment told by its PaymentIntent: a new event, but the payment is booked already.
      const told = await deliver(a.event(PI_SUCCEEDED, 'evt_pi'));
      expect(told).toMatchObject({ answer: { duplicate: false }, detail: 'payment already booked' });
      // A late failure of the same checkout (an earlier card) does not undo the success.
      const late = await deliver(a.event(CHARGE_FAILED, 'evt_late'));
      expect(late).toMatchObject({ answer: { duplicate: false }, detail: 'attempt already ended' });
      expect(await counts()).toEqual(after);
      expect((await attemptOf(ctx.handle.db, t.tenantId, a.attemptId)).status).toBe('succeeded');
    });

    it('a declined card keeps Stripe’s reason; paying afterwards on the same checkout still succeeds', async () => {
      const a = await stripeAttempt(50_00);
      const failed = await deliver(a.event(PI_FAILED, 'evt_failed'));
      expect(failed).toMatchObject({ result: 'processed', detail: 'attempt failed' });
      const attempt = await attemptOf(ctx.handle.db, t.tenantId, a.attemptId);
      expect(attempt.status).toBe('failed');
      expect(attempt.failure_reason).toBe('card_declined / generic_decline: Your card was declined.');
      const paid = await deliver(a.event(COMPLETED, 'evt_then_paid'));
      expect(paid).toMatchObject({ detail: 'payment booked' });
      expect((await attemptOf(ctx.handle.db, t.tenantId, a.attemptId)).status).toBe('succeeded');
    });

    it('an expired checkout is abandoned; an event of nobody’s attempt is recorded as ignored', async () => {
      const a = await stripeAttempt();
      const expired = a.event(COMPLETED, 'evt_expired');
      expired.type = 'checkout.session.expired';
      expired.data.object.metadata = {};
      expired.data.object.client_reference_id = null;
      // Found by its Checkout Session alone.
      const got = await deliver(expired);
      expect(got).toMatchObject({ result: 'processed', detail: 'attempt abandoned' });
      const attempt = await attemptOf(ctx.handle.db, t.tenantId, a.attemptId);
      expect(attempt.status).toBe('abandoned');
      expect(attempt.failure_reason).toBe('checkout expired');
      const stranger = a.event(COMPLETED, 'evt_stranger');
      stranger.data.object.metadata = {};
      stranger.data.object.client_reference_id = null;
      stranger.data.object.id = 'cs_test_unknown';
      const ignored = await deliver(stranger);
      expect(ignored).toMatchObject({ result: 'ignored', detail: 'no attempt of this tenant matches' });
      const row = await ctx.handle.db
        .selectFrom('webhook_events')
        .selectAll()
        .where('tenant_id', '=', t.tenantId)
        .where('event_id', '=', stranger.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        provider: 'stripe',
        kind: 'checkout.session.completed',
        result: 'ignored',
      });
    });

    it('copies arriving at the same time book one payment (PostgreSQL: concurrent transactions)', async () => {
      const a = await stripeAttempt(20_00);
      const before = await countRows(ctx.handle.db, 'payments', t.tenantId);
      const completed = a.event(COMPLETED, 'evt_storm');
      const copies = await Promise.all([
        ...Array.from({ length: 6 }, () => app.inject(stripeRequest(t.tenantId, completed))),
        app.inject(stripeRequest(t.tenantId, a.event(PI_SUCCEEDED, 'evt_storm_pi'))),
        app.inject(stripeRequest(t.tenantId, a.event(PI_SUCCEEDED, 'evt_storm_pi'))),
      ]);
      expect(copies.map((c) => c.statusCode)).toEqual(Array(8).fill(200));
      const fresh = copies.map((c) => c.json()).filter((b) => !b.duplicate);
      expect(fresh).toHaveLength(2);
      // Three queues (three processes, say) take the events at the same time: each is booked once.
      const passes = await Promise.all([1, 2, 3].map(() => processWebhookEvents(deps, t.tenantId)));
      expect(passes.reduce((n, p) => n + p.processed, 0)).toBe(2);
      const details = [
        (await handled(completed.id)).detail,
        (await handled(`evt_storm_pi_${serial}`)).detail,
      ];
      expect(details.sort()).toEqual(['payment already booked', 'payment booked']);
      expect(await countRows(ctx.handle.db, 'payments', t.tenantId)).toBe(before + 1);
      const events = await ctx.handle.db
        .selectFrom('webhook_events')
        .select('event_id')
        .where('tenant_id', '=', t.tenantId)
        .where('event_id', 'like', 'evt_storm%')
        .execute();
      expect(events).toHaveLength(2);
    });

    it('an event that errs stays pending with its error, does not hold up the others, and fails after the last try', async () => {
      // A row the queue cannot read (as if written by a broken release): every try errs.
      await ctx.handle.db
        .insertInto('webhook_events')
        .values({
          tenant_id: t.tenantId,
          provider: 'stripe',
          event_id: 'evt_unreadable',
          kind: 'checkout.session.completed',
          received_at: '2000-01-01T00:00:00.000Z',
          result: 'pending',
          detail: null,
          payload: '{not json',
        })
        .execute();
      const a = await stripeAttempt(30_00);
      const good = a.event(COMPLETED, 'evt_behind');
      expect((await app.inject(stripeRequest(t.tenantId, good))).statusCode).toBe(200);
      // The unreadable one is older, so tried first; the good one behind it is still booked in the same pass.
      expect(await processWebhookEvents(deps, t.tenantId)).toEqual({ processed: 1, ignored: 0, errors: 1 });
      expect(await handled(good.id)).toEqual({ result: 'processed', detail: 'payment booked' });
      const once = await eventRow('evt_unreadable');
      expect(once).toMatchObject({ result: 'pending', attempts: 1 });
      expect(once?.last_error).toMatch(/JSON/);
      for (let i = 1; i < MAX_EVENT_ATTEMPTS; i++) await processWebhookEvents(deps, t.tenantId);
      expect(await eventRow('evt_unreadable')).toMatchObject({
        result: 'failed',
        attempts: MAX_EVENT_ATTEMPTS,
      });
      expect(await processWebhookEvents(deps, t.tenantId)).toEqual({ processed: 0, ignored: 0, errors: 0 });
    });

    it('the running queue books an event within its poll, by itself', async () => {
      const queue = startWebhookQueue(deps, { intervalMs: 20 });
      try {
        const a = await stripeAttempt(40_00);
        const completed = a.event(COMPLETED, 'evt_polled');
        const answer = await app.inject(stripeRequest(t.tenantId, completed));
        expect(answer.json()).toMatchObject({ duplicate: false, result: 'pending' });
        for (let i = 0; i < 250 && (await handled(completed.id)).result === 'pending'; i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(await handled(completed.id)).toEqual({ result: 'processed', detail: 'payment booked' });
        expect((await attemptOf(ctx.handle.db, t.tenantId, a.attemptId)).status).toBe('succeeded');
      } finally {
        await queue.stop();
      }
    });

    it('a webhook secret changed in the settings applies to the next webhook at once', async () => {
      const admin = await signInAs(app, t.users.admin.email);
      const a = await stripeAttempt(10_00);
      // A first webhook reads the settings (and keeps them a second for the next ones).
      expect((await app.inject(stripeRequest(t.tenantId, a.event(PI_FAILED, 'evt_before')))).statusCode).toBe(
        200,
      );
      const rotated = 'whsec_rotated_0123456789abcdef';
      const put = (secret: string) =>
        app.inject({
          method: 'PUT',
          url: `${apiPrefix}/settings/payments`,
          headers: admin,
          payload: { provider: 'stripe', stripeWebhookSecret: secret },
        });
      try {
        expect((await put(rotated)).statusCode).toBe(200);
        const old = await app.inject(stripeRequest(t.tenantId, a.event(PI_FAILED, 'evt_old_secret')));
        expect(old.statusCode).toBe(400);
        const fresh = await app.inject(
          stripeRequest(t.tenantId, a.event(PI_FAILED, 'evt_new_secret'), rotated),
        );
        expect(fresh.statusCode, fresh.body).toBe(200);
      } finally {
        expect((await put(WEBHOOK_SECRET)).statusCode).toBe(200);
      }
    });

    it('a burst of webhooks is recorded together: each event once, each copy told it is one', async () => {
      const a = await stripeAttempt(15_00);
      const events = Array.from({ length: 30 }, (_, i) => a.event(PI_FAILED, `evt_burst_${i}`));
      const sends = [...events, ...events.slice(0, 10)].map((e) => app.inject(stripeRequest(t.tenantId, e)));
      const answers = (await Promise.all(sends)).map(
        (r) => r.json() as { duplicate: boolean; result: string },
      );
      expect(answers.filter((b) => !b.duplicate)).toHaveLength(30);
      expect(answers.filter((b) => b.duplicate)).toHaveLength(10);
      expect(answers.every((b) => b.result === 'pending')).toBe(true);
      const rows = await ctx.handle.db
        .selectFrom('webhook_events')
        .select('event_id')
        .where('tenant_id', '=', t.tenantId)
        .where('event_id', 'like', 'evt_burst_%')
        .execute();
      expect(rows).toHaveLength(30);
      expect(await processWebhookEvents(deps, t.tenantId)).toMatchObject({ errors: 0 });
    });
  });
});
