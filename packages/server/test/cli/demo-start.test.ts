import { isValidSiren, isValidSiret } from '@relance/core';
import { expect, it } from 'vitest';
import { describeEachCliDatabase, relance, startCli } from './cli-support.ts';

describeEachCliDatabase('relance start and demo', (ctx) => {
  it('start: makes the demo on a new database, serves the API, and the printed sign-in works', async () => {
    const server = await startCli(['--db', ctx.db.url, 'start', '--port', '0', '--size', '30'], {
      cwd: ctx.db.dir,
    });
    try {
      const out = server.output();
      expect(out).toContain('Connexion (comptes de démonstration)');
      // The fresh demo's cases have been through today's run: they show their ladders at once.
      expect(out).toMatch(/Relance du jour : \d+ dossiers examinés, \d+ actions prévues/);
      const email = /^\s+(admin@demo\.relance\.test)\s/m.exec(out)?.[1];
      const password = /mot de passe : (\S+)/.exec(out)?.[1];
      expect(email).toBe('admin@demo.relance.test');
      expect(password).toBeDefined();

      const health = await fetch(new URL('api/v1/health', server.url));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: ctx.db.dialect });

      const signIn = await fetch(new URL('api/v1/auth/sign-in', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(signIn.status).toBe(200);
      expect(((await signIn.json()) as { user: unknown }).user).toMatchObject({
        email: 'admin@demo.relance.test',
        role: 'admin',
      });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('start: a second start keeps the portfolio and does not seed again', async () => {
    const server = await startCli(['--db', ctx.db.url, '--lang', 'en', 'start', '--port', '0'], {
      cwd: ctx.db.dir,
    });
    try {
      expect(server.output()).toMatch(/Demo portfolio already there \(\d+ invoices\)/);
      expect(server.output()).toContain('password: demo-relance-2026');
    } finally {
      await server.stop();
    }
  });

  it('demo: fills a portfolio with valid SIRENs; the same seed again changes nothing', async () => {
    const first = await relance(ctx.db, ['demo', '--size', '60', '--seed', '5', '--creditor', 'ACME']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Organisation de démonstration « Démo Recouvrement » déjà présente.');
    expect(first.stdout).toMatch(/ACME\s+ACME : 60 dossiers/);
    expect(first.stdout).toContain('admin@demo.relance.test');

    const again = await relance(ctx.db, [
      '--json',
      'demo',
      '--size',
      '60',
      '--seed',
      '5',
      '--creditor',
      'ACME',
    ]);
    expect(again.code, again.stderr).toBe(0);
    const doc = JSON.parse(again.stdout);
    expect(doc.portfolio.creditors[0]).toMatchObject({ ref: 'ACME', cases: 60, inserted: 0, updated: 0 });
    expect(doc.portfolio.creditors[0].unchanged).toBe(doc.portfolio.creditors[0].rows);

    const handle = ctx.db.open();
    try {
      const companies = await handle.db
        .selectFrom('debtors')
        .select(['siren', 'siret'])
        .where('kind', '=', 'business')
        .execute();
      expect(companies.length).toBeGreaterThan(20);
      for (const c of companies) {
        expect(isValidSiren(c.siren ?? ''), c.siren ?? 'null').toBe(true);
        expect(isValidSiret(c.siret ?? ''), c.siret ?? 'null').toBe(true);
      }
    } finally {
      await handle.close();
    }
  });
});

describeEachCliDatabase('relance with several tenants', (ctx) => {
  it('asks for --tenant (exit 64, listing them), and takes it by id or name', async () => {
    expect((await relance(ctx.db, ['init', '--tenant-name', 'Cabinet Dupuis'])).code).toBe(0);
    const demo = await relance(ctx.db, ['--json', 'demo', '--size', '3']);
    expect(demo.code, demo.stderr).toBe(0);
    const demoTenant = JSON.parse(demo.stdout).tenant;
    expect(demoTenant).toMatchObject({ name: 'Démo Recouvrement', created: true });

    const ambiguous = await relance(ctx.db, ['users', 'create', '--email', 'x@y.test', '--role', 'agent']);
    expect(ambiguous.code, ambiguous.stderr).toBe(64);
    expect(ambiguous.stderr).toContain(
      'La base contient 2 organisations : précisez laquelle avec --tenant <id>.',
    );
    expect(ambiguous.stderr).toContain('Cabinet Dupuis');
    expect(ambiguous.stderr).toContain(demoTenant.id);

    const byName = await relance(ctx.db, [
      'users',
      'create',
      '--email',
      'x@y.test',
      '--role',
      'agent',
      '--tenant',
      'Cabinet Dupuis',
    ]);
    expect(byName.code, byName.stderr).toBe(0);
    const byId = await relance(ctx.db, ['api-keys', 'create', '--name', 'ci', '--tenant', demoTenant.id]);
    expect(byId.code, byId.stderr).toBe(0);
  });
});
