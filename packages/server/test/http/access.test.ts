import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer } from './support.ts';

describeEachDatabase('http access', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let admin: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'A');
    admin = await signInAs(app, 'admin@a.example');
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('API keys', () => {
    it('shows the token once, works as Bearer, records its use, and stops working once revoked', async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: admin,
        payload: { name: 'ERP sync', role: 'supervisor' },
      });
      expect(created.statusCode).toBe(201);
      const { id, token, key } = created.json();
      expect(token).toMatch(/^rk_live_[A-Za-z0-9_-]{32}$/);
      expect(key).toMatchObject({
        id,
        name: 'ERP sync',
        role: 'supervisor',
        prefix: token.slice(0, 12),
        revokedAt: null,
      });

      const stored = await ctx.handle.db
        .selectFrom('api_keys')
        .selectAll()
        .where('api_key_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(token);

      const listed = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin });
      expect(listed.body).not.toContain(token);
      expect(listed.json().items.map((k: { id: string }) => k.id)).toContain(id);

      const bearer = { authorization: `Bearer ${token}` };
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        kind: 'api_key',
        id,
        name: 'ERP sync',
        role: 'supervisor',
        tenant: { id: tenant.tenantId },
      });
      expect((await app.inject({ method: 'GET', url: '/api/v1/cases', headers: bearer })).statusCode).toBe(
        200,
      );
      const used = await ctx.handle.db
        .selectFrom('api_keys')
        .select('last_used_at')
        .where('api_key_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(used.last_used_at).toBe('2026-03-16T10:00:00.000Z');

      const revoked = await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: admin });
      expect(revoked.statusCode).toBe(204);
      const after = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: bearer });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('unauthenticated');
    });

    it('refuses a wrong or malformed bearer token without falling back to the cookie', async () => {
      for (const authorization of ['Bearer rk_live_nope', 'Bearer something', 'Basic YWJjOmRlZg==']) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/cases',
          headers: { authorization, ...admin },
        });
        expect(response.statusCode, authorization).toBe(401);
      }
    });

    it('ties a client key to a creditor of the tenant', async () => {
      const missing = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: admin,
        payload: { name: 'x', role: 'client' },
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details.reason).toBe('client_requires_creditor');
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: admin,
        payload: { name: 'portail ACME', role: 'client', creditorId: tenant.creditors.acme },
      });
      expect(ok.statusCode).toBe(201);
      const cases = await app.inject({
        method: 'GET',
        url: '/api/v1/cases',
        headers: { authorization: `Bearer ${ok.json().token}` },
      });
      const creditorIds = new Set(cases.json().items.map((c: { creditor: { id: string } }) => c.creditor.id));
      expect([...creditorIds]).toEqual([tenant.creditors.acme]);
    });

    it('is for admins only', async () => {
      const supervisor = await signInAs(app, 'supervisor@a.example');
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: supervisor })).statusCode,
      ).toBe(403);
      const create = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: supervisor,
        payload: { name: 'x', role: 'admin' },
      });
      expect(create.statusCode).toBe(403);
    });
  });

  describe('users', () => {
    it('an admin creates a user who can then sign in; the e-mail is unique', async () => {
      const payload = {
        email: 'New.Agent@A.example',
        displayName: 'Nouvel Agent',
        role: 'agent',
        password: 'a long enough password',
      };
      const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        email: 'new.agent@a.example',
        role: 'agent',
        creditorId: null,
        locale: 'fr',
      });
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'new.agent@a.example', password: 'a long enough password' },
      });
      expect(signIn.statusCode).toBe(200);
      const again = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'conflict',
        message: 'Un utilisateur existe déjà avec cette adresse e-mail.',
      });
      const list = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin });
      expect(list.json().items.map((u: { email: string }) => u.email)).toContain('new.agent@a.example');
      expect(list.body).not.toContain('argon2');
    });

    it('two creations of one e-mail at once give one user and one 409', async () => {
      const payload = {
        email: 'race@a.example',
        displayName: 'Race',
        role: 'agent',
        password: 'a long enough password',
      };
      const answers = await Promise.all(
        [1, 2].map(() => app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      const rows = await ctx.handle.db
        .selectFrom('users')
        .select('user_id')
        .where('email', '=', 'race@a.example')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('stores the password as an argon2id PHC string', async () => {
      const row = await ctx.handle.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', 'admin@a.example')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(
        /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
      );
    });

    it('an agent cannot create users (403) nor list them', async () => {
      const agent = await signInAs(app, 'agent@a.example');
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...agent, 'accept-language': 'en' },
        payload: {
          email: 'x@a.example',
          displayName: 'X',
          role: 'admin',
          password: 'a long enough password',
        },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'forbidden',
        message: 'You are not allowed to do this.',
      });
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: agent })).statusCode).toBe(
        403,
      );
    });

    it('refuses a short password and a client without creditor', async () => {
      const short = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { email: 'y@a.example', displayName: 'Y', role: 'agent', password: 'short' },
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.details.issues[0].path).toBe('body.password');
      const client = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: {
          email: 'z@a.example',
          displayName: 'Z',
          role: 'client',
          password: 'a long enough password',
        },
      });
      expect(client.statusCode).toBe(400);
      expect(client.json().error.message).toBe('Un compte client doit être rattaché à un créancier.');
    });
  });

  describe('roles', () => {
    it('a client sees only its creditor’s cases, debtors, claims and creditor, and cannot reach the others by id', async () => {
      const client = await signInAs(app, 'client@a.example');
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: client });
      expect(me.json()).toMatchObject({
        role: 'client',
        creditor: { id: tenant.creditors.acme, ref: 'ACME' },
      });

      for (const url of ['/api/v1/cases', '/api/v1/debtors', '/api/v1/claims']) {
        const items = (await app.inject({ method: 'GET', url, headers: client })).json().items as {
          creditor: { id: string };
        }[];
        expect(items.length, url).toBeGreaterThan(0);
        expect(new Set(items.map((i) => i.creditor.id)), url).toEqual(new Set([tenant.creditors.acme]));
      }
      const filtered = await app.inject({
        method: 'GET',
        url: `/api/v1/cases?creditorId=${tenant.creditors.beta}`,
        headers: client,
      });
      expect(filtered.json()).toMatchObject({ items: [], total: 0 });
      const creditors = await app.inject({ method: 'GET', url: '/api/v1/creditors', headers: client });
      expect(creditors.json().items.map((c: { id: string }) => c.id)).toEqual([tenant.creditors.acme]);

      const beta = tenant.debtors.B1!;
      for (const url of [
        `/api/v1/cases/${beta.caseId}`,
        `/api/v1/debtors/${beta.debtorId}`,
        `/api/v1/claims/${beta.claimIds[0]}`,
      ]) {
        expect((await app.inject({ method: 'GET', url, headers: client })).statusCode, url).toBe(404);
      }
      // A client places claims: it lists its own creditor's imports only.
      const imports = await app.inject({ method: 'GET', url: '/api/v1/imports', headers: client });
      expect(imports.statusCode).toBe(200);
      for (const i of imports.json().items) expect(i.creditor.id).toBe(tenant.creditors.acme);
    });

    it('an agent reads the portfolio but not the imports', async () => {
      const agent = await signInAs(app, 'agent@a.example');
      expect((await app.inject({ method: 'GET', url: '/api/v1/cases', headers: agent })).json().total).toBe(
        7,
      );
      expect((await app.inject({ method: 'GET', url: '/api/v1/imports', headers: agent })).statusCode).toBe(
        403,
      );
    });

    it('a supervisor reads the imports but does not manage users', async () => {
      const supervisor = await signInAs(app, 'supervisor@a.example');
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: supervisor })).statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/users', headers: supervisor })).statusCode,
      ).toBe(403);
    });
  });
});
