import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiPrefix } from '../../../src/http/paths.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { Caller, hear, PUBLIC, signedRequest, TOKEN, voiceUrl } from './ivr-call-world.ts';

describeEachDatabase('payment IVR: the agent’s transfer, plans and callbacks', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: { cookie: string };
  let agent: { cookie: string };
  const previous = process.env.RELANCE_PUBLIC_URL;

  beforeAll(async () => {
    process.env.RELANCE_PUBLIC_URL = PUBLIC;
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'Transfer');
    admin = await signInAs(app, t.users.admin.email);
    agent = await signInAs(app, t.users.agent.email);
  });
  afterAll(async () => {
    process.env.RELANCE_PUBLIC_URL = previous;
    await app.close();
  });

  const setProvider = async (provider: 'twilio' | 'builtin') => {
    const put = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/settings/channels/ivr`,
      headers: admin,
      payload: {
        provider,
        phoneNumber: provider === 'twilio' ? '+33900000000' : null,
        paymentConnector: 'Default',
        languages: ['fr', 'en'],
        authToken: TOKEN,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
  };
  const transfer = async (caseId: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/cases/${caseId}/ivr-transfer`,
      headers: agent,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as {
      attemptId: string;
      code: string;
      phoneNumber: string | null;
      expiresAt: string;
    };
  };
  const live = async (caseId: string, attemptId: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `${apiPrefix}/cases/${caseId}/payment-attempts/${attemptId}`,
        headers: agent,
      })
    ).json();

  it('the settings are checked and never show the token', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/settings/channels/ivr`,
      headers: { ...admin, 'accept-language': 'en' },
      payload: { provider: 'twilio', phoneNumber: null, paymentConnector: 'Default', languages: ['fr'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('With Twilio, the IVR’s phone number is required.');
    const forbidden = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/settings/channels/ivr`,
      headers: agent,
      payload: { provider: 'builtin', phoneNumber: null, paymentConnector: 'Default', languages: ['fr'] },
    });
    expect(forbidden.statusCode).toBe(403);
    await setProvider('twilio');
    const got = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/settings/channels/ivr`,
      headers: agent,
    });
    expect(got.json()).toEqual({
      provider: 'twilio',
      phoneNumber: '+33900000000',
      paymentConnector: 'Default',
      languages: ['fr', 'en'],
      authTokenSet: true,
    });
  });

  it('the agent transfers the caller: the code identifies the case and the screen follows the payment', async () => {
    await setProvider('twilio');
    const d1 = t.debtors.D1!;
    const given = await transfer(d1.caseId);
    expect(given.code).toMatch(/^\d{6}$/);
    expect(given.phoneNumber).toBe('+33900000000');
    expect(await live(d1.caseId, given.attemptId)).toMatchObject({
      status: 'started',
      stage: 'waiting_for_caller',
      transferCode: given.code,
    });

    const caller = new Caller(app, 'CA10000000000000000000000000000001', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    await caller.key('000000');
    const menu = await caller.key(given.code);
    expect(menu.said).toContain('Votre dossier auprès de ACME Transfer est bien identifié');
    expect(await live(d1.caseId, given.attemptId)).toMatchObject({
      stage: 'caller_identified',
      inputErrors: 1,
      transferCode: null,
    });
    const attempts = await ctx.handle.db
      .selectFrom('payment_attempts')
      .select(['attempt_id', 'provider_ref'])
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(attempts).toEqual([{ attempt_id: given.attemptId, provider_ref: caller.callSid }]);

    const pay = await caller.key('1');
    await caller.notify(pay.statusCallback ?? '', { Capture: 'payment-card-number' });
    expect(await live(d1.caseId, given.attemptId)).toMatchObject({
      stage: 'paying',
      capture: 'payment-card-number',
    });
    const failed = await caller.key('', { Result: 'payment-connector-error', PaymentError: 'card_declined' });
    expect(failed.said).toContain('Le paiement a été refusé par votre banque');
    expect(await live(d1.caseId, given.attemptId)).toMatchObject({
      status: 'failed',
      stage: 'failed',
      failureReason: 'payment-connector-error: card_declined',
    });

    // The code works once.
    const again = new Caller(app, 'CA10000000000000000000000000000002', voiceUrl(t.tenantId));
    await again.post(voiceUrl(t.tenantId));
    expect((await again.key(given.code)).said).toContain('Nous ne trouvons pas cette référence');

    // After the failure, 4 books an agent's callback (once).
    const booked = await caller.key('4');
    expect(booked.said).toContain('un conseiller vous rappellera');
    const callbacks = await ctx.handle.db
      .selectFrom('actions')
      .select(['channel', 'status'])
      .where('case_id', '=', d1.caseId)
      .where('action_key', '=', `callback:${given.attemptId}`)
      .execute();
    expect(callbacks).toEqual([{ channel: 'call_task', status: 'planned' }]);
  });

  it('a telephony forwarding the transfer in the URL goes straight to the case, in the debtor’s language', async () => {
    await setProvider('twilio');
    const d5 = t.debtors.D5!;
    await ctx.handle.db
      .updateTable('debtors')
      .set({ language: 'en' })
      .where('debtor_id', '=', t.debtors.D5!.debtorId)
      .execute();
    const given = await transfer(d5.caseId);
    const caller = new Caller(app, 'CA10000000000000000000000000000003', voiceUrl(t.tenantId));
    const menu = await caller.post(voiceUrl(t.tenantId, `?transfer=${given.code}`));
    expect(menu.said).toContain('Your account with ACME Transfer has been found');
    expect(menu.action).toContain('/menu?lang=en');
  });

  it('an expired code is refused and its attempt abandoned', async () => {
    await setProvider('twilio');
    const d3 = t.debtors.D3!;
    const given = await transfer(d3.caseId);
    await ctx.handle.db
      .updateTable('payment_attempts')
      .set({
        details: JSON.stringify({
          ivr: {
            stage: 'waiting_for_caller',
            transferCode: given.code,
            transferExpiresAt: '2026-03-16T09:00:00.000Z',
          },
        }),
      })
      .where('attempt_id', '=', given.attemptId)
      .execute();
    const caller = new Caller(app, 'CA10000000000000000000000000000004', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    expect((await caller.key(given.code)).said).toContain('Nous ne trouvons pas cette référence');
    expect(await live(d3.caseId, given.attemptId)).toMatchObject({
      status: 'abandoned',
      failureReason: 'transfer_expired',
    });
  });

  it('by keypad, the caller hears the instalment plans the creditor allows and accepts one', async () => {
    await setProvider('twilio');
    const d3 = t.debtors.D3!;
    const given = await transfer(d3.caseId);
    const caller = new Caller(app, 'CA10000000000000000000000000000005', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    await caller.key(given.code);
    const offers = await caller.key('3');
    expect(offers.said).toContain('Voici les paiements en plusieurs fois possibles');
    expect(offers.said).toContain(
      'Pour deux mensualités de deux cent vingt-cinq euros, à partir du 16 avril 2026, tapez 1.',
    );
    const confirm = await caller.key('1');
    expect(confirm.said).toContain('Pour accepter cet échéancier, tapez 1');
    const agreed = await caller.key('1');
    expect(agreed.said).toContain('Votre échéancier est enregistré');
    const plans = await ctx.handle.db
      .selectFrom('payment_plans')
      .select(['status', 'instalment_count'])
      .where('case_id', '=', d3.caseId)
      .execute();
    expect(plans).toEqual([{ status: 'active', instalment_count: 2 }]);
    expect(await live(d3.caseId, given.attemptId)).toMatchObject({
      status: 'abandoned',
      stage: 'plan_agreed',
      failureReason: 'plan_agreed',
    });
  });

  it('the built-in provider: the simulator signs with the tenant’s own token, Twilio’s is refused', async () => {
    await setProvider('builtin');
    const voice = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/ivr/simulator`,
      headers: agent,
      payload: { step: 'voice', query: {}, fields: { CallSid: 'SIM0001' } },
    });
    expect(voice.statusCode, voice.body).toBe(200);
    const greeting = hear(voice.json().twiml);
    expect(greeting.said).toContain('Bonjour');
    expect(greeting.action).toBe(`${PUBLIC}${apiPrefix}/webhooks/ivr/${t.tenantId}/reference?lang=fr&try=1`);
    const refused = await app.inject(
      signedRequest(`${apiPrefix}/webhooks/ivr/${t.tenantId}/voice`, { CallSid: 'SIM0002' }, TOKEN),
    );
    expect(refused.statusCode).toBe(403);
    const settings = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/settings/channels/ivr`,
      headers: admin,
    });
    expect(settings.body).not.toMatch(/builtinToken/);
    await setProvider('twilio');
    const off = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/ivr/simulator`,
      headers: agent,
      payload: { step: 'voice', query: {}, fields: { CallSid: 'SIM0003' } },
    });
    expect(off.statusCode).toBe(409);
  });
});
