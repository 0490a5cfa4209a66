import { expect, it } from 'vitest';
import { cliEnv, describeEachCliDatabase, relance } from './cli-support.ts';

describeEachCliDatabase('relance init, users, api-keys', (ctx) => {
  it('creates the tenant and its administrator, in French by default', async () => {
    const run = await relance(ctx.db, [
      'init',
      '--tenant-name',
      'Cabinet Dupuis',
      '--admin-email',
      'Admin@Dupuis.test',
      '--admin-password',
      'correct-horse-battery',
    ]);
    expect(run.stderr).toContain('migration');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Organisation « Cabinet Dupuis » créée.');
    expect(run.stdout).toContain('Administrateur : admin@dupuis.test');
    expect(run.stdout).not.toContain('correct-horse-battery');
  });

  it('is idempotent: a second run changes nothing and says so', async () => {
    const run = await relance(ctx.db, ['init', '--tenant-name', 'Autre']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Déjà initialisé : 1 organisation dans la base');
    expect(run.stdout).toContain('Cabinet Dupuis');
    const handle = ctx.db.open();
    try {
      const tenants = await handle.db.selectFrom('tenants').select('name').execute();
      expect(tenants.map((t) => t.name)).toEqual(['Cabinet Dupuis']);
    } finally {
      await handle.close();
    }
  });

  it('speaks English with --lang en, or with an English locale', async () => {
    const flagged = await relance(ctx.db, ['--lang', 'en', 'init']);
    expect(flagged.stdout).toContain('Already initialised: 1 tenant in the database');
    const byLocale = await relance(ctx.db, ['init'], cliEnv({ LANG: 'en_GB.UTF-8' }));
    expect(byLocale.stdout).toContain('Already initialised');
    const french = await relance(ctx.db, ['init'], cliEnv({ LANG: 'en_GB.UTF-8', LC_ALL: 'fr_FR.UTF-8' }));
    expect(french.stdout).toContain('Déjà initialisé');
  });

  it('prints one JSON document with --json', async () => {
    const run = await relance(ctx.db, ['init', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.kind).toBe('already_initialised');
    expect(doc.tenants[0].name).toBe('Cabinet Dupuis');
  });

  it('creates a user (the tenant is implied when there is only one) with a generated password', async () => {
    const run = await relance(ctx.db, [
      'users',
      'create',
      '--email',
      'agent@dupuis.test',
      '--role',
      'agent',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.user).toMatchObject({ email: 'agent@dupuis.test', role: 'agent' });
    expect(doc.password).toMatch(/^[A-Za-z2-9]{16}$/);
  });

  it('refuses a bad role (exit 64) and an e-mail already taken (exit 1), with clear messages', async () => {
    const badRole = await relance(ctx.db, ['users', 'create', '--email', 'x@dupuis.test', '--role', 'boss']);
    expect(badRole.code, badRole.stderr).toBe(64);
    expect(badRole.stderr).toContain(
      'Valeur invalide pour --role : « boss » (attendu : admin, supervisor, agent, client)',
    );
    const taken = await relance(ctx.db, [
      '--lang',
      'en',
      'users',
      'create',
      '--email',
      'agent@dupuis.test',
      '--role',
      'agent',
      '--password',
      'long-enough-password',
    ]);
    expect(taken.code, taken.stderr).toBe(1);
    expect(taken.stderr).toContain(
      'Error (conflicts with existing data): A user with this e-mail address already exists.',
    );
  });

  it('creates an API key and prints its token once', async () => {
    const run = await relance(ctx.db, [
      'api-keys',
      'create',
      '--name',
      'ERP nightly export',
      '--role',
      'supervisor',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Clé d’API créée : ERP nightly export (superviseur)');
    expect(run.stdout).toMatch(/Jeton : rk_\S+/);
  });

  it('answers an unknown option with a usage error (exit 64) and JSON on stdout with --json', async () => {
    const run = await relance(ctx.db, ['--json', 'init', '--bogus']);
    expect(run.code, run.stderr).toBe(64);
    const doc = JSON.parse(run.stdout);
    expect(doc.error.code).toBe('usage');
    expect(run.stderr).toContain('--bogus');
  });
});
