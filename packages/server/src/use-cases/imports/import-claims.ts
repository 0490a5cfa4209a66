import { compactFigures } from '../../db/figures/compact-figures.ts';
import { newId } from '../../db/ids.ts';
import type { DebtorKind } from '../../db/schema.ts';
import { assertMappingComplete, describeMapping } from '../../formats/mapping.ts';
import { type MappingFileInput, parseMappingFile } from '../../formats/mapping-file.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimImportPermission, requirePermission } from '../access/permissions.ts';
import { creditorOfImport } from './creditor-of-import.ts';
import { ErrorFile } from './error-file.ts';
import { type CreditorFacts, errorFileTarget, tenantLocale } from './import-context.ts';
import type { ImportLocale, RowIssue, RowWarning } from './import-issues.ts';
import { type ImportRun, runImport } from './import-run.ts';
import { type ImportSourceInput, type OpenedImport, openImport } from './import-source.ts';
import { inImportTransaction } from './import-transaction.ts';
import { RowHasher } from './row-hash.ts';
import { RowNormalizer } from './row-normalizer.ts';

export type ImportProgress = {
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
};

export type ImportClaimsInput = {
  /** The creditor's reference in the actor's tenant (`--creditor ACME`); a client's own when it names none. */
  readonly creditorRef: string | undefined;
  readonly source: ImportSourceInput;
  /** What a person states about the file; overrides detection. Validated here. */
  readonly mapping?: MappingFileInput | undefined;
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
  /**
   * From how many rows an import into a small table drops the claims indexes and builds them after the
   * load (default `BULK_LOAD_MIN_ROWS`; tests lower it to take that path with a few rows).
   */
  readonly bulkLoadMinRows?: number | undefined;
  /** The placement (batch handed over to an agency) the new claims go into; an agency's of the day by default. */
  readonly placement?: string | undefined;
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
  /** The placement the new claims went into (agency mode), else null. */
  readonly placementId: string | null;
};

type RunParts = {
  readonly deps: Deps;
  readonly actor: Actor;
  readonly opened: OpenedImport;
  readonly creditor: CreditorFacts;
  readonly locale: ImportLocale;
  readonly importId: string;
  readonly errorFile: ErrorFile;
  readonly currency: string;
  readonly debtorKind: DebtorKind | null;
  readonly expectedRows: number;
  readonly bulkLoadMinRows: number | undefined;
};

/** How every row will be read (mapping, detected formats, defaults), bound together for the run. */
function prepareRun(p: RunParts): Omit<ImportRun, 'mappingJson'> & { onProgress: ImportRun['onProgress'] } {
  const { opened } = p;
  const reading = {
    dateOrder: opened.dateOrder,
    decimalSeparator: opened.decimalSeparator,
    currency: p.currency,
    debtorKind: p.debtorKind,
  };
  return {
    deps: p.deps,
    actor: p.actor,
    ctx: {
      tenantId: p.actor.tenantId,
      creditorId: p.creditor.id,
      importId: p.importId,
      now: p.deps.clock.now(),
    },
    opened,
    normalizer: new RowNormalizer({
      columns: opened.mapping.columns,
      headers: opened.mapping.headers,
      dateOrder: opened.dateOrder,
      decimalSeparator: opened.decimalSeparator,
      defaultCurrency: p.currency,
      defaultDebtorKind: p.debtorKind,
      locale: p.locale,
      creditor: p.creditor,
    }),
    hasher: new RowHasher(opened.mapping.columns, { ...reading, professional: p.creditor.isProfessional }),
    errorFile: p.errorFile,
    creditorIsProfessional: p.creditor.isProfessional,
    locale: p.locale,
    expectedRows: p.expectedRows,
    bulkLoadMinRows: p.bulkLoadMinRows,
    onProgress: undefined,
  };
}

/** How many rows the source holds: counted for records, estimated for a file from the rows read so far. */
function expectedRows(source: ImportSourceInput, opened: OpenedImport): number {
  if (source.kind === 'rows') return source.rows.length;
  const { totalBytes, bytesRead } = opened.table;
  const sampled = opened.sample.length;
  if (totalBytes === null || bytesRead <= 0 || bytesRead >= totalBytes) return sampled;
  return Math.round((sampled * totalBytes) / bytesRead);
}

/** The name the CLI knows the summary by. */
export type ImportClaimsResult = ImportSummary;

/**
 * Imports a creditor's receivables from a CSV/XLSX file or from records: validates and normalises every
 * row, upserts debtors, contacts, cases and claims (a re-import of the same file changes nothing), and
 * records the import, its rejections and an audit entry. All in one transaction: a file that cannot be
 * read, or a failure midway, leaves the database as it was. Rejected rows also go to an error file.
 * On SQLite the transaction holds the single connection: other queries of the process wait for the end
 * of the import (a million rows: about a minute on two cores).
 */
export async function importClaims(
  deps: Deps,
  actor: Actor,
  input: ImportClaimsInput,
): Promise<ImportSummary> {
  requirePermission(actor, claimImportPermission(actor, 'run'));
  const startedAt = performance.now();
  const mappingFile = input.mapping === undefined ? undefined : parseMappingFile(input.mapping);
  const creditor = await creditorOfImport(deps, actor, input.creditorRef);
  const locale = await tenantLocale(deps, actor.tenantId);
  const opened = await openImport(input.source, mappingFile);
  const importId = newId();
  let errorFile: ErrorFile | null = null;
  try {
    assertMappingComplete(opened.mapping, opened.fileLabel);
    const currency = mappingFile?.currency ?? creditor.currency;
    const debtorKind = mappingFile?.debtorKind ?? null;
    const mapping: ImportMappingView = {
      columns: describeMapping(opened.mapping),
      dateOrder: opened.dateOrder,
      decimalSeparator: opened.decimalSeparator,
      currency,
      debtorKind,
      delimiter: opened.table.delimiter,
      // Read at the end: a file that looked UTF-8 may have turned out to be Windows-1252.
      get encoding() {
        return opened.table.encoding;
      },
    };
    errorFile = new ErrorFile(
      await errorFileTarget(deps, input.source, importId),
      importId,
      opened.mapping.headers,
    );
    const run = prepareRun({
      deps,
      actor,
      opened,
      creditor,
      locale,
      importId,
      errorFile,
      currency,
      debtorKind,
      expectedRows: expectedRows(input.source, opened),
      bulkLoadMinRows: input.bulkLoadMinRows,
    });
    const onProgress = input.onProgress;
    if (onProgress) {
      run.onProgress = (rowsRead) =>
        onProgress({ rowsRead, bytesRead: opened.table.bytesRead, totalBytes: opened.table.totalBytes });
    }
    const work = await inImportTransaction(deps.database, (trx, pgClient) =>
      runImport(
        trx,
        { ...run, mappingJson: () => JSON.stringify(mapping), placement: input.placement },
        pgClient,
      ),
    );
    const written = await errorFile.commit();
    const c = work.counts;
    // The dashboards read the import's changes at once either way; folding them now keeps those reads short.
    if (c.inserted + c.updated > 0)
      await compactFigures(deps.database.db, deps.database.dialect, actor.tenantId);
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
      rejections: work.rejections,
      warned: c.warned,
      warnings: work.warnings,
      errorFile: written,
      mapping: { ...mapping, encoding: opened.table.encoding },
      durationMs: Math.round(performance.now() - startedAt),
      placementId: await placementOfImport(deps, actor.tenantId, importId),
    };
  } catch (error) {
    await errorFile?.discard();
    throw error;
  } finally {
    opened.close();
  }
}

/** The placement an import put its new claims in (written by the import's transaction). */
async function placementOfImport(deps: Deps, tenantId: string, importId: string): Promise<string | null> {
  const row = await deps.database.db
    .selectFrom('imports')
    .select('placement_id')
    .where('tenant_id', '=', tenantId)
    .where('import_id', '=', importId)
    .executeTakeFirst();
  return row?.placement_id ?? null;
}
