import { sql, type Transaction } from 'kysely';
import { summaryOf } from '../../db/contact-summary.ts';
import type { Dialect } from '../../db/database.ts';
import { boundSql } from '../../db/figures/bound-sql.ts';
import { COHORT_FIGURES } from '../../db/figures/cohort-figures.ts';
import {
  CLAIM_FIGURES,
  contributionSelect,
  groupedContributions,
  insertDeltas,
} from '../../db/figures/figure-specs.ts';
import type { Database } from '../../db/schema.ts';

/** Below this many rows an import keeps the indexes in place: rebuilding them would cost more. */
export const BULK_LOAD_MIN_ROWS = 50_000;

/** How long PostgreSQL may wait for the table lock before the import keeps the indexes instead. */
const LOCK_WAIT = '2s';

/** The tables an import fills, whose secondary indexes a bulk load builds after the rows are in. */
const BULK_TABLES = ['claims', 'debtors', 'contacts', 'cases'] as const;

export type BulkLoadPlan = {
  /** Rows the import expects to write (estimated from the file's size). */
  readonly expectedRows: number;
  /** A creditor with claims is looked up by invoice number on every batch: its import needs the index. */
  readonly creditorHasClaims: boolean;
  /** Overrides `BULK_LOAD_MIN_ROWS` (tests take the bulk path with a few rows). */
  readonly minRows?: number | undefined;
  /**
   * The creditor being loaded: its claims' triggers (the dashboards' figures) are set aside too, and its
   * claims added to the figures in one grouped statement once they are in.
   */
  readonly scope?: { readonly tenantId: string; readonly creditorId: string } | undefined;
};

/** Indexes dropped for a bulk load: put them back (inside the same transaction) once the rows are in. */
export type BulkLoad = {
  readonly indexes: readonly string[];
  rebuild(): Promise<void>;
};

type IndexDefinition = { readonly name: string; readonly definition: string };

/**
 * Bulk loaders build secondary indexes after the load: one sort and a B-tree written in order, instead of a
 * million inserts at random places (claims arrive in no particular case order, debtors and contacts in no
 * particular name or code order) — and the primary keys, time-ordered ids, are then appended to. Worth it
 * only when the import is large next to the claims table — a creditor's first import into a young
 * database — and only for a creditor with no claims yet, since every batch of the others looks its invoice
 * numbers up. The import needs no other index while it runs: debtors, contacts and cases are resolved in
 * memory and written by primary key.
 *
 * Inside the import's transaction: a failure puts the indexes back with everything else. Unique keys are
 * checked again when their index is rebuilt (the import refuses repeats before that). SQLite readers in WAL
 * mode keep their snapshot. On PostgreSQL, dropping an index locks its table until the commit: the locks
 * are waited for at most LOCK_WAIT, after which the import keeps every index.
 */
export async function startBulkLoad(
  trx: Transaction<Database>,
  dialect: Dialect,
  plan: BulkLoadPlan,
): Promise<BulkLoad | null> {
  const minRows = plan.minRows ?? BULK_LOAD_MIN_ROWS;
  if (plan.creditorHasClaims || plan.expectedRows < minRows) return null;
  // Counting stops at the import's size: the question is only whether the table is smaller.
  const counted = await sql<{ n: number | string }>`
    select count(*) as n from (select 1 from claims limit ${plan.expectedRows}) as k`.execute(trx);
  if (Number(counted.rows[0]?.n ?? 0) >= plan.expectedRows) return null;
  const indexes: IndexDefinition[] = [];
  for (const table of BULK_TABLES) indexes.push(...(await secondaryIndexes(trx, dialect, table)));
  if (indexes.length === 0) return null;
  const names = indexes.map((i) => i.name);
  const triggers = plan.scope
    ? [...(await triggersOn(trx, dialect, 'claims')), ...(await triggersOn(trx, dialect, 'contacts'))]
    : [];
  const dropTriggers = triggers.map(
    (t) => `drop trigger ${t.name}${dialect === 'postgres' ? ` on ${t.table}` : ''}`,
  );
  if (dialect === 'postgres') {
    await sql`savepoint bulk_load`.execute(trx);
    try {
      await sql.raw(`set local lock_timeout = '${LOCK_WAIT}'`).execute(trx);
      await sql.raw(`drop index ${names.join(', ')}`).execute(trx);
      for (const statement of dropTriggers) await sql.raw(statement).execute(trx);
      await sql`release savepoint bulk_load`.execute(trx);
      await sql`set local lock_timeout to default`.execute(trx);
    } catch {
      await sql`rollback to savepoint bulk_load`.execute(trx);
      return null;
    }
  } else {
    for (const name of names) await sql.raw(`drop index ${name}`).execute(trx);
    for (const statement of dropTriggers) await sql.raw(statement).execute(trx);
  }
  return {
    indexes: names,
    async rebuild() {
      if (dialect === 'postgres') {
        // The sort of an index build runs in this memory; the default (64 MB) spills a million keys to disk.
        await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
      }
      const threads = dialect === 'sqlite' ? await sqliteThreads(trx, 2) : null;
      try {
        for (const index of indexes) await sql.raw(index.definition).execute(trx);
      } finally {
        if (threads !== null) await sqliteThreads(trx, threads);
      }
      if (plan.scope) {
        for (const trigger of triggers) await sql.raw(trigger.definition).execute(trx);
        await addCreditorFigures(trx, plan.scope);
        await summariseContacts(trx, dialect, plan.scope);
      }
    },
  };
}

/** A table's indexes other than its primary key, with the statements that create them. */
async function secondaryIndexes(
  trx: Transaction<Database>,
  dialect: Dialect,
  table: string,
): Promise<IndexDefinition[]> {
  if (dialect === 'postgres') {
    const found = await sql<{ name: string; definition: string }>`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      where i.indrelid = to_regclass(${table}) and not i.indisprimary
      order by c.relname`.execute(trx);
    return found.rows;
  }
  // Indexes SQLite made itself (primary key, unique constraints) have no SQL and are kept.
  const found = await sql<{ name: string; definition: string }>`
    select name, sql as definition from sqlite_master
    where type = 'index' and tbl_name = ${table} and sql is not null
    order by name`.execute(trx);
  return found.rows;
}

type TriggerDefinition = IndexDefinition & { readonly table: string };

/**
 * The triggers on `table` (on claims the figures', on contacts the debtors' contact summary), with the
 * statements that create them.
 */
async function triggersOn(
  trx: Transaction<Database>,
  dialect: Dialect,
  table: 'claims' | 'contacts',
): Promise<TriggerDefinition[]> {
  const found =
    dialect === 'postgres'
      ? await sql<IndexDefinition>`
          select tgname as name, pg_get_triggerdef(oid) as definition from pg_trigger
          where tgrelid = to_regclass(${table}) and not tgisinternal order by tgname`.execute(trx)
      : await sql<IndexDefinition>`
          select name, sql as definition from sqlite_master
          where type = 'trigger' and tbl_name = ${table} order by name`.execute(trx);
  return found.rows.map((row) => ({ ...row, table }));
}

/** The loaded creditor's debtors' contact summaries, made once from their contacts. */
async function summariseContacts(
  trx: Transaction<Database>,
  dialect: Dialect,
  scope: { readonly tenantId: string; readonly creditorId: string },
): Promise<void> {
  await boundSql(
    `update debtors set contact_summary = ${summaryOf(dialect, 'debtors')} ` +
      'where tenant_id = :tenant and creditor_id = :creditor',
    { tenant: scope.tenantId, creditor: scope.creditorId },
  ).execute(trx);
}

/** The loaded creditor had no claims before: its figures are all its claims, grouped once. */
async function addCreditorFigures(
  trx: Transaction<Database>,
  scope: { readonly tenantId: string; readonly creditorId: string },
): Promise<void> {
  const claims = 'claims s where s.tenant_id = :tenant and s.creditor_id = :creditor';
  for (const spec of [CLAIM_FIGURES, COHORT_FIGURES]) {
    const text = insertDeltas(spec, groupedContributions(spec, contributionSelect(spec, 's', 1, claims)));
    await boundSql(text, { tenant: scope.tenantId, creditor: scope.creditorId }).execute(trx);
  }
}

/** Sets how many helper threads SQLite may sort with (an index build uses both cores); returns the previous. */
async function sqliteThreads(trx: Transaction<Database>, threads: number): Promise<number> {
  const previous = await sql<{ threads: number }>`pragma threads`.execute(trx);
  await sql.raw(`pragma threads = ${threads}`).execute(trx);
  return previous.rows[0]?.threads ?? 0;
}
