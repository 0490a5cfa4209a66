import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../db/schema.ts';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { openPlacement, settlePlacement } from '../agency/placements.ts';
import { closeImportDisputes } from '../workspace/disputes/close-import-disputes.ts';
import { openImportDisputes } from '../workspace/disputes/open-import-disputes.ts';
import { startBulkLoad } from './bulk-load.ts';
import { type ClaimStore, creditorHasClaims, type StoreContext } from './claim-store.ts';
import { DebtorBook } from './debtor-book.ts';
import type { ErrorFile } from './error-file.ts';
import { createIdFactory } from './fast-ids.ts';
import { ImportBatcher } from './import-batcher.ts';
import type { ImportLocale } from './import-issues.ts';
import type { OpenedImport } from './import-source.ts';
import { postgresClaimStore } from './postgres-claim-store.ts';
import type { RowHasher } from './row-hash.ts';
import type { RowNormalizer } from './row-normalizer.ts';
import { sqliteClaimStore } from './sqlite-claim-store.ts';

/**
 * SQLite page cache while an import runs, in KiB (the claims indexes are written in random order). 64 MB
 * took a re-import of a million unchanged rows to 488–502 MB of RSS, over the 500 MB bound; 32 MB keeps it
 * at 443–460 MB in the same time (5.2–5.6 s), the lookups by invoice number being served by the OS's cache.
 */
const IMPORT_CACHE_KIB = 32 * 1024;
/**
 * The same during a bulk load, when every table is appended to and the indexes are sorted after: a bigger
 * cache only holds more dirty pages (and sorts in more memory), which counts in the process's RSS.
 */
const BULK_LOAD_CACHE_KIB = 16 * 1024;
/** Rows written from which PostgreSQL's statistics are refreshed at the end of the import. */
const ANALYZE_AFTER = 10_000;

export type ImportRun = {
  readonly deps: Deps;
  readonly actor: Actor;
  readonly ctx: StoreContext;
  readonly opened: OpenedImport;
  readonly normalizer: RowNormalizer;
  readonly hasher: RowHasher;
  readonly errorFile: ErrorFile;
  readonly creditorIsProfessional: boolean;
  readonly locale: ImportLocale;
  /** The mapping as stored with the import (JSON), read when the row is written and when it is completed. */
  readonly mappingJson: () => string;
  /** Rows expected (from the file's size): a large import into a small table rebuilds indexes after. */
  readonly expectedRows: number;
  /** Overrides the size from which the claims indexes are rebuilt after the load (tests). */
  readonly bulkLoadMinRows: number | undefined;
  /** The placement (batch handed over) the new claims go into, by its label; an agency's of the day by default. */
  readonly placement?: string | undefined;
  onProgress: ((rowsRead: number) => void) | undefined;
};

/**
 * The import inside its transaction: the `imports` row, the batches, the new cases, the refresh of the
 * cases that changed, the final counts and the audit entry — committed together or not at all.
 */
export async function runImport(
  trx: Transaction<Database>,
  run: ImportRun,
  pgClient: pg.PoolClient | null,
): Promise<ImportBatcher> {
  const { deps, ctx } = run;
  const raw = deps.database.raw;
  if (raw.kind === 'postgres') {
    // One import at a time per creditor: two at once would race on the same invoice numbers.
    await sql`select pg_advisory_xact_lock(hashtext(${`import:${ctx.tenantId}:${ctx.creditorId}`}))`.execute(
      trx,
    );
  }
  await insertImportRow(trx, run);
  const placementId = await openPlacement(trx, {
    ...ctx,
    label: run.placement,
    today: deps.clock.today(),
  });
  const newId = createIdFactory();
  const book = new DebtorBook(newId);
  await book.load(trx, ctx.tenantId, ctx.creditorId);
  const hasClaims = await creditorHasClaims(trx, ctx.tenantId, ctx.creditorId);
  const bulk = await startBulkLoad(trx, raw.kind, {
    expectedRows: run.expectedRows,
    creditorHasClaims: hasClaims,
    minRows: run.bulkLoadMinRows,
    scope: { tenantId: ctx.tenantId, creditorId: ctx.creditorId },
  });
  let store: ClaimStore;
  if (raw.kind === 'sqlite') store = sqliteClaimStore(raw.sqlite, { ...ctx, placementId });
  else if (pgClient !== null) store = postgresClaimStore(pgClient, { ...ctx, placementId });
  else throw new Error('A PostgreSQL import needs the connection of its transaction');
  const invoiceColumn = run.opened.mapping.columns.invoice_number ?? -1;
  const work = new ImportBatcher({
    store,
    book,
    hasClaims,
    normalizer: run.normalizer,
    hasher: run.hasher,
    invoiceColumn,
    invoiceHeader: run.opened.mapping.headers[invoiceColumn] ?? 'invoice_number',
    errorFile: run.errorFile,
    newId,
    creditorIsProfessional: run.creditorIsProfessional,
    locale: run.locale,
  });
  const restoreCache =
    raw.kind === 'sqlite'
      ? setPageCache(raw.sqlite, bulk === null ? IMPORT_CACHE_KIB : BULK_LOAD_CACHE_KIB)
      : () => {};
  try {
    for await (const rows of run.opened.rows()) {
      await work.process(rows);
      run.onProgress?.(work.counts.totalRows);
    }
    await work.finish();
  } finally {
    // Writes still in flight must land before a rollback, or they would run after it, outside it.
    await store.flush().catch(() => {});
    restoreCache();
  }
  await store.flush();
  await bulk?.rebuild();
  if (raw.kind === 'postgres' && work.counts.inserted + work.counts.updated >= ANALYZE_AFTER) {
    // Fresh statistics, or the next queries on these tables are planned as if they were still small.
    await sql`analyze claims, cases, debtors, contacts`.execute(trx);
  }
  // Only when the file disputed something: the claims have no index on their import.
  const disputesOpened =
    work.disputedWritten > 0
      ? await openImportDisputes(trx, {
          tenantId: ctx.tenantId,
          importId: ctx.importId,
          today: run.deps.clock.today(),
          now: ctx.now,
        })
      : 0;
  // Only a changed row can stop marking a claim as disputed.
  const disputes =
    work.counts.updated > 0
      ? await closeImportDisputes(trx, {
          tenantId: ctx.tenantId,
          importId: ctx.importId,
          actor: run.actor,
          today: run.deps.clock.today(),
          now: ctx.now,
        })
      : { closed: 0, kept: 0 };
  await refreshCases(trx, ctx.tenantId, work.touchedCases, ctx.now);
  await settlePlacement(trx, { tenantId: ctx.tenantId, placementId, importId: ctx.importId, now: ctx.now });
  await completeImportRow(trx, run, work, { opened: disputesOpened, ...disputes });
  return work;
}

async function insertImportRow(trx: Transaction<Database>, run: ImportRun): Promise<void> {
  await trx
    .insertInto('imports')
    .values({
      tenant_id: run.ctx.tenantId,
      import_id: run.ctx.importId,
      creditor_id: run.ctx.creditorId,
      file_name: run.opened.fileName,
      format: run.opened.format,
      status: 'running',
      mapping: run.mappingJson(),
      total_rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      created_by: run.actor.id,
      started_at: run.ctx.now,
    })
    .execute();
}

async function completeImportRow(
  trx: Transaction<Database>,
  run: ImportRun,
  work: ImportBatcher,
  disputes: { readonly opened: number; readonly closed: number; readonly kept: number },
): Promise<void> {
  const finishedAt = run.deps.clock.now();
  const { warned, ...counts } = work.counts;
  await trx
    .updateTable('imports')
    .set({
      status: 'completed',
      mapping: run.mappingJson(),
      total_rows: counts.totalRows,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
      error_file: counts.rejected > 0 ? run.errorFile.target : null,
      finished_at: finishedAt,
    })
    .where('tenant_id', '=', run.ctx.tenantId)
    .where('import_id', '=', run.ctx.importId)
    .execute();
  await appendAudit(trx, {
    tenantId: run.ctx.tenantId,
    at: finishedAt,
    actor: run.actor,
    action: 'claims.imported',
    entityKind: 'import',
    entityId: run.ctx.importId,
    data: {
      creditorId: run.ctx.creditorId,
      fileName: run.opened.fileName,
      ...counts,
      warned,
      disputesOpened: disputes.opened,
      disputesClosed: disputes.closed,
      disputedClaimsKept: disputes.kept,
    },
  });
}

/** The SQLite page cache for the import; returns how to put it back. */
function setPageCache(sqlite: BetterSqlite3.Database, kib: number): () => void {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-kib}`);
  return () => {
    sqlite.pragma(`cache_size = ${previous}`);
  };
}
