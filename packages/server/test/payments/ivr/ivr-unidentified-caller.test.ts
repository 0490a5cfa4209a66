import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiPrefix } from '../../../src/http/paths.ts';
import { ensurePaymentReference } from '../../../src/use-cases/templates/payment-reference.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer, today } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { Caller, PUBLIC, TOKEN, voiceUrl } from './ivr-call-world.ts';

/**
 * A caller who keys a wrong reference is not anyone's yet: the call's attempt has no case (null, not a
 * placeholder), its wrong entries count in the funnel, and keying the right reference gives it its case.
 */
describeEachDatabase('payment IVR: a caller not identified yet', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: { cookie: string };
  let client: { cookie: string };
  const previous = process.env.RELANCE_PUBLIC_URL;

  beforeAll(async () => {
    process.env.RELANCE_PUBLIC_URL = PUBLIC;
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'Anon');
    admin = await signInAs(app, t.users.admin.email);
    client = await signInAs(app, t.users.client.email);
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
  });
  afterAll(async () => {
    process.env.RELANCE_PUBLIC_URL = previous;
    await app.close();
  });

  const attemptOf = (callSid: string) =>
    ctx.handle.db
      .selectFrom('payment_attempts')
      .select(['attempt_id', 'case_id', 'status', 'input_errors'])
      .where('tenant_id', '=', t.tenantId)
      .where('provider_ref', '=', callSid)
      .executeTakeFirstOrThrow();
  const funnelFor = async (headers: { cookie: string }) => {
    const got = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/payments/funnel?from=${today}&to=${today}`,
      headers,
    });
    expect(got.statusCode, got.body).toBe(200);
    return got.json().total as { started: number; open: number; inputErrors: number };
  };
  const trendsFunnel = async () => {
    const got = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/dashboard/trends?months=3`,
      headers: admin,
    });
    expect(got.statusCode, got.body).toBe(200);
    return got.json().funnel.total as { started: number; inputErrors: number };
  };

  it('leaves a row without a case, counted in the funnel; the right reference then fills its case', async () => {
    const caller = new Caller(app, 'CA0000000000000000000000000000anon', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    await caller.key('11112222333344');
    await caller.key('99998888777766');

    const unidentified = await attemptOf(caller.callSid);
    expect(unidentified).toMatchObject({ case_id: null, status: 'started' });
    expect(Number(unidentified.input_errors)).toBe(2);
    expect(await funnelFor(admin)).toMatchObject({ started: 1, open: 1, inputErrors: 2 });
    expect(await trendsFunnel()).toMatchObject({ started: 1, inputErrors: 2 });
    // A client sees its creditor's attempts: a caller of no case is none of them.
    expect(await funnelFor(client)).toMatchObject({ started: 0, inputErrors: 0 });

    const d1 = t.debtors.D1!;
    const menu = await caller.key(
      (await ensurePaymentReference(ctx.handle.db, t.tenantId, d1.caseId)).slice(2),
    );
    expect(menu.said).toContain('est bien identifié');
    const identified = await attemptOf(caller.callSid);
    expect(identified).toMatchObject({
      attempt_id: unidentified.attempt_id,
      case_id: d1.caseId,
      status: 'started',
    });
    expect(Number(identified.input_errors)).toBe(2);
    expect(await funnelFor(admin)).toMatchObject({ started: 1, open: 1, inputErrors: 2 });
    expect(await funnelFor(client)).toMatchObject({ started: 1, inputErrors: 2 });
  });

  it('a caller who hangs up unidentified: the attempt is abandoned, still of no case, nothing journaled', async () => {
    const caller = new Caller(app, 'CA0000000000000000000000000000gone', voiceUrl(t.tenantId));
    await caller.post(voiceUrl(t.tenantId));
    await caller.key('123');
    await caller.notify(`${PUBLIC}${apiPrefix}/webhooks/ivr/${t.tenantId}/status`, {
      CallStatus: 'completed',
    });
    expect(await attemptOf(caller.callSid)).toMatchObject({ case_id: null, status: 'abandoned' });
    const journaled = await ctx.handle.db
      .selectFrom('evidence')
      .select('case_id')
      .where('tenant_id', '=', t.tenantId)
      .where('kind', '=', 'ivr_call')
      .where('payload', 'like', `%${caller.callSid}%`)
      .execute();
    expect(journaled).toEqual([]);
  });
});
