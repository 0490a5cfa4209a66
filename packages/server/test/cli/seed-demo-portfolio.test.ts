import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Composition, compose } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { createTenant } from '../../src/use-cases/access/create-tenant.ts';
import { setupActor } from '../../src/use-cases/setup/initialise-instance.ts';
import { seedDemoPortfolio } from '../../src/use-cases/setup/seed-demo-portfolio.ts';
import { type CliDatabase, describeEachCliDatabase, makeCliDatabase } from './cli-support.ts';

const today = '2026-11-22';
const clock = fixedClock(`${today}T08:00:00.000Z`);

async function seeded(deps: Deps, size: number, seed: number, chunkRows?: number) {
  const tenant = await createTenant(deps, { name: 'Démo', kind: 'agency', locale: 'fr' });
  const result = await seedDemoPortfolio(deps, setupActor(tenant.id), {
    size,
    seed,
    today,
    ...(chunkRows ? { chunkRows } : {}),
  });
  return { tenantId: tenant.id, result };
}

/** A fresh database through the real composition (which migrates it). */
async function composed(db: CliDatabase): Promise<Composition> {
  return compose(loadConfig({}, { databaseUrl: db.url, dataDir: join(db.dir, 'data') }), { clock });
}

/** The portfolio as data, without the ids and instants that differ between two runs. */
async function snapshot(handle: DatabaseHandle, tenantId: string) {
  const claims = await handle.db
    .selectFrom('claims')
    .innerJoin('debtors', (j) =>
      j
        .onRef('debtors.tenant_id', '=', 'claims.tenant_id')
        .onRef('debtors.debtor_id', '=', 'claims.debtor_id'),
    )
    .innerJoin('creditors', (j) =>
      j
        .onRef('creditors.tenant_id', '=', 'claims.tenant_id')
        .onRef('creditors.creditor_id', '=', 'claims.creditor_id'),
    )
    .select([
      'creditors.ref as creditor',
      'debtors.ref as debtor',
      'debtors.name',
      'debtors.kind',
      'debtors.siren',
      'debtors.language',
      'debtors.time_zone',
      'claims.invoice_number',
      'claims.issue_date',
      'claims.due_date',
      'claims.amount_minor',
      'claims.outstanding_minor',
      'claims.status',
      'claims.prescription_basis',
      'claims.prescription_end',
    ])
    .where('claims.tenant_id', '=', tenantId)
    .orderBy('creditors.ref')
    .orderBy('claims.invoice_number')
    .execute();
  const contacts = await handle.db
    .selectFrom('contacts')
    .innerJoin('debtors', (j) =>
      j
        .onRef('debtors.tenant_id', '=', 'contacts.tenant_id')
        .onRef('debtors.debtor_id', '=', 'contacts.debtor_id'),
    )
    .select(['debtors.ref', 'contacts.kind', 'contacts.value', 'contacts.validity'])
    .where('contacts.tenant_id', '=', tenantId)
    .orderBy('debtors.ref')
    .orderBy('contacts.kind')
    .orderBy('contacts.value')
    .execute();
  return { claims, contacts };
}

describeEachCliDatabase('seedDemoPortfolio', (ctx) => {
  let app: Composition;
  beforeAll(async () => {
    app = await composed(ctx.db);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is deterministic: the same seed gives the same portfolio, however it is split into imports', async () => {
    const first = await seeded(app.deps, 300, 42);
    const otherDb = await makeCliDatabase(ctx.db.dialect);
    const other = await composed(otherDb);
    try {
      const second = await seeded(other.deps, 300, 42, 97);
      expect(second.result.creditors.map((c) => c.importIds.length).some((n) => n > 1)).toBe(true);
      const a = await snapshot(app.deps.database, first.tenantId);
      const b = await snapshot(other.deps.database, second.tenantId);
      const rejected = first.result.creditors.reduce((sum, c) => sum + c.rejected, 0);
      expect(a.claims.length).toBe(first.result.rows - rejected);
      expect(b).toEqual(a);
    } finally {
      await other.close();
      await otherDb.drop();
    }
  });

  it('imports one portfolio per creditor, with the mix a demo needs', async () => {
    const { tenantId, result } = await seeded(app.deps, 400, 7);
    expect(result.creditors.map((c) => c.ref)).toEqual(['HEXAGONE', 'AZURTEL', 'BATIMAT']);
    expect(result.creditors.reduce((s, c) => s + c.cases, 0)).toBe(400);
    expect(result.creditors.every((c) => c.importIds.length === 1 && c.rejected === 0)).toBe(true);

    const { claims } = await snapshot(app.deps.database, tenantId);
    const timeBarredConsumer = claims.filter(
      (c) => c.prescription_basis === 'consumer_2y' && c.prescription_end < today && c.outstanding_minor > 0,
    );
    expect(timeBarredConsumer.length).toBeGreaterThan(0);
    expect(claims.filter((c) => c.status === 'disputed').length).toBeGreaterThan(0);
    expect(claims.filter((c) => c.due_date > today).length).toBeGreaterThan(0);
    expect(claims.filter((c) => c.status === 'paid' || c.outstanding_minor === 0).length).toBeGreaterThan(0);
    expect(
      claims.filter((c) => c.outstanding_minor > 0 && c.outstanding_minor < c.amount_minor).length,
    ).toBeGreaterThan(0);
    expect(claims.some((c) => c.language === 'en')).toBe(true);
    expect(claims.some((c) => c.time_zone === 'America/Guadeloupe' || c.time_zone === 'Indian/Reunion')).toBe(
      true,
    );
    const business = new Set(
      claims.filter((c) => c.kind === 'business').map((c) => `${c.creditor}/${c.debtor}`),
    );
    const all = new Set(claims.map((c) => `${c.creditor}/${c.debtor}`));
    expect(business.size / all.size).toBeGreaterThan(0.45);
    expect(business.size / all.size).toBeLessThan(0.75);
  });
});
