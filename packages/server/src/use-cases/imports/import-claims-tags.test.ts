import { expect, it } from 'vitest';
import { importWorld } from '../../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { fixedClock } from '../../shared/clock.ts';
import { runDailyDunning } from '../dunning/run-daily-dunning.ts';
import { importClaims } from './import-claims.ts';

type Row = Readonly<Record<string, string>>;

const row = (invoice: string, name: string, kind: string, tags?: string): Row => ({
  'N° facture': invoice,
  'Date facture': '10/12/2025',
  "Date d'échéance": '10/01/2026',
  'Montant TTC': '120,00',
  'Raison sociale': name,
  'Type client': kind,
  'E-mail': `${invoice.toLowerCase()}@exemple.fr`,
  ...(tags === undefined ? {} : { Étiquettes: tags }),
});

async function tagsOf(handle: DatabaseHandle, tenantId: string): Promise<Record<string, unknown>> {
  const debtors = await handle.db
    .selectFrom('debtors')
    .select(['name', 'tags'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  return Object.fromEntries(debtors.map((d) => [d.name, JSON.parse(d.tags)]));
}

describeEachDatabase('importClaims: debtor tags', (ctx) => {
  it('sets, changes and keeps a debtor’s tags from an ‘Étiquettes’ column', async () => {
    const w = await importWorld(ctx.handle);
    const load = (rows: readonly Row[]) =>
      importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'rows', rows } });

    const first = await load([
      row('T-1', 'Jeanne Roe', 'Particulier', ' Senior; VIP | vip '),
      row('T-2', 'Paul Durand', 'Particulier', ''),
      row('T-3', 'Dupont SARL', 'Professionnel', 'Grand compte,\nactif'),
    ]);
    expect(first).toMatchObject({ inserted: 3, rejected: 0, warnings: [] });
    expect(first.mapping.columns).toMatchObject({ tags: 'Étiquettes' });
    expect(await tagsOf(ctx.handle, w.tenantId)).toEqual({
      'Dupont SARL': ['actif', 'grand compte'],
      'Jeanne Roe': ['senior', 'vip'],
      'Paul Durand': [],
    });

    // Other tags: the debtor follows; the same file again changes nothing.
    const changed = [
      row('T-1', 'Jeanne Roe', 'Particulier', 'actif'),
      row('T-2', 'Paul Durand', 'Particulier', 'Sénior'),
      row('T-3', 'Dupont SARL', 'Professionnel', 'Grand compte,\nactif'),
    ];
    expect(await load(changed)).toMatchObject({ inserted: 0, updated: 2, unchanged: 1 });
    expect(await tagsOf(ctx.handle, w.tenantId)).toEqual({
      'Dupont SARL': ['actif', 'grand compte'],
      'Jeanne Roe': ['actif'],
      'Paul Durand': ['sénior'],
    });
    expect(await load(changed)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });

    // A file without the column, or an empty cell, leaves the tags on file as they are.
    const without = await load([
      { ...row('T-1', 'Jeanne Roe', 'Particulier'), 'Montant TTC': '130,00' },
      row('T-2', 'Paul Durand', 'Particulier'),
    ]);
    expect(without.mapping.columns).toMatchObject({ tags: null });
    const emptyCell = await load([
      { ...row('T-3', 'Dupont SARL', 'Professionnel', ''), 'Montant TTC': '99,00' },
    ]);
    expect(emptyCell).toMatchObject({ updated: 1, rejected: 0 });
    expect(await tagsOf(ctx.handle, w.tenantId)).toEqual({
      'Dupont SARL': ['actif', 'grand compte'],
      'Jeanne Roe': ['actif'],
      'Paul Durand': ['sénior'],
    });
  });

  it('leaves out a tag over 40 characters with a warning, and keeps the row', async () => {
    const w = await importWorld(ctx.handle, { locale: 'en' });
    const long = 'a'.repeat(41);
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: {
        kind: 'rows',
        rows: [row('L-1', 'Jeanne Roe', 'Particulier', `senior; ${long}; ${'b'.repeat(40)}`)],
      },
    });
    expect(summary).toMatchObject({ inserted: 1, rejected: 0 });
    expect(summary.warnings).toEqual([
      {
        row: 1,
        column: 'Étiquettes',
        reason: 'tag_too_long',
        message: `Tag longer than 40 characters (left out): "${long}"`,
      },
    ]);
    expect(await tagsOf(ctx.handle, w.tenantId)).toEqual({ 'Jeanne Roe': ['b'.repeat(40), 'senior'] });
  });

  it('keeps 20 tags at most, with a warning naming those left out', async () => {
    const w = await importWorld(ctx.handle);
    const tags = Array.from({ length: 22 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'rows', rows: [row('M-1', 'Jeanne Roe', 'Particulier', tags.join('|'))] },
    });
    expect(summary.warnings.map((x) => [x.reason, x.message])).toEqual([
      ['too_many_tags', 'Plus de 20 étiquettes (les suivantes ignorées) : « t20, t21 »'],
    ]);
    expect(await tagsOf(ctx.handle, w.tenantId)).toEqual({ 'Jeanne Roe': tags.slice(0, 20) });
  });

  it('puts an imported senior consumer on the seniors’ ladder at the next run', async () => {
    const w = await importWorld(ctx.handle);
    const deps = { ...w.deps, clock: fixedClock('2026-03-02T05:00:00.000Z') };
    await importClaims(deps, w.actor, {
      creditorRef: 'ACME',
      source: {
        kind: 'rows',
        rows: [
          row('S-1', 'Jeanne Roe', 'Particulier', 'Sénior'),
          row('S-2', 'Paul Durand', 'Particulier', 'actif'),
          row('S-3', 'Dupont SARL', 'Professionnel', ''),
        ],
      },
    });
    await runDailyDunning(deps, w.tenantId, { runOn: '2026-03-02' });
    const cases = await ctx.handle.db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select(['d.name', 'c.strategy_key'])
      .where('c.tenant_id', '=', w.tenantId)
      .orderBy('d.name')
      .execute();
    expect(cases.map((c) => [c.name, c.strategy_key])).toEqual([
      ['Dupont SARL', 'b2b-standard'],
      ['Jeanne Roe', 'b2c-senior'],
      ['Paul Durand', 'b2c-active'],
    ]);
  });
});
