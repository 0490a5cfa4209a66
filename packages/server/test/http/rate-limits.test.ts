import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLinkToken } from '../../src/channels/payments/payment-links.ts';
import { newId } from '../../src/db/ids.ts';
import { buildHttpServer } from '../../src/http/server.ts';
import { type Clock, fixedClock } from '../../src/shared/clock.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { now, password, testDeps } from './support.ts';

/**
 * The sign-in and portal limits are counted in the database: two server processes (here two Fastify apps over
 * one database) spend one budget, and the budget comes back as the sliding window moves on.
 */
describeEachDatabase('rate limits shared by server processes', (ctx) => {
  let current = now;
  const clock: Clock = {
    now: () => current,
    today: (timeZone?: string) => fixedClock(current).today(timeZone),
  };
  const later = (ms: number) => {
    current = new Date(Date.parse(current) + ms).toISOString();
  };
  let one: FastifyInstance;
  let two: FastifyInstance;
  let tenant: SeededTenant;

  beforeAll(async () => {
    one = await buildHttpServer({ ...testDeps(ctx.handle), clock });
    two = await buildHttpServer({ ...testDeps(ctx.handle), clock });
    tenant = await seedTenant(ctx.handle.db, 'Lim');
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  const rows = () =>
    ctx.handle.db
      .selectFrom('rate_limits')
      .select(['tenant_id', 'bucket', 'window_start', 'hits'])
      .orderBy('window_start')
      .execute();

  describe('sign-in', () => {
    const signIn = (app: FastifyInstance, email: string, pw = 'wrong password!') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: pw },
        remoteAddress: '10.9.8.7',
      });

    it('counts failures of both processes together; the budget comes back as the window slides', async () => {
      current = now; // 10:00, the start of a 15-minute window
      const email = tenant.users.agent.email;
      for (let i = 0; i < 6; i++) expect((await signIn(one, email)).statusCode).toBe(401);
      for (let i = 0; i < 4; i++) expect((await signIn(two, email)).statusCode).toBe(401);
      for (const app of [one, two]) {
        const limited = await signIn(app, email, password);
        expect(limited.statusCode).toBe(429);
        // 10 failures in this window: in the next one they weigh 10 × (1 − e/15 min), which leaves room for
        // one more once e ≥ 1.5 min — 16.5 minutes from now.
        expect(limited.json().error).toMatchObject({
          code: 'rate_limited',
          details: { reason: 'too_many_sign_in_attempts', retryAfterSeconds: 990 },
        });
      }
      // Nothing in clear: a hash of the e-mail and address, under no tenant.
      const stored = await rows();
      expect(stored).toEqual([
        {
          tenant_id: '',
          bucket: expect.stringMatching(/^sign-in:[0-9a-f]{64}$/),
          window_start: now,
          hits: 10,
        },
      ]);
      expect(JSON.stringify(stored)).not.toContain('lim.example');

      later(15 * 60_000 + 60_000); // 10:16: the failures still weigh 10 × 14/15 > 9
      expect((await signIn(two, email, password)).statusCode).toBe(429);
      later(30_000); // 10:16:30: 10 × 13.5/15 = 9, one more fits
      expect((await signIn(one, email, password)).statusCode).toBe(200);
      // A success clears the failures: ten more wrong passwords are answered 401, not 429.
      for (let i = 0; i < 10; i++) expect((await signIn(i % 2 ? one : two, email)).statusCode).toBe(401);
      expect((await signIn(one, email)).statusCode).toBe(429);
    });
  });

  describe('payment links', () => {
    const open = (app: FastifyInstance, key: string) =>
      app.inject({ method: 'GET', url: `/api/v1/portal/links/${encodeURIComponent(key)}` });

    it('counts requests for one link on both processes, under the tenant its token names', async () => {
      current = '2026-03-16T11:00:00.000Z';
      const token = signLinkToken(
        {
          tenantId: tenant.tenantId,
          caseId: tenant.debtors.D1!.caseId,
          linkId: newId(),
          purpose: 'pay',
          expiresAt: '2026-04-16T00:00:00.000Z',
        },
        Buffer.alloc(32, 7), // not the tenant's secret: the limit comes before the signature is checked
      );
      for (let i = 0; i < 120; i++) expect((await open(i < 70 ? one : two, token)).statusCode).toBe(404);
      // 120 in this minute: in the next they weigh 120 × (1 − e/1 min), room for one once e ≥ 0.5 s.
      const limited = await open(one, token);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({
        code: 'rate_limited',
        details: { reason: 'portal_too_many_requests', retryAfterSeconds: 61 },
      });
      expect((await open(two, token)).statusCode).toBe(429);
      // Another link has its own budget, under no tenant when its key names none.
      expect((await open(two, 'RF18539007547034')).statusCode).toBe(404);
      const portal = (await rows()).filter((r) => r.bucket.startsWith('portal:'));
      expect(portal.map((r) => [r.tenant_id, r.window_start, Number(r.hits)]).sort()).toEqual([
        ['', current, 1],
        [tenant.tenantId, current, 120],
      ]);

      later(60_000 + 30_000); // half the full window still weighs 60: 60 more fit
      for (let i = 0; i < 60; i++) expect((await open(i % 2 ? one : two, token)).statusCode).toBe(404);
      expect((await open(one, token)).statusCode).toBe(429);
    });

    it('sweeps the windows that no longer weigh on anything', async () => {
      later(10 * 60_000);
      // Each process sweeps at most once a minute, on its own requests: this one runs it.
      expect((await open(one, 'RF18539007547034')).statusCode).toBe(404);
      const left = await rows();
      expect(left.map((r) => r.window_start)).toEqual([`${current.slice(0, 17)}00.000Z`]);
    });
  });
});
