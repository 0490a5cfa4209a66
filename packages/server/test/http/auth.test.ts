import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { password, signInAs, testServer } from './support.ts';

describeEachDatabase('http auth', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'A');
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('sign-in', () => {
    it('opens a session: httpOnly lax cookie, the user in the body, and /auth/me works with the cookie', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: '  Admin@A.example ', password },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.user).toMatchObject({ id: tenant.users.admin.id, email: 'admin@a.example', role: 'admin' });
      expect(body.user.passwordHash).toBeUndefined();
      const cookie = response.cookies.find((c) => c.name === 'relance_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const stored = await ctx.handle.db.selectFrom('sessions').select('session_id').execute();
      expect(stored.map((s) => s.session_id)).not.toContain(cookie?.value);

      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `relance_session=${cookie?.value}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        kind: 'user',
        id: tenant.users.admin.id,
        role: 'admin',
        email: 'admin@a.example',
        tenant: { id: tenant.tenantId, name: 'Tenant A' },
        creditor: null,
      });
    });

    it('answers 401 with one message for a wrong password and for an unknown e-mail', async () => {
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'agent@a.example', password: 'not the password' },
      });
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nobody@a.example', password },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json()).toEqual({
        error: {
          code: 'unauthenticated',
          message: 'E-mail ou mot de passe incorrect.',
          details: { reason: 'bad_credentials' },
        },
      });
      expect(wrong.cookies).toEqual([]);
    });

    it('answers in English when asked', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' },
        payload: { email: 'agent@a.example', password: 'nope' },
      });
      expect(response.json().error.message).toBe('Wrong e-mail or password.');
    });

    it('refuses a user whose account is disabled', async () => {
      await ctx.handle.db
        .updateTable('users')
        .set({ disabled_at: '2026-01-01T00:00:00.000Z' })
        .where('user_id', '=', tenant.users.supervisor.id)
        .execute();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: tenant.users.supervisor.email, password },
      });
      expect(response.statusCode).toBe(401);
      await ctx.handle.db
        .updateTable('users')
        .set({ disabled_at: null })
        .where('user_id', '=', tenant.users.supervisor.id)
        .execute();
    });

    it('limits failed attempts per e-mail and address: the 11th answer is 429, another e-mail is not affected', async () => {
      const attempt = (email: string, pw = 'wrong password!') =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email, password: pw },
          remoteAddress: '10.1.2.3',
        });
      for (let i = 0; i < 10; i++) expect((await attempt('client@a.example')).statusCode).toBe(401);
      const limited = await attempt('client@a.example', password);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({
        code: 'rate_limited',
        details: { reason: 'too_many_sign_in_attempts' },
      });
      expect((await attempt('agent@a.example', password)).statusCode).toBe(200);
    });

    it('/auth/me shows the team and skills the user’s calls are routed by', async () => {
      const me = async () => {
        const { cookie } = await signInAs(app, tenant.users.agent.email);
        return (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json();
      };
      expect(await me()).toMatchObject({ team: null, skills: [] });
      await ctx.handle.db
        .updateTable('users')
        .set({ team: 'B2B Lyon', skills: JSON.stringify(['b2b', 'en', 'fr']) })
        .where('tenant_id', '=', tenant.tenantId)
        .where('user_id', '=', tenant.users.agent.id)
        .execute();
      expect(await me()).toMatchObject({ role: 'agent', team: 'B2B Lyon', skills: ['b2b', 'en', 'fr'] });
    });
  });

  describe('sessions', () => {
    it('sign-out invalidates the session and clears the cookie', async () => {
      const { cookie } = await signInAs(app, 'agent@a.example');
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } })).statusCode,
      ).toBe(200);
      const out = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie } });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === 'relance_session')?.value).toBe('');
      const after = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('unauthenticated');
    });

    it('refuses requests without credentials, with a made-up cookie, and after the session expired', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
      const forged = await app.inject({
        method: 'GET',
        url: '/api/v1/cases',
        headers: { cookie: 'relance_session=abc' },
      });
      expect(forged.statusCode).toBe(401);
      const { cookie } = await signInAs(app, 'agent@a.example');
      await ctx.handle.db
        .updateTable('sessions')
        .set({ expires_at: '2026-03-16T09:59:59.999Z' })
        .where('user_id', '=', tenant.users.agent.id)
        .execute();
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } })).statusCode,
      ).toBe(401);
    });

    it('sets a secure cookie when the request came over https (behind a trusted proxy)', async () => {
      const { buildHttpServer } = await import('../../src/http/server.ts');
      const { testDeps } = await import('./support.ts');
      const proxied = await buildHttpServer(testDeps(ctx.handle), { trustProxy: true });
      const response = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'agent@a.example', password },
      });
      expect(response.cookies.find((c) => c.name === 'relance_session')?.secure).toBe(true);
      await proxied.close();
    });
  });
});
