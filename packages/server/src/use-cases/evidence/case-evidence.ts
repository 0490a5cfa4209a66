import { DomainError } from '@relance/core';
import type { Db, Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readScope } from '../portfolio/scope.ts';
import { kindName } from './evidence-words.ts';
import { readDocument } from './journal.ts';
import { sealIfQueued } from './journal-queue.ts';
import { summarizeEntry } from './summarize-entry.ts';
import { type EvidenceReport, verifyEvidence } from './verify-evidence.ts';

export type TimelineEntry = {
  readonly seq: number;
  readonly entryId: string;
  readonly at: string;
  readonly kind: string;
  readonly kindName: string;
  readonly actor: string;
  readonly summary: string;
  readonly payload: unknown;
  readonly hash: string;
  readonly document: {
    readonly documentId: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly sha256: string;
  } | null;
};

/** The case, if the actor may see it (a client: only its creditor's); otherwise not found. */
export async function findVisibleCase(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ readonly tenantId: string; readonly caseId: string }> {
  const scope = readScope(actor);
  const found = await db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return { tenantId: scope.tenantId, caseId };
}

/** Every evidence entry of a case, in journal order, each summed up in the reader's language. */
export async function listCaseEvidence(
  deps: Deps,
  actor: Actor,
  caseId: string,
  locale: Locale,
  /** The reader's IANA zone: the instants the summaries tell are written in it, named. */
  timeZone = 'UTC',
): Promise<readonly TimelineEntry[]> {
  const db = deps.database.db;
  const found = await findVisibleCase(db, actor, caseId);
  return caseTimeline(db, found.tenantId, caseId, locale, timeZone);
}

/** The case's entries with their documents' names (no access check: for the export and the callers above). */
export async function caseTimeline(
  db: Db,
  tenantId: string,
  caseId: string,
  locale: Locale,
  timeZone = 'UTC',
): Promise<readonly TimelineEntry[]> {
  await sealIfQueued(db, tenantId);
  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('documents as d', (j) =>
      j.onRef('d.tenant_id', '=', 'e.tenant_id').onRef('d.document_id', '=', 'e.document_id'),
    )
    .select([
      'e.seq',
      'e.entry_id',
      'e.at',
      'e.kind',
      'e.actor',
      'e.payload',
      'e.hash',
      'e.document_id',
      'e.document_sha256',
      'd.file_name',
      'd.media_type',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => {
    const payload = parsePayload(r.payload);
    return {
      seq: Number(r.seq),
      entryId: r.entry_id,
      at: r.at,
      kind: r.kind,
      kindName: kindName(r.kind, locale),
      actor: r.actor,
      summary: summarizeEntry(r.kind, payload, locale, timeZone),
      payload,
      hash: r.hash,
      document:
        r.document_id === null
          ? null
          : {
              documentId: r.document_id,
              fileName: r.file_name ?? r.document_id,
              mediaType: r.media_type ?? 'application/octet-stream',
              sha256: r.document_sha256 ?? '',
            },
    };
  });
}

function parsePayload(text: string): Readonly<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { text };
  }
}

/** A stored document, if the actor may see its case (documents without a case: staff only). */
export async function downloadDocument(
  deps: Deps,
  actor: Actor,
  documentId: string,
): Promise<{ readonly fileName: string; readonly mediaType: string; readonly content: Buffer }> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const row = await db
    .selectFrom('documents')
    .select(['case_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  const notFound = () =>
    new DomainError('not_found', 'Document not found.', { reason: 'document_not_found' });
  if (!row) throw notFound();
  if (scope.creditorId !== null) {
    if (row.case_id === null) throw notFound();
    await findVisibleCase(db, actor, row.case_id).catch(() => {
      throw notFound();
    });
  }
  const document = await readDocument(db, scope.tenantId, documentId);
  if (!document) throw notFound();
  return document;
}

/** The chain check, for an administrator or a supervisor of the tenant. */
export async function checkEvidence(deps: Deps, actor: Actor): Promise<EvidenceReport> {
  if (actor.role !== 'admin' && actor.role !== 'supervisor') {
    throw new DomainError('forbidden', 'You are not allowed to do this.', { reason: 'forbidden' });
  }
  return verifyEvidence(deps.database.db, actor.tenantId);
}
