import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spokenAmount } from '../../../src/channels/voice/ivr/spoken-amounts.ts';
import { apiPrefix } from '../../../src/http/paths.ts';
import { balanceOf } from '../../../src/use-cases/payments/ivr/ivr-context.ts';
import { ensurePaymentReference } from '../../../src/use-cases/templates/payment-reference.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer, today } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { Caller, PUBLIC, signedRequest, TOKEN, voiceUrl } from './ivr-call-world.ts';

describeEachDatabase('payment IVR: a call', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: { cookie: string };
  const previous = process.env.RELANCE_PUBLIC_URL;

  beforeAll(async () => {
    process.env.RELANCE_PUBLIC_URL = PUBLIC;
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'Ivr');
    admin = await signInAs(app, t.users.admin.email);
    const put = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/settings/channels/ivr`,
      headers: admin,
      payload: {
        provider: 'twilio',
        phoneNumber: '+33900000000',
        paymentConnector: 'Stripe_Connector',
        languages: ['fr', 'en'],
        authToken: TOKEN,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain(TOKEN);
  });
  afterAll(async () => {
    process.env.RELANCE_PUBLIC_URL = previous;
    await app.close();
  });

  const db = () => ctx.handle.db;
  const attemptOf = (callSid: string) =>
    db()
      .selectFrom('payment_attempts')
      .selectAll()
      .where('tenant_id', '=', t.tenantId)
      .where('provider_ref', '=', callSid)
      .executeTakeFirst();
  const journal = (caseId: string) =>
    db()
      .selectFrom('evidence')
      .select(['kind', 'payload'])
      .where('tenant_id', '=', t.tenantId)
      .where('case_id', '=', caseId)
      .where('kind', '=', 'ivr_call')
      .orderBy('seq')
      .execute()
      .then((rows) => rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>));
  const keyedReference = async (caseId: string) =>
    (await ensurePaymentReference(db(), t.tenantId, caseId)).slice(2);

  it('refuses a request that is not signed with the tenant’s token, and records nothing', async () => {
    const fields = { CallSid: 'CAforged', Digits: '12' };
    const url = `${apiPrefix}/webhooks/ivr/${t.tenantId}/reference?lang=fr&try=1`;
    const good = signedRequest(url, fields);
    const responses = [
      await app.inject(signedRequest(url, fields, 'another-token')),
      await app.inject({ ...good, headers: { 'content-type': good.headers['content-type'] } }),
      await app.inject({ ...good, payload: new URLSearchParams({ ...fields, Digits: '13' }).toString() }),
      await app.inject({ ...good, url: good.url.replace('try=1', 'try=2') }),
      await app.inject(signedRequest(url.replace(t.tenantId, 'no-such-tenant'), fields)),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const attempts = await db()
      .selectFrom('payment_attempts')
      .select('attempt_id')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(attempts).toEqual([]);
  });

  it('a scripted call pays part of a case: a wrong reference and a wrong amount are input errors', async () => {
    const d1 = t.debtors.D1!;
    const digits = await keyedReference(d1.caseId);
    const balance = (await balanceOf(db(), t.tenantId, d1.caseId, today))!;
    const caller = new Caller(app, 'CA00000000000000000000000000000001', voiceUrl(t.tenantId));

    const greeting = await caller.post(voiceUrl(t.tenantId));
    expect(greeting.said).toContain('Bonjour');
    expect(greeting.xml).toContain('<Say language="en-GB">For English, press 9.</Say>');
    expect(greeting.action).toBe(`${PUBLIC}${apiPrefix}/webhooks/ivr/${t.tenantId}/reference?lang=fr&try=1`);

    const wrong = await caller.key('11112222333344');
    expect(wrong.said).toContain('Nous ne trouvons pas cette référence');
    expect(wrong.action).toContain('try=2');
    const unidentified = await attemptOf(caller.callSid);
    expect(unidentified).toMatchObject({
      case_id: null,
      channel: 'ivr',
      provider: 'twilio',
      status: 'started',
    });
    expect(Number(unidentified?.input_errors)).toBe(1);

    const menu = await caller.key(`${digits}`);
    expect(menu.said).toContain('Votre dossier auprès de ACME Ivr est bien identifié');
    expect(menu.said).toContain(
      `Le montant à régler est de ${spokenAmount(balance.totalMinor, 'EUR', 'fr')}`,
    );
    expect(menu.said).toContain('Pour payer une partie, tapez 2');
    const identified = await attemptOf(caller.callSid);
    expect(identified).toMatchObject({ case_id: d1.caseId, attempt_id: unidentified?.attempt_id });
    expect(Number(identified?.input_errors)).toBe(1);

    const ask = await caller.key('2');
    expect(ask.said).toContain('Tapez le montant à payer');
    const tooMuch = await caller.key(String(balance.totalMinor));
    expect(tooMuch.said).toContain('Ce montant n’est pas possible');
    const pay = await caller.key('500*5');
    expect(pay.said).toContain('Vous allez payer cinq cents euros et cinquante centimes par carte bancaire');
    expect(pay.xml).toMatch(/<Pay [^>]*paymentConnector="Stripe_Connector"/);
    expect(pay.xml).toMatch(/<Pay [^>]*chargeAmount="500.50"/);
    expect(pay.xml).toMatch(/<Pay [^>]*currency="eur"/);
    expect(pay.xml).toMatch(/<Pay [^>]*language="fr-FR"/);
    expect(pay.action).toBe(`${PUBLIC}${apiPrefix}/webhooks/ivr/${t.tenantId}/pay-result?lang=fr`);
    const statusCallback = pay.statusCallback ?? '';

    // The payment page reports its progress; the card digits it may echo are never kept.
    await caller.notify(statusCallback, {
      Capture: 'payment-card-number',
      PaymentCardNumber: '4111xxxxxxxx1111',
    });
    await caller.notify(statusCallback, {
      Capture: 'payment-card-number',
      ErrorType: 'invalid-card-number',
      PaymentCardNumber: '4000xxxxxxxx0002',
    });
    await caller.notify(statusCallback, { Capture: 'expiration-date', PartialResult: 'true' });
    const live = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/cases/${d1.caseId}/payment-attempts/${identified?.attempt_id}`,
      headers: admin,
    });
    expect(live.json()).toMatchObject({
      status: 'started',
      stage: 'paying',
      capture: 'expiration-date',
      inputErrors: 3,
      amountMinor: 500_50,
    });
    expect(JSON.stringify((await attemptOf(caller.callSid))?.details)).not.toMatch(/4111|4000|xxxx/);

    const before = await db()
      .selectFrom('cases')
      .selectAll()
      .where('case_id', '=', d1.caseId)
      .executeTakeFirstOrThrow();
    const thanks = await caller.key('', { Result: 'success', PaymentConfirmationCode: 'ch_3Pxyz' });
    expect(thanks.said).toContain('votre paiement de cinq cents euros et cinquante centimes est accepté');
    expect(thanks.said).toContain(
      `Il reste ${spokenAmount(balance.totalMinor - 500_50, 'EUR', 'fr')} à régler`,
    );
    expect(thanks.xml).toContain('<Hangup/>');

    const payments = await db()
      .selectFrom('payments')
      .selectAll()
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      case_id: d1.caseId,
      method: 'card',
      channel: 'ivr',
      provider: 'twilio',
      source_key: `twilio-pay:${caller.callSid}:ch_3Pxyz`,
      attempt_id: identified?.attempt_id,
    });
    expect(Number(payments[0]?.amount_minor)).toBe(500_50);
    const after = await db()
      .selectFrom('cases')
      .selectAll()
      .where('case_id', '=', d1.caseId)
      .executeTakeFirstOrThrow();
    expect(Number(after.paid_minor)).toBe(Number(before.paid_minor) + 500_50);
    expect(
      Number(after.outstanding_minor) + Number(after.interest_minor) + Number(after.fees_minor),
    ).toBeLessThan(
      Number(before.outstanding_minor) + Number(before.interest_minor) + Number(before.fees_minor),
    );
    const events = await db()
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', d1.caseId)
      .execute();
    expect(events.map((e) => e.kind)).toContain('payment');
    const ended = await attemptOf(caller.callSid);
    expect(ended).toMatchObject({ status: 'succeeded', payment_id: payments[0]?.payment_id });

    // Twilio sends the result again: nothing is booked twice, the caller hears the same thanks.
    const replay = await caller.post(pay.action ?? '', {
      Result: 'success',
      PaymentConfirmationCode: 'ch_3Pxyz',
    });
    expect(replay.said).toBe(thanks.said);
    await caller.notify(`${PUBLIC}${apiPrefix}/webhooks/ivr/${t.tenantId}/status`, {
      CallStatus: 'completed',
    });
    expect(
      await db().selectFrom('payments').select('payment_id').where('tenant_id', '=', t.tenantId).execute(),
    ).toHaveLength(1);
    expect((await attemptOf(caller.callSid))?.status).toBe('succeeded');
    const steps = (await journal(d1.caseId)).map((p) => p.step);
    expect(steps).toEqual([
      'caller_identified',
      'option_chosen',
      'input_error',
      'payment_started',
      'input_error',
      'payment_succeeded',
      'call_ended',
    ]);
  });

  it('a caller who hangs up during the card capture is counted as abandoned', async () => {
    const b1 = t.debtors.B1!;
    const caller = new Caller(app, 'CA00000000000000000000000000000002', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    await caller.key('9');
    const menu = await caller.key(await keyedReference(b1.caseId));
    expect(menu.said).toContain('The amount due is');
    const pay = await caller.key('1');
    expect(pay.xml).toMatch(/<Pay [^>]*language="en-GB"/);
    await caller.notify(pay.statusCallback ?? '', { Capture: 'security-code' });
    const status = `${PUBLIC}${apiPrefix}/webhooks/ivr/${t.tenantId}/status`;
    await caller.notify(status, { CallStatus: 'completed', CallDuration: '95' });
    await caller.notify(status, { CallStatus: 'completed', CallDuration: '95' });
    const attempt = await attemptOf(caller.callSid);
    expect(attempt).toMatchObject({
      status: 'abandoned',
      failure_reason: 'caller_hung_up',
      case_id: b1.caseId,
    });
    expect(JSON.parse(attempt?.details ?? '{}').ivr).toMatchObject({
      stage: 'abandoned',
      capture: 'security-code',
    });
    const steps = (await journal(b1.caseId)).map((p) => p.step);
    expect(steps.filter((s) => s === 'call_ended')).toHaveLength(1);
    expect(
      await db().selectFrom('payments').select('payment_id').where('case_id', '=', b1.caseId).execute(),
    ).toEqual([]);
  });

  it('three wrong references: goodbye, and the attempt failed with three input errors', async () => {
    const caller = new Caller(app, 'CA00000000000000000000000000000003', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    await caller.key('111');
    const again = await caller.key('222');
    expect(again.said).toContain('Nous ne trouvons pas cette référence');
    const bye = await caller.key('333');
    expect(bye.said).toContain('Nous n’avons pas pu retrouver votre dossier');
    expect(bye.xml).toContain('<Hangup/>');
    expect(bye.action).toBeNull();
    expect(await attemptOf(caller.callSid)).toMatchObject({
      status: 'failed',
      failure_reason: 'caller_not_identified',
      case_id: null,
    });
    expect(Number((await attemptOf(caller.callSid))?.input_errors)).toBe(3);
  });

  it('keying nothing is asked again without an attempt; three silences end the call', async () => {
    const caller = new Caller(app, 'CA00000000000000000000000000000004', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    expect((await caller.key('')).said).toContain('Nous n’avons rien reçu');
    await caller.key('');
    const bye = await caller.key('');
    expect(bye.said).toContain('Merci de votre appel. Au revoir.');
    expect(await attemptOf(caller.callSid)).toBeUndefined();
  });
});
