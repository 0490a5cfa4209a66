import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.ts';
import { createApiKey } from '../../src/use-cases/access/create-api-key.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { portalWorld } from './world.ts';

describeEachDatabase('the portal over HTTP', (ctx) => {
  let app: FastifyInstance;
  let w: Awaited<ReturnType<typeof portalWorld>>;
  let key: string;
  let linkId: string;
  let cookie: string;
  let staff: { authorization: string };
  const url = (path = '') => `/api/v1/portal/links/${key}${path}`;

  beforeAll(async () => {
    w = await portalWorld(ctx.handle);
    app = await buildHttpServer(w.deps);
    ({ key, actionId: linkId } = await w.link(w.dupont));
    const created = await createApiKey(w.deps, w.actor, { name: 'staff', role: 'agent' });
    staff = { authorization: `Bearer ${created.token}` };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens without a staff session, and answers a wrong key in the caller’s language', async () => {
    const open = await app.inject({ method: 'GET', url: url() });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ state: 'check', creditorName: 'Acme SAS', hasBalance: true });
    expect(open.body).not.toMatch(/Minor|FA-2026/);
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/links/${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}`,
      headers: { 'accept-language': 'en' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe(
      'This payment link is not valid. Check that it is complete, or contact the sender of the message.',
    );
  });

  it('counts a wrong answer in words, then sets an HttpOnly, SameSite=Lax cookie for the portal only', async () => {
    const wrong = await app.inject({ method: 'POST', url: url('/check'), payload: { answer: '13001' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe(
      'Cette réponse ne correspond pas à nos informations. Il vous reste 4 essais.',
    );
    const needs = await app.inject({ method: 'GET', url: url('/case') });
    expect(needs.statusCode).toBe(401);
    expect(needs.json().error.details).toEqual({ reason: 'portal_check_required' });
    const right = await app.inject({ method: 'POST', url: url('/check'), payload: { answer: '75002' } });
    expect(right.statusCode).toBe(200);
    const [set] = right.cookies.filter((c) => c.name === 'relance_portal');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/portal' });
    expect(set?.expires?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    cookie = `relance_portal=${set?.value}`;
    const view = await app.inject({ method: 'GET', url: url('/case'), headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.json().claims).toHaveLength(2);
  });

  it('a plan beyond the limits answers 422 with each limit in words; the plan agreed says nothing of staff', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: url('/plans'),
      headers: { cookie, 'accept-language': 'en' },
      payload: { count: 30, frequency: 'monthly' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.violations[0].message).toMatch(
      /^30 instalments asked: the creditor accepts 12 at most\./,
    );
    const agreed = await app.inject({
      method: 'POST',
      url: url('/plans'),
      headers: { cookie },
      payload: { count: 2, frequency: 'monthly' },
    });
    expect(agreed.statusCode).toBe(201);
    expect(Object.keys(agreed.json()).sort()).toEqual(['currency', 'id', 'instalments', 'totalMinor']);
  });

  it('sends the card payer to the provider’s page, and back to this server’s /pay/<key>/return', async () => {
    const paid = await app.inject({
      method: 'POST',
      url: url('/payments'),
      headers: { cookie },
      payload: { amountMinor: 20_000 },
    });
    expect(paid.statusCode).toBe(201);
    const { redirectUrl, attemptId } = paid.json();
    const session = new URL(redirectUrl, 'http://localhost').searchParams.get('session') ?? '';
    const carried = JSON.parse(Buffer.from(session.split('.')[0] ?? '', 'base64url').toString());
    expect(carried.successUrl).toBe(
      `http://localhost:80/pay/${key}/return?attempt=${attemptId}&outcome=success`,
    );
    expect(carried.cancelUrl).toBe(
      `http://localhost:80/pay/${key}/return?attempt=${attemptId}&outcome=cancel`,
    );
    const status = await app.inject({
      method: 'GET',
      url: url(`/payments/${attemptId}`),
      headers: { cookie },
    });
    expect(status.json()).toMatchObject({ status: 'started', amountMinor: 20_000, paid: false });
  });

  it('lets the staff see the link’s openings and revoke it', async () => {
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${w.dupont}/payment-links`,
      headers: staff,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject([{ id: linkId, via: 'token', actionId: linkId, failedChecks: 0 }]);
    const revoked = await app.inject({
      method: 'POST',
      url: `/api/v1/payment-links/${linkId}/revoke`,
      headers: staff,
    });
    expect(revoked.json()).toMatchObject({ id: linkId, revokedAt: '2026-03-02T09:00:00.000Z' });
    const open = await app.inject({ method: 'GET', url: url(), headers: { cookie } });
    expect(open.json()).toMatchObject({ state: 'revoked' });
    expect(open.json().otherWays.reference).toMatch(/^RF/);
    const closed = await app.inject({ method: 'GET', url: url('/case'), headers: { cookie } });
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.message).toMatch(/^Ce lien de paiement n’est plus actif\./);
  });

  it('is rate-limited by link', async () => {
    const other = await w.link(w.martin);
    let last = 0;
    for (let i = 0; i < 121; i++) {
      last = (await app.inject({ method: 'GET', url: `/api/v1/portal/links/${other.key}/case` })).statusCode;
    }
    expect(last).toBe(429);
    // Another link is not held back by it.
    const mine = await app.inject({ method: 'GET', url: url() });
    expect(mine.statusCode).toBe(200);
  });
});
