import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedTenant } from '../../../test/http/seed.ts';
import { today } from '../../../test/http/support.ts';
import { openBareDatabase, stepMigrator, testDialects } from '../../../test/support/databases.ts';
import { casesRemainingQuery } from '../../use-cases/kpis/get-live.ts';
import type { Dialect } from '../database.ts';
import { migrateToLatest } from '../database.ts';
import type { Database } from '../schema.ts';

/** The indexes on `cases` whose name starts with `cases_run_queue` or `cases_due`, with their columns. */
async function queueIndexes(db: Kysely<Database>, dialect: Dialect): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
      where type = 'index' and tbl_name = 'cases' and (name like 'cases_run_queue%' or name like 'cases_due%')`.execute(
      db,
    );
    for (const r of rows) out[r.name] = r.sql.replace(/"/g, '').replace(/\s+/g, ' ');
  } else {
    const { rows } = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def
      from pg_indexes where schemaname = current_schema() and tablename = 'cases'
      and (indexname like 'cases_run_queue%' or indexname like 'cases_due%')`.execute(db);
    for (const r of rows) out[r.name] = r.def;
  }
  return out;
}

/** The plan of the live view's count of the cases the run has not yet decided (no sequential scan allowed). */
async function countPlan(db: Kysely<Database>, dialect: Dialect, tenantId: string): Promise<string> {
  const q = casesRemainingQuery(db, tenantId, today).compile();
  if (dialect === 'sqlite') {
    const { rows } = await db.executeQuery<{ detail: string }>({
      ...q,
      sql: `explain query plan ${q.sql}`,
    });
    return rows.map((r) => r.detail).join(' | ');
  }
  return db.connection().execute(async (c) => {
    await sql`set enable_seqscan = off`.execute(c);
    const { rows } = await c.executeQuery<{ 'QUERY PLAN': string }>({ ...q, sql: `explain ${q.sql}` });
    await sql`reset enable_seqscan`.execute(c);
    return rows.map((r) => r['QUERY PLAN']).join(' | ');
  });
}

describe.each(testDialects)('migration 0028: one index for the run queue [%s]', (dialect) => {
  it("upgrades from 0027: the queue's index carries status and last run, the live view counts from it alone, and it goes back", async () => {
    const handle = await openBareDatabase(dialect, 2);
    try {
      const db = handle.db;
      const migrator = await stepMigrator(handle);
      expect((await migrator.migrateTo('0027-run-cases-due')).error).toBeUndefined();
      const tenant = await seedTenant(db, 'Q');
      const before = await queueIndexes(db, dialect);
      expect(Object.keys(before).sort()).toEqual(['cases_due_not_run', 'cases_run_queue']);

      expect((await migrateToLatest(db)).at(0)).toBe('0028-one-run-queue-index');
      const after = await queueIndexes(db, dialect);
      expect(Object.keys(after)).toEqual(['cases_run_queue']);
      expect(after.cases_run_queue).toContain('(tenant_id, next_run_on, case_id, status, last_run_on)');
      const plan = await countPlan(db, dialect, tenant.tenantId);
      expect(plan).toContain('cases_run_queue');
      if (dialect === 'sqlite') expect(plan).toContain('COVERING INDEX cases_run_queue');
      else expect(plan).toContain('Index Only Scan using cases_run_queue');

      expect((await migrator.migrateTo('0027-run-cases-due')).error).toBeUndefined();
      expect(await queueIndexes(db, dialect)).toEqual(before);
    } finally {
      await handle.close();
    }
  });
});
