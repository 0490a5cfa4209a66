import { DomainError, type LineReason, type MatchCandidate } from '@relance/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { StatementMatchStatus } from '../../../db/schema-payments.ts';
import { readStatementFile } from '../../../formats/statements/read-statement.ts';
import type { StatementFile, StatementFormat } from '../../../formats/statements/statement-model.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';
import { bookStatementLines } from './book-statement-lines.ts';
import { candidatesOf } from './line-payment.ts';
import { chunks } from './match-lookup.ts';
import { recordStatementImport } from './record-statement-import.ts';
import { statementDrafts } from './statement-drafts.ts';

export type ImportStatementInput = { readonly fileName: string; readonly bytes: Uint8Array };

/** Where a line of the file stands after the import. */
export type StatementLineOutcome = {
  readonly lineId: string;
  /** False when the line was already imported before (by this file or an overlapping one). */
  readonly isNew: boolean;
  readonly status: StatementMatchStatus;
  readonly caseId: string | null;
  readonly confidence: number | null;
  readonly reason: LineReason | null;
  readonly candidates: readonly MatchCandidate[];
  readonly paymentId: string | null;
};

export type StatementStatusCounts = Readonly<Record<StatementMatchStatus, number>>;

export type ImportStatementResult = {
  /** Null when every line was already known: nothing was written. */
  readonly importId: string | null;
  readonly fileName: string;
  readonly format: StatementFormat;
  readonly version: string | null;
  readonly lineCount: number;
  readonly newCount: number;
  readonly knownCount: number;
  /** The file's lines by where they stand now (new and known alike). */
  readonly statuses: StatementStatusCounts;
  /** Payments booked and reversed by this run (lines left by an interrupted import included). */
  readonly booked: number;
  readonly reversed: number;
  readonly warningCount: number;
  readonly durationMs: number;
  readonly file: StatementFile;
  /** By fingerprint (a transaction's, or an entry's when it has no transaction details). */
  readonly lines: ReadonlyMap<string, StatementLineOutcome>;
};

/**
 * Imports a bank statement (CAMT.053, CAMT.054, CFONB 120; the format read from the content): an
 * unreadable file is refused with its reason and nothing is written. Then the lines not seen before are
 * recorded and matched in one transaction (`recordStatementImport`), and what matched is booked, what is
 * returned reversed (`bookStatementLines`). Importing the same file again finds every line known and
 * changes nothing.
 */
export async function importStatement(
  deps: Deps,
  actor: Actor,
  input: ImportStatementInput,
): Promise<ImportStatementResult> {
  requirePermission(actor, 'imports:run');
  requirePermission(actor, 'cases:act');
  const started = performance.now();
  const file = readFile(input);
  const drafts = statementDrafts(file);
  const recorded = await recordStatementImport(deps, actor, { ...input, file, drafts });
  const booked = await bookStatementLines(deps, actor.tenantId);
  const lines = await outcomes(
    deps.database.db,
    actor.tenantId,
    drafts.map((d) => d.fingerprint),
    recorded.newFingerprints,
  );
  const statuses = countStatuses(lines.values());
  if (recorded.importId !== null) await finalCounts(deps, actor.tenantId, recorded.importId);
  return {
    importId: recorded.importId,
    fileName: input.fileName,
    format: file.format,
    version: file.version,
    lineCount: drafts.length,
    newCount: recorded.newCount,
    knownCount: drafts.length - recorded.newCount,
    statuses,
    booked: booked.booked,
    reversed: booked.reversed,
    warningCount: file.warnings.length,
    durationMs: Math.round(performance.now() - started),
    file,
    lines,
  };
}

/**
 * The reader's refusal, kept whole (its reason becomes `cause`), with its words in both languages for the
 * edges: nothing has been written.
 */
function readFile(input: ImportStatementInput): StatementFile {
  try {
    return readStatementFile(input.bytes, { fileLabel: input.fileName });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'import_unreadable') throw error;
    throw new DomainError('import_unreadable', error.message, {
      ...error.details,
      reason: 'statement_unreadable',
      cause: error.details?.reason ?? null,
      en: error.message,
    });
  }
}

async function outcomes(
  db: Kysely<Database>,
  tenantId: string,
  fingerprints: readonly string[],
  fresh: ReadonlySet<string>,
): Promise<ReadonlyMap<string, StatementLineOutcome>> {
  const out = new Map<string, StatementLineOutcome>();
  for (const part of chunks(fingerprints)) {
    const rows = await db
      .selectFrom('statement_lines')
      .select([
        'line_id',
        'fingerprint',
        'match_status',
        'case_id',
        'confidence',
        'match_reason',
        'candidates',
        'payment_id',
      ])
      .where('tenant_id', '=', tenantId)
      .where('fingerprint', 'in', part)
      .execute();
    for (const r of rows) {
      out.set(r.fingerprint, {
        lineId: r.line_id,
        isNew: fresh.has(r.fingerprint),
        status: r.match_status,
        caseId: r.case_id,
        confidence: r.confidence === null ? null : Number(r.confidence),
        reason: r.match_reason === null ? null : (JSON.parse(r.match_reason) as LineReason),
        candidates: candidatesOf(r),
        paymentId: r.payment_id,
      });
    }
  }
  return out;
}

export function countStatuses(
  lines: Iterable<{ readonly status: StatementMatchStatus }>,
): StatementStatusCounts {
  const counts = { matched: 0, review: 0, ambiguous: 0, unmatched: 0, ignored: 0, reversal: 0 };
  for (const l of lines) counts[l.status] += 1;
  return counts;
}

/** The import's counts once its lines are booked: a refused booking moved a line from matched to review. */
async function finalCounts(deps: Deps, tenantId: string, importId: string): Promise<void> {
  const rows = await deps.database.db
    .selectFrom('statement_lines')
    .select(['match_status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('statement_import_id', '=', importId)
    .groupBy('match_status')
    .execute();
  const n = (statuses: readonly string[]) =>
    rows.filter((r) => statuses.includes(r.match_status)).reduce((sum, r) => sum + Number(r.n), 0);
  await deps.database.db
    .updateTable('statement_imports')
    .set({ matched_count: n(['matched']), review_count: n(['review', 'ambiguous']) })
    .where('tenant_id', '=', tenantId)
    .where('statement_import_id', '=', importId)
    .execute();
}
