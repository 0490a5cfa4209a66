import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '@relance/core';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DebtorKind } from '../../db/schema.ts';
import { assertMappingComplete, describeMapping } from '../../formats/mapping.ts';
import { type MappingFileInput, parseMappingFile } from '../../formats/mapping-file.ts';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { loadCreditorState, type StoreContext } from './claim-store.ts';
import { ErrorFile } from './error-file.ts';
import { createIdFactory } from './fast-ids.ts';
import { ImportBatcher } from './import-batcher.ts';
import type { ImportLocale, RowIssue, RowWarning } from './import-issues.ts';
import { type ImportSourceInput, openImport } from './import-source.ts';
import { postgresClaimStore } from './postgres-claim-store.ts';
import { RowHasher } from './row-hash.ts';
import { RowNormalizer } from './row-normalizer.ts';
import { sqliteClaimStore } from './sqlite-claim-store.ts';

export type ImportProgress = {
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
};

export type ImportClaimsInput = {
  /** The creditor's reference in the actor's tenant (`--creditor ACME`). */
  readonly creditorRef: string;
  readonly source: ImportSourceInput;
  /** What a person states about the file; overrides detection. Validated here. */
  readonly mapping?: MappingFileInput | undefined;
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
};

/** How the file was read: stored with the import, shown in the summary. */
export type ImportMappingView = {
  readonly columns: Readonly<Record<string, string | null>>;
  readonly dateOrder: string;
  readonly decimalSeparator: string;
  readonly currency: string;
  readonly debtorKind: DebtorKind | null;
  readonly delimiter: string | null;
  readonly encoding: string | null;
};

export type ImportSummary = {
  readonly importId: string;
  readonly creditorId: string;
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly totalRows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** The first 1,000 rejections (all of them are in `import_rejections` and the error file). */
  readonly rejections: readonly RowIssue[];
  /** Rows kept with something to look at (an invalid e-mail…): the count, and the first 1,000. */
  readonly warned: number;
  readonly warnings: readonly RowWarning[];
  readonly errorFile: string | null;
  readonly mapping: ImportMappingView;
  readonly durationMs: number;
};

/** SQLite page cache during an import, in KiB. */
const IMPORT_CACHE_KIB = 128 * 1024;

/** Rows written from which PostgreSQL's statistics are refreshed at the end of the import. */
const ANALYZE_AFTER = 10_000;

/** The name the CLI knows the summary by. */
export type ImportClaimsResult = ImportSummary;

/**
 * Imports a creditor's receivables from a CSV/XLSX file or from records: validates and normalises every
 * row, upserts debtors, contacts, cases and claims (a re-import of the same file changes nothing), and
 * records the import, its rejections and an audit entry. All in one transaction: a file that cannot be
 * read, or a failure midway, leaves the database as it was. Rejected rows also go to an error file.
 */
export async function importClaims(
  deps: Deps,
  actor: Actor,
  input: ImportClaimsInput,
): Promise<ImportSummary> {
  requirePermission(actor, 'imports:run');
  const startedAt = performance.now();
  const mappingFile = input.mapping === undefined ? undefined : parseMappingFile(input.mapping);
  const creditor = await findCreditor(deps, actor.tenantId, input.creditorRef);
  const locale = await tenantLocale(deps, actor.tenantId);
  const opened = await openImport(input.source, mappingFile);
  const importId = newId();
  let errorFile: ErrorFile | null = null;
  try {
    assertMappingComplete(opened.mapping, opened.fileLabel);
    const now = deps.clock.now();
    const currency = mappingFile?.currency ?? creditor.currency;
    const mappingView = (): ImportMappingView => ({
      columns: describeMapping(opened.mapping),
      dateOrder: opened.dateOrder,
      decimalSeparator: opened.decimalSeparator,
      currency,
      debtorKind: mappingFile?.debtorKind ?? null,
      delimiter: opened.table.delimiter,
      encoding: opened.table.encoding,
    });
    errorFile = new ErrorFile(
      await errorFileTarget(deps, input.source, importId),
      importId,
      opened.mapping.headers,
    );
    const normalizer = new RowNormalizer({
      columns: opened.mapping.columns,
      headers: opened.mapping.headers,
      dateOrder: opened.dateOrder,
      decimalSeparator: opened.decimalSeparator,
      defaultCurrency: currency,
      defaultDebtorKind: mappingFile?.debtorKind ?? null,
      locale,
    });
    const ctx: StoreContext = { tenantId: actor.tenantId, creditorId: creditor.id, importId, now };
    const invoiceColumn = opened.mapping.columns.invoice_number;
    const files = errorFile;

    const batcher = await deps.database.db.transaction().execute(async (trx) => {
      if (deps.database.raw.kind === 'postgres') {
        // One import at a time per creditor: two at once would race on the same invoice numbers.
        await sql`select pg_advisory_xact_lock(hashtext(${`import:${ctx.tenantId}:${ctx.creditorId}`}))`.execute(
          trx,
        );
      }
      await trx
        .insertInto('imports')
        .values({
          tenant_id: ctx.tenantId,
          import_id: importId,
          creditor_id: creditor.id,
          file_name: opened.fileName,
          format: opened.format,
          status: 'running',
          mapping: JSON.stringify(mappingView()),
          total_rows: 0,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejected: 0,
          created_by: actor.id,
          started_at: now,
        })
        .execute();
      const state = await loadCreditorState(trx, ctx.tenantId, creditor.id);
      const raw = deps.database.raw;
      const store = raw.kind === 'sqlite' ? sqliteClaimStore(raw.sqlite, ctx) : postgresClaimStore(trx, ctx);
      const restoreCache = raw.kind === 'sqlite' ? widenPageCache(raw.sqlite) : () => {};
      const work = new ImportBatcher({
        store,
        state,
        normalizer,
        hasher: new RowHasher(opened.mapping.columns, {
          dateOrder: opened.dateOrder,
          decimalSeparator: opened.decimalSeparator,
          currency,
          debtorKind: mappingFile?.debtorKind ?? null,
          professional: creditor.isProfessional,
        }),
        invoiceColumn: invoiceColumn ?? -1,
        errorFile: files,
        newId: createIdFactory(),
        creditorIsProfessional: creditor.isProfessional,
        locale,
        invoiceHeader:
          invoiceColumn === null ? 'invoice_number' : (opened.mapping.headers[invoiceColumn] ?? ''),
      });
      try {
        for await (const rows of opened.rows()) {
          await work.process(rows);
          input.onProgress?.({
            rowsRead: work.counts.totalRows,
            bytesRead: opened.table.bytesRead,
            totalBytes: opened.table.totalBytes,
          });
        }
      } catch (error) {
        // Writes still in flight must land before the rollback, or they would run after it, outside it.
        await store.flush().catch(() => {});
        restoreCache();
        throw error;
      }
      await work.finish();
      await store.flush();
      restoreCache();
      if (
        deps.database.raw.kind === 'postgres' &&
        work.counts.inserted + work.counts.updated >= ANALYZE_AFTER
      ) {
        // Fresh statistics, or the next queries on these tables are planned as if they were still small.
        await sql`analyze claims, cases, debtors, contacts`.execute(trx);
      }
      await refreshCases(trx, ctx.tenantId, work.touchedCases, now);
      const finishedAt = deps.clock.now();
      const counts = work.counts;
      await trx
        .updateTable('imports')
        .set({
          status: 'completed',
          mapping: JSON.stringify(mappingView()),
          total_rows: counts.totalRows,
          inserted: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          rejected: counts.rejected,
          error_file: counts.rejected > 0 ? files.target : null,
          finished_at: finishedAt,
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('import_id', '=', importId)
        .execute();
      await appendAudit(trx, {
        tenantId: ctx.tenantId,
        at: finishedAt,
        actor,
        action: 'claims.imported',
        entityKind: 'import',
        entityId: importId,
        data: { creditorId: creditor.id, fileName: opened.fileName, ...counts },
      });
      return work;
    });

    const written = await errorFile.commit();
    const c = batcher.counts;
    return {
      importId,
      creditorId: creditor.id,
      fileName: opened.fileName,
      format: opened.format,
      totalRows: c.totalRows,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      rejected: c.rejected,
      rejections: batcher.rejections,
      warned: c.warned,
      warnings: batcher.warnings,
      errorFile: written,
      mapping: mappingView(),
      durationMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    await errorFile?.discard();
    throw error;
  } finally {
    opened.close();
  }
}

/**
 * A bigger SQLite page cache while the import runs: the claims indexes are written in random order (by
 * case, by debtor) and a cache that holds them saves re-reading pages. Returns how to put it back.
 */
function widenPageCache(sqlite: BetterSqlite3.Database): () => void {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  return () => {
    sqlite.pragma(`cache_size = ${previous}`);
  };
}

type CreditorFacts = { readonly id: string; readonly currency: string; readonly isProfessional: boolean };

async function findCreditor(deps: Deps, tenantId: string, ref: string): Promise<CreditorFacts> {
  const creditors = await deps.database.db
    .selectFrom('creditors')
    .select(['creditor_id', 'ref', 'currency', 'is_professional'])
    .where('tenant_id', '=', tenantId)
    .orderBy('ref')
    .execute();
  const found =
    creditors.find((c) => c.ref === ref) ?? creditors.find((c) => c.ref.toLowerCase() === ref.toLowerCase());
  if (!found) {
    const known = creditors.map((c) => c.ref);
    throw new DomainError(
      'not_found',
      `No creditor "${ref}" in this tenant. ${known.length > 0 ? `Known creditors: ${known.join(', ')}.` : 'There is no creditor yet.'}`,
      { reason: 'creditor_not_found', creditorRef: ref, known },
    );
  }
  return { id: found.creditor_id, currency: found.currency, isProfessional: found.is_professional !== 0 };
}

async function tenantLocale(deps: Deps, tenantId: string): Promise<ImportLocale> {
  const tenant = await deps.database.db
    .selectFrom('tenants')
    .select('locale')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return tenant?.locale ?? 'fr';
}

/** Next to the input file when its folder is writable, else in the data folder. */
async function errorFileTarget(deps: Deps, source: ImportSourceInput, importId: string): Promise<string> {
  if (source.kind === 'file') {
    const writable = await access(dirname(source.path), constants.W_OK).then(
      () => true,
      () => false,
    );
    if (writable) return `${source.path}.errors.csv`;
  }
  return join(deps.dataDir, 'imports', `${importId}.errors.csv`);
}
