import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import type { StatementFile } from '../../../formats/statements/statement-model.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { type Decided, decideLines, type LineDecision } from './decide-lines.ts';
import { chunks } from './match-lookup.ts';
import type { LineDraft } from './statement-drafts.ts';
import { insertStatementLines, type NewLine } from './statement-line-rows.ts';

type Trx = Transaction<Database>;

export type RecordedImport = {
  /** Null when every line was already known: nothing was written. */
  readonly importId: string | null;
  readonly lineCount: number;
  readonly newCount: number;
  /** The fingerprints of the lines written now. */
  readonly newFingerprints: ReadonlySet<string>;
};

/**
 * The first step of an import, in one transaction: the lines not seen before (by fingerprint, unique per
 * tenant), each with its decision — matched, to review, ambiguous, unmatched, set aside, or a reversal to
 * find — the import's row and its audit entry. A file whose lines are all known writes nothing.
 */
export async function recordStatementImport(
  deps: Deps,
  actor: Actor,
  input: {
    readonly fileName: string;
    readonly bytes: Uint8Array;
    readonly file: StatementFile;
    readonly drafts: readonly LineDraft[];
  },
): Promise<RecordedImport> {
  const { tenantId } = actor;
  return deps.database.db.transaction().execute(async (trx) => {
    const known = await knownFingerprints(
      trx,
      tenantId,
      input.drafts.map((d) => d.fingerprint),
    );
    const fresh = input.drafts.filter((d) => !known.has(d.fingerprint));
    const none = {
      importId: null,
      lineCount: input.drafts.length,
      newCount: 0,
      newFingerprints: new Set<string>(),
    };
    if (fresh.length === 0) return none;
    const decided = await decideLines(trx, tenantId, fresh);
    const importId = newId();
    const now = deps.clock.now();
    const lines = fresh.map((draft) => ({ lineId: newId(), draft, decision: decisionOf(decided, draft) }));
    const inserted = await insertStatementLines(trx, tenantId, importId, now, lines);
    if (inserted.size === 0) return none;
    await setAside(trx, tenantId, decided.superseded, importId, now);
    const written = lines.filter((l) => inserted.has(l.draft.fingerprint));
    const counts = countOf(written);
    await trx
      .insertInto('statement_imports')
      .values({
        tenant_id: tenantId,
        statement_import_id: importId,
        file_name: input.fileName,
        file_sha256: createHash('sha256').update(input.bytes).digest('hex'),
        format: input.file.format,
        version: input.file.version,
        message_id: input.file.messageId,
        line_count: input.drafts.length,
        new_count: written.length,
        matched_count: counts.matched,
        review_count: counts.review,
        warnings: input.file.warnings.length > 0 ? JSON.stringify(input.file.warnings) : null,
        imported_by: `${actor.kind}:${actor.id}`,
        imported_at: now,
      })
      .execute();
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor,
      action: 'statement.import',
      entityKind: 'statement_import',
      entityId: importId,
      data: {
        fileName: input.fileName,
        format: input.file.format,
        lines: input.drafts.length,
        new: written.length,
        ...counts,
        setAside: decided.superseded.length,
      },
    });
    return { importId, lineCount: input.drafts.length, newCount: written.length, newFingerprints: inserted };
  });
}

function decisionOf(decided: Decided, draft: LineDraft): LineDecision {
  const decision = decided.decisions.get(draft.fingerprint);
  if (!decision) throw new Error(`No decision for line ${draft.fingerprint}`);
  return decision;
}

async function knownFingerprints(trx: Trx, tenantId: string, fingerprints: readonly string[]) {
  const known = new Set<string>();
  for (const part of chunks(fingerprints)) {
    const rows = await trx
      .selectFrom('statement_lines')
      .select('fingerprint')
      .where('tenant_id', '=', tenantId)
      .where('fingerprint', 'in', part)
      .execute();
    for (const r of rows) known.add(r.fingerprint);
  }
  return known;
}

/** Lines of an earlier record of a booking that this import details: set aside, each saying by which import. */
async function setAside(
  trx: Trx,
  tenantId: string,
  lineIds: readonly string[],
  importId: string,
  now: string,
) {
  for (const part of chunks(lineIds)) {
    await trx
      .updateTable('statement_lines')
      .set({
        match_status: 'ignored',
        match_reason: JSON.stringify({ code: 'detailed_elsewhere', importId }),
        resolved_at: now,
      })
      .where('tenant_id', '=', tenantId)
      .where('line_id', 'in', part)
      .where('match_status', 'in', ['review', 'ambiguous', 'unmatched'])
      .execute();
  }
}

function countOf(lines: readonly NewLine[]) {
  const by = (statuses: readonly string[]) =>
    lines.filter((l) => statuses.includes(l.decision.status)).length;
  return {
    matched: by(['matched']),
    review: by(['review', 'ambiguous']),
    unmatched: by(['unmatched']),
    ignored: by(['ignored']),
    reversals: by(['reversal']),
  };
}
