import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { fixtures, importWorld } from '../../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { summaryOf } from '../../db/contact-summary.ts';
import type { Database } from '../../db/schema.ts';
import { startBulkLoad } from './bulk-load.ts';
import { importClaims } from './import-claims.ts';

describeEachDatabase('importClaims: a large import into a small table', (ctx) => {
  // The indexes of the tables an import fills, primary keys included.
  const importIndexes = async (db: Kysely<Database> = ctx.handle.db): Promise<string[]> => {
    const found =
      ctx.handle.dialect === 'postgres'
        ? await sql<{ name: string }>`select indexname as name from pg_indexes
            where schemaname = current_schema() and tablename in ('claims', 'debtors', 'contacts', 'cases')
            order by indexname`.execute(db)
        : await sql<{ name: string }>`select name from sqlite_master
            where type = 'index' and tbl_name in ('claims', 'debtors', 'contacts', 'cases') order by name`.execute(
            db,
          );
    return found.rows.map((r) => r.name);
  };

  // The debtors whose contact summary is not what their contacts say, and the triggers on contacts.
  const staleSummaries = async () => {
    const { rows } = await sql<{ debtor_id: string }>`select debtor_id from debtors d
      where d.contact_summary is distinct from ${sql.raw(summaryOf(ctx.handle.dialect, 'd'))}`.execute(
      ctx.handle.db,
    );
    return rows.map((r) => r.debtor_id);
  };
  const contactTriggers = async () => {
    const { rows } =
      ctx.handle.dialect === 'postgres'
        ? await sql<{ name: string }>`select tgname as name from pg_trigger
            where tgrelid = to_regclass('contacts') and not tgisinternal order by tgname`.execute(
            ctx.handle.db,
          )
        : await sql<{ name: string }>`select name from sqlite_master
            where type = 'trigger' and tbl_name = 'contacts' order by name`.execute(ctx.handle.db);
    return rows.map((r) => r.name);
  };

  it('loads the claims with the indexes dropped, rebuilds them, and a re-import finds every row unchanged', async () => {
    const indexes = await importIndexes();
    const triggers = await contactTriggers();
    expect(triggers).toEqual([
      'contacts_summary_delete',
      'contacts_summary_insert',
      'contacts_summary_update',
    ]);
    expect(indexes).toEqual(expect.arrayContaining(['claims_by_case', 'claims_invoice_unique']));
    expect(indexes).not.toContain('claims_by_debtor');
    for (const round of [1, 2]) {
      // The second world's import meets the first one's claims in the rebuilt unique index.
      const w = await importWorld(ctx.handle);
      const path = join(w.dir, 'factures.csv');
      copyFileSync(join(fixtures, 'factures-fr.csv'), path);
      const input = { creditorRef: 'ACME', source: { kind: 'file', path }, bulkLoadMinRows: 1 } as const;
      const first = await importClaims(w.deps, w.actor, input);
      expect(first, `round ${round}`).toMatchObject({ inserted: 5, rejected: 5 });
      expect(await importIndexes()).toEqual(indexes);
      // The contacts' triggers were set aside for the load and are back; the summaries were made once.
      expect(await contactTriggers()).toEqual(triggers);
      const summaries = await sql<{ s: string | null }>`select contact_summary as s from debtors
        where contact_summary is not null`.execute(ctx.handle.db);
      expect(summaries.rows.length, `round ${round}`).toBeGreaterThan(0);
      expect(await staleSummaries(), `round ${round}`).toEqual([]);
      const again = await importClaims(w.deps, w.actor, input);
      expect(again, `round ${round}`).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, rejected: 5 });
    }
  });

  it('drops the secondary indexes inside the transaction: a failure puts them back', async () => {
    const indexes = await importIndexes();
    const attempt = ctx.handle.db.transaction().execute(async (trx) => {
      const bulk = await startBulkLoad(trx, ctx.handle.dialect, {
        expectedRows: 1000,
        creditorHasClaims: false,
        minRows: 1,
      });
      expect(bulk?.indexes).toEqual(
        expect.arrayContaining([
          'claims_by_case',
          'claims_invoice_unique',
          'debtors_ref_unique',
          'contacts_identity_unique',
          'cases_identity_unique',
        ]),
      );
      // What is left: the primary keys.
      const left = await importIndexes(trx);
      expect(left.length).toBe(4);
      expect(left).toEqual(indexes.filter((i) => !bulk?.indexes.includes(i)));
      throw new Error('midway');
    });
    await expect(attempt).rejects.toThrow('midway');
    expect(await importIndexes()).toEqual(indexes);
  });

  it('keeps the indexes for a creditor with claims, a small import, or a table larger than the import', async () => {
    const plans = [
      { expectedRows: 1000, creditorHasClaims: true, minRows: 1 },
      { expectedRows: 1000, creditorHasClaims: false },
      { expectedRows: 3, creditorHasClaims: false, minRows: 1 },
    ];
    await ctx.handle.db.transaction().execute(async (trx) => {
      for (const plan of plans) expect(await startBulkLoad(trx, ctx.handle.dialect, plan)).toBeNull();
    });
  });

  it('on PostgreSQL, keeps the indexes rather than wait for a transaction reading the claims', async () => {
    if (ctx.handle.raw.kind !== 'postgres') return;
    const reader = await ctx.handle.raw.pool.connect();
    try {
      await reader.query('begin');
      await reader.query('select count(*) from claims');
      await ctx.handle.db.transaction().execute(async (trx) => {
        const plan = { expectedRows: 1000, creditorHasClaims: false, minRows: 1 };
        expect(await startBulkLoad(trx, 'postgres', plan)).toBeNull();
        // The transaction is still usable: the failed attempt was rolled back to its savepoint.
        expect(await importIndexes(trx)).toContain('claims_by_case');
      });
    } finally {
      await reader.query('rollback');
      reader.release();
    }
  });
});
