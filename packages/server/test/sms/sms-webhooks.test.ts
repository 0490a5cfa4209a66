import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyEarlyReports } from '../../src/channels/sms/record-sms-status.ts';
import { newId } from '../../src/db/ids.ts';
import { apiPrefix } from '../../src/http/paths.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { evidenceOf } from './world.ts';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'the-auth-token-0123456789abcdef';
const PUBLIC = 'https://relance.example';
const PHONE = '+33612345678';

function signed(tenantId: string, hook: 'status' | 'inbound', params: Record<string, string>, token = TOKEN) {
  const url = `${PUBLIC}${apiPrefix}/webhooks/twilio/${tenantId}/${hook}`;
  return {
    method: 'POST' as const,
    url: `${apiPrefix}/webhooks/twilio/${tenantId}/${hook}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(token, url, params),
    },
    payload: new URLSearchParams(params).toString(),
  };
}

/** An SMS action already handed to Twilio under `sid`, as the dispatcher leaves it. */
function sentSms(tenantId: string, caseId: string, actionId: string, key: string, sid: string) {
  return {
    tenant_id: tenantId,
    action_id: actionId,
    case_id: caseId,
    action_key: `test:0:sms:${key}`,
    run_id: null,
    planned_on: now.slice(0, 10),
    scheduled_at: now,
    channel: 'sms',
    template: 'reminder',
    language: 'fr' as const,
    purpose: 'reminder',
    status: 'sent' as const,
    strategy_key: null,
    strategy_version: null,
    step_key: null,
    reason: '{}',
    gate: '{}',
    amounts: null,
    created_at: now,
    provider: 'twilio',
    provider_message_id: sid,
  };
}

describeEachDatabase('SMS webhooks', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: { cookie: string };
  let actionId: string;
  const previous = process.env.RELANCE_PUBLIC_URL;

  beforeAll(async () => {
    process.env.RELANCE_PUBLIC_URL = PUBLIC;
    app = (await testServer(ctx.handle)).app;
    t = await seedTenant(ctx.handle.db, 'Webhooks');
    admin = await signInAs(app, t.users.admin.email);
    const put = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/settings/channels/sms`,
      headers: admin,
      payload: {
        provider: 'twilio',
        accountSid: SID,
        authToken: TOKEN,
        fromNumber: '+33700000000',
        messagingServiceSid: null,
        transliterate: true,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    actionId = newId();
    await ctx.handle.db
      .insertInto('actions')
      .values(sentSms(t.tenantId, t.debtors.D5!.caseId, actionId, '0', 'SM11111111111111111111111111111111'))
      .execute();
  });
  afterAll(async () => {
    process.env.RELANCE_PUBLIC_URL = previous;
    await app.close();
  });

  const actionRow = () =>
    ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'last_error', 'delivered_at'])
      .where('tenant_id', '=', t.tenantId)
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();

  it('the settings never show the auth token', async () => {
    const got = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/settings/channels/sms`,
      headers: admin,
    });
    expect(got.json()).toEqual({
      provider: 'twilio',
      accountSid: SID,
      authTokenSet: true,
      fromNumber: '+33700000000',
      messagingServiceSid: null,
      transliterate: true,
    });
    expect(got.body).not.toContain(TOKEN);
  });

  it('refuses a missing, wrong or tampered signature and records nothing', async () => {
    const params = {
      MessageSid: 'SM11111111111111111111111111111111',
      MessageStatus: 'delivered',
      To: PHONE,
    };
    const good = signed(t.tenantId, 'status', params);
    const missing = await app.inject({ ...good, headers: { 'content-type': good.headers['content-type'] } });
    const wrongToken = await app.inject(signed(t.tenantId, 'status', params, 'another-token'));
    const tampered = await app.inject({
      ...good,
      payload: new URLSearchParams({ ...params, MessageStatus: 'failed', ErrorCode: '30003' }).toString(),
    });
    for (const response of [missing, wrongToken, tampered]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
      expect(response.json().error.message).toContain('Twilio');
    }
    const events = await ctx.handle.db
      .selectFrom('message_events')
      .select('event_id')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(events).toEqual([]);
    expect((await actionRow()).status).toBe('sent');
  });

  it('a delivered report moves the action once, even when Twilio sends it twice', async () => {
    const params = {
      MessageSid: 'SM11111111111111111111111111111111',
      MessageStatus: 'delivered',
      AccountSid: SID,
      To: PHONE,
    };
    const first = await app.inject(signed(t.tenantId, 'status', params));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toContain('text/xml');
    expect(first.body).toContain('<Response/>');
    await app.inject(signed(t.tenantId, 'status', params));
    expect(await actionRow()).toMatchObject({ status: 'delivered', delivered_at: now });
    const events = await ctx.handle.db
      .selectFrom('message_events')
      .select(['kind', 'action_id', 'provider_event_id'])
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(events).toEqual([
      {
        kind: 'delivered',
        action_id: actionId,
        provider_event_id: 'SM11111111111111111111111111111111:delivered',
      },
    ]);
    const evidence = await evidenceOf(ctx.handle, t.tenantId);
    expect(evidence.filter((e) => e.kind === 'delivery_event')).toHaveLength(1);
  });

  it('an undelivered report fails the action with Twilio’s code and meaning', async () => {
    const failedId = newId();
    await ctx.handle.db
      .insertInto('actions')
      .values(sentSms(t.tenantId, t.debtors.D5!.caseId, failedId, '1', 'SM22222222222222222222222222222222'))
      .execute();
    const response = await app.inject(
      signed(t.tenantId, 'status', {
        MessageSid: 'SM22222222222222222222222222222222',
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
        To: PHONE,
      }),
    );
    expect(response.statusCode).toBe(200);
    const row = await ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'last_error'])
      .where('tenant_id', '=', t.tenantId)
      .where('action_id', '=', failedId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'failed',
      last_error: 'Twilio undelivered (error 30003: unreachable destination handset)',
    });
  });

  it('a report that arrives before the dispatcher recorded the message id is applied once it does', async () => {
    const sid = 'SM33333333333333333333333333333333';
    const early = await app.inject(
      signed(t.tenantId, 'status', { MessageSid: sid, MessageStatus: 'delivered', To: PHONE }),
    );
    expect(early.statusCode, early.body).toBe(200);
    const orphan = await ctx.handle.db
      .selectFrom('message_events')
      .select(['action_id'])
      .where('tenant_id', '=', t.tenantId)
      .where('provider_event_id', '=', `${sid}:delivered`)
      .executeTakeFirstOrThrow();
    expect(orphan.action_id).toBeNull();
    // The dispatcher now records the hand-over with Twilio's id, and in the same transaction the early reports.
    const lateId = newId();
    const caseId = t.debtors.D5!.caseId;
    await ctx.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('actions')
        .values(sentSms(t.tenantId, caseId, lateId, '2', sid))
        .execute();
      expect(
        await applyEarlyReports(trx, t.tenantId, { action_id: lateId, case_id: caseId }, 'twilio', sid, now),
      ).toBe(1);
    });
    const row = await ctx.handle.db
      .selectFrom('actions')
      .select(['status', 'delivered_at'])
      .where('tenant_id', '=', t.tenantId)
      .where('action_id', '=', lateId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'delivered', delivered_at: now });
    const linked = await ctx.handle.db
      .selectFrom('message_events')
      .select(['action_id'])
      .where('tenant_id', '=', t.tenantId)
      .where('provider_event_id', '=', `${sid}:delivered`)
      .executeTakeFirstOrThrow();
    expect(linked.action_id).toBe(lateId);
    const evidence = await evidenceOf(ctx.handle, t.tenantId);
    expect(evidence.filter((e) => e.action_id === lateId).map((e) => e.payload.arrivedBeforeSend)).toEqual([
      true,
    ]);
  });

  it('a reply is recorded as evidence and queues the "debtor replied" reaction', async () => {
    const response = await app.inject(
      signed(t.tenantId, 'inbound', {
        MessageSid: 'SM33333333333333333333333333333333',
        From: PHONE,
        To: '+33700000000',
        Body: 'Je paierai vendredi',
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<Response/>');
    const events = await ctx.handle.db
      .selectFrom('case_events')
      .select(['kind', 'case_id'])
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(events).toEqual([{ kind: 'debtor_replied', case_id: t.debtors.D5!.caseId }]);
    const evidence = await evidenceOf(ctx.handle, t.tenantId);
    expect(evidence.at(-1)).toMatchObject({
      kind: 'inbound_message',
      case_id: t.debtors.D5!.caseId,
      payload: { body: 'Je paierai vendredi', from: PHONE },
    });
  });

  it('STOP opts the phone out (the gate then blocks SMS), answers in TwiML; START opts it back in', async () => {
    const stop = await app.inject(
      signed(t.tenantId, 'inbound', {
        MessageSid: 'SM44444444444444444444444444444444',
        From: PHONE,
        To: '+33700000000',
        Body: '  arret ',
      }),
    );
    expect(stop.statusCode).toBe(200);
    expect(stop.body).toContain('<Message>Vous ne recevrez plus de SMS de notre part.');
    const contact = () =>
      ctx.handle.db
        .selectFrom('contacts')
        .select(['opted_out_at', 'consent'])
        .where('tenant_id', '=', t.tenantId)
        .where('value', '=', PHONE)
        .executeTakeFirstOrThrow();
    expect(await contact()).toEqual({ opted_out_at: now, consent: 'withdrawn' });
    const evidence = await evidenceOf(ctx.handle, t.tenantId);
    expect(evidence.at(-1)).toMatchObject({
      kind: 'opt_out',
      payload: { keyword: 'ARRET', change: 'opt_out' },
    });
    const agent = await signInAs(app, t.users.agent.email);
    const gate = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/cases/${t.debtors.D5!.caseId}/contact-check`,
      headers: agent,
      payload: { channel: 'sms', purpose: 'reminder' },
    });
    expect(gate.statusCode, gate.body).toBe(200);
    expect(gate.json()).toMatchObject({ kind: 'blocked', code: 'opted_out' });
    const start = await app.inject(
      signed(t.tenantId, 'inbound', {
        MessageSid: 'SM55555555555555555555555555555555',
        From: PHONE,
        Body: 'START',
      }),
    );
    expect(start.body).toContain('<Message>Vous recevrez de nouveau nos SMS.');
    expect(await contact()).toEqual({ opted_out_at: null, consent: 'granted' });
  });

  it('the built-in provider takes a simulated reply from a signed-in user', async () => {
    const agent = await signInAs(app, t.users.agent.email);
    const response = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/sms/builtin/inbound`,
      headers: agent,
      payload: { from: PHONE, body: 'STOP' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'opt_out', caseIds: [t.debtors.D5!.caseId] });
    const anonymous = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/sms/builtin/inbound`,
      payload: { from: PHONE, body: 'STOP' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
