import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BUILTIN_SIGNATURE_HEADER,
  signBuiltinEvent,
} from '../../../src/channels/payments/builtin-provider.ts';
import type { ProviderEvent } from '../../../src/channels/payments/payment-provider.ts';
import { builtinPaymentSecret } from '../../../src/channels/payments/payment-settings.ts';
import { apiPrefix } from '../../../src/http/paths.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { startCardCheckout } from '../../../src/use-cases/payments/attempts/start-card-checkout.ts';
import { processWebhookEvents } from '../../../src/use-cases/payments/webhooks/webhook-queue.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { now, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { attemptOf, countRows } from './world.ts';

describeEachDatabase('the built-in provider: its card page and its signed events', (ctx) => {
  let app: FastifyInstance;
  let deps: Deps;
  let t: SeededTenant;

  beforeAll(async () => {
    ({ app, deps } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'Builtin');
  });
  afterAll(async () => {
    await app.close();
  });

  const checkout = (amountMinor: number, locale: 'fr' | 'en' = 'fr') =>
    startCardCheckout(deps, {
      tenantId: t.tenantId,
      caseId: t.debtors.D1!.caseId,
      channel: 'portal',
      amountMinor,
      locale,
      successUrl: 'https://relance.example/portal/paid?attempt={ATTEMPT_ID}',
      cancelUrl: 'https://relance.example/portal/cancelled',
    });
  const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  const post = (url: string, fields: Record<string, string>) => {
    const session = new URL(url, 'http://x').searchParams.get('session') ?? '';
    return app.inject({
      method: 'POST',
      url: new URL(url, 'http://x').pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        session,
        expiry: '12/30',
        cvc: '123',
        action: 'pay',
        ...fields,
      }).toString(),
    });
  };

  it('opens a checkout on the case: the attempt is started with its reference, the page shows the amount', async () => {
    const started = await checkout(250_00);
    expect(started.provider).toBe('builtin');
    expect(started.redirectUrl).toMatch(
      new RegExp(`^${apiPrefix}/pay/builtin/${started.attemptId}\\?session=`),
    );
    expect(started.expiresAt).toBe('2026-03-16T10:30:00.000Z');
    const attempt = await attemptOf(ctx.handle.db, t.tenantId, started.attemptId);
    expect(attempt).toMatchObject({
      status: 'started',
      provider: 'builtin',
      channel: 'portal',
      currency: 'EUR',
    });
    expect(attempt.provider_ref).toBe(started.providerRef);
    const page = await app.inject({ method: 'GET', url: pathOf(started.redirectUrl) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('250,00\u00a0€');
    expect(page.body).toContain('Numéro de carte');
  });

  it('a mistyped number is an input error; a declined card fails with its reason; 4242… pays once', async () => {
    const started = await checkout(120_00, 'en');
    const typo = await post(started.redirectUrl, { number: '4242 4242 4242 4241' });
    expect(typo.statusCode).toBe(422);
    expect(typo.body).toContain('This card number is not valid');
    expect(typo.body).not.toContain('4242 4242 4242 4241');
    const expired = await post(started.redirectUrl, { number: '4242424242424242', expiry: '01/26' });
    expect(expired.body).toContain('This card has expired');
    expect((await attemptOf(ctx.handle.db, t.tenantId, started.attemptId)).input_errors).toBe(2);

    const poor = await post(started.redirectUrl, { number: '4000 0000 0000 9995' });
    expect(poor.statusCode).toBe(402);
    expect(poor.body).toContain('insufficient funds');
    const failed = await attemptOf(ctx.handle.db, t.tenantId, started.attemptId);
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toBe(
      'card_declined / insufficient_funds: Your card has insufficient funds.',
    );
    const declined = await post(started.redirectUrl, { number: '4000000000000002' });
    expect(declined.body).toContain('Your bank declined the payment');
    expect((await attemptOf(ctx.handle.db, t.tenantId, started.attemptId)).failure_reason).toMatch(
      /generic_decline/,
    );

    const payments = await countRows(ctx.handle.db, 'payments', t.tenantId);
    const paid = await post(started.redirectUrl, { number: '4242 4242 4242 4242' });
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(`https://relance.example/portal/paid?attempt=${started.attemptId}`);
    const attempt = await attemptOf(ctx.handle.db, t.tenantId, started.attemptId);
    expect(attempt.status).toBe('succeeded');
    const payment = await ctx.handle.db
      .selectFrom('payments')
      .selectAll()
      .where('tenant_id', '=', t.tenantId)
      .where('payment_id', '=', attempt.payment_id ?? '')
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({
      source_key: `builtin:${started.attemptId}`,
      provider: 'builtin',
      method: 'card',
    });
    expect(Number(payment.amount_minor)).toBe(120_00);
    // Back on the page, or posting again: straight back to the payer's side, nothing booked twice.
    const again = await post(started.redirectUrl, { number: '4242424242424242' });
    expect(again.statusCode).toBe(303);
    const reopened = await app.inject({ method: 'GET', url: pathOf(started.redirectUrl) });
    expect(reopened.statusCode).toBe(303);
    expect(await countRows(ctx.handle.db, 'payments', t.tenantId)).toBe(payments + 1);
    // Each outcome went through the webhook path: one provider event per report.
    const events = await ctx.handle.db
      .selectFrom('webhook_events')
      .select(['kind', 'result'])
      .where('tenant_id', '=', t.tenantId)
      .where('provider', '=', 'builtin')
      .orderBy('received_at')
      .execute();
    expect(events.map((e) => e.kind).sort()).toEqual([
      'payment.failed',
      'payment.failed',
      'payment.succeeded',
    ]);
  });

  it('cancel goes back and abandons the attempt; a tampered or foreign session shows a closed page', async () => {
    const started = await checkout(30_00);
    const cancel = await post(started.redirectUrl, { action: 'cancel' });
    expect(cancel.statusCode).toBe(303);
    expect(cancel.headers.location).toBe('https://relance.example/portal/cancelled');
    const attempt = await attemptOf(ctx.handle.db, t.tenantId, started.attemptId);
    expect(attempt).toMatchObject({ status: 'abandoned', failure_reason: 'cancelled by the payer' });
    expect((await app.inject({ method: 'GET', url: pathOf(started.redirectUrl) })).statusCode).toBe(410);

    const other = await checkout(31_00);
    const url = new URL(other.redirectUrl, 'http://x');
    const [payload, mac] = (url.searchParams.get('session') ?? '').split('.');
    const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    forged.amountMinor = 1;
    const token = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`;
    const tampered = await app.inject({ method: 'GET', url: `${url.pathname}?session=${token}` });
    expect(tampered.statusCode).toBe(410);
    expect(tampered.body).toContain('n’est plus ouverte');
    // Another attempt's page with this session: closed too.
    const swapped = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/pay/builtin/${started.attemptId}?session=${url.searchParams.get('session')}`,
    });
    expect(swapped.statusCode).toBe(410);
  });

  it('its webhook path refuses an event not signed with the tenant’s built-in secret', async () => {
    const secret = await builtinPaymentSecret(ctx.handle.db, t.tenantId, now);
    const started = await checkout(40_00);
    const event: ProviderEvent = {
      eventId: 'bevt_forged',
      type: 'payment.succeeded',
      kind: 'payment_succeeded',
      attemptId: started.attemptId,
      caseId: t.debtors.D1!.caseId,
      tenantId: t.tenantId,
      providerRef: started.providerRef,
      paymentRef: 'bpi_x',
      amountMinor: 40_00,
      currency: 'EUR',
      failureReason: null,
      occurredAt: now,
    };
    const url = `${apiPrefix}/webhooks/payments/builtin/${t.tenantId}`;
    const forged = signBuiltinEvent('bwhsec_not_the_secret', event, now);
    const refused = await app.inject({
      method: 'POST',
      url,
      headers: forged.headers,
      payload: forged.rawBody,
    });
    expect(refused.statusCode).toBe(400);
    const stale = signBuiltinEvent(secret, event, '2026-03-16T09:00:00.000Z');
    expect(
      (await app.inject({ method: 'POST', url, headers: stale.headers, payload: stale.rawBody })).statusCode,
    ).toBe(400);
    expect((await attemptOf(ctx.handle.db, t.tenantId, started.attemptId)).status).toBe('started');
    const good = signBuiltinEvent(secret, event, now);
    expect(good.headers[BUILTIN_SIGNATURE_HEADER]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const accepted = await app.inject({ method: 'POST', url, headers: good.headers, payload: good.rawBody });
    // Posted to the webhook path (not through the card page): recorded, then booked by the queue.
    expect(accepted.json()).toMatchObject({ duplicate: false, result: 'pending' });
    expect(await processWebhookEvents(deps, t.tenantId)).toMatchObject({ processed: 1, errors: 0 });
    expect((await attemptOf(ctx.handle.db, t.tenantId, started.attemptId)).status).toBe('succeeded');
  });
});
