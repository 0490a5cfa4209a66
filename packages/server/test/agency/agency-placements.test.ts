import { expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { listPlacements } from '../../src/use-cases/agency/placements.ts';
import { ensureCreditor } from '../../src/use-cases/imports/ensure-creditor.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { describeEachDatabase } from '../support/databases.ts';

const rows = (invoices: readonly string[]) =>
  invoices.map((invoice, i) => ({
    'N° facture': invoice,
    "Date d'échéance": '2026-01-15',
    'Montant TTC': `${100 + i},00`,
    'Raison sociale': `Débiteur ${invoice}`,
  }));

/** A placement is what an import hands over for the first time: re-imports and the bulk-load path included. */
describeEachDatabase('agency: placements', (ctx) => {
  it('counts the new claims only, on the bulk-load path too, and leaves no empty placement', async () => {
    const tenantId = newId();
    const deps: Deps = {
      database: ctx.handle,
      clock: fixedClock('2026-02-02T09:00:00.000Z'),
      dataDir: '/tmp',
    };
    await ctx.handle.db
      .insertInto('tenants')
      .values({
        tenant_id: tenantId,
        name: 'Agence P',
        kind: 'agency',
        locale: 'fr',
        created_at: '2026-02-02',
      })
      .execute();
    const actor: Actor = { tenantId, kind: 'user', id: 'a', role: 'admin', creditorId: null };
    await ensureCreditor(deps, actor, { ref: 'P', name: 'Client P' });
    const first = await importClaims(deps, actor, {
      creditorRef: 'P',
      placement: 'Gros lot',
      // Every index of the claims dropped and rebuilt after the rows are in (the path of a first big import).
      bulkLoadMinRows: 1,
      source: { kind: 'rows', fileName: 'lot.csv', rows: rows(['P-1', 'P-2', 'P-3']) },
    });
    expect(first.inserted).toBe(3);
    // The same file again, without a name: nothing new, so the day's placement it opened is removed.
    const again = await importClaims(deps, actor, {
      creditorRef: 'P',
      source: { kind: 'rows', fileName: 'lot.csv', rows: rows(['P-1', 'P-2', 'P-3']) },
    });
    expect(again.unchanged).toBe(3);
    expect(again.placementId).toBeNull();
    // A later file with one new claim among known ones: the day's placement holds the new one only.
    const later: Deps = { ...deps, clock: fixedClock('2026-02-20T09:00:00.000Z') };
    const more = await importClaims(later, actor, {
      creditorRef: 'P',
      source: { kind: 'rows', fileName: 'lot2.csv', rows: rows(['P-1', 'P-2', 'P-3', 'P-4']) },
    });
    expect(more.inserted).toBe(1);
    const placements = await listPlacements(later, actor);
    expect(placements.map((p) => [p.label, p.placedOn, p.claimCount, p.amountMinor])).toEqual([
      ['2026-02-20', '2026-02-20', 1, 103_00],
      // 100.00 + 101.00 + 102.00
      ['Gros lot', '2026-02-02', 3, 303_00],
    ]);
    const claims = await ctx.handle.db
      .selectFrom('claims')
      .select(['invoice_number', 'placement_id'])
      .where('tenant_id', '=', tenantId)
      .orderBy('invoice_number')
      .execute();
    expect(claims.map((c) => c.placement_id)).toEqual([
      first.placementId,
      first.placementId,
      first.placementId,
      more.placementId,
    ]);
  });
});
