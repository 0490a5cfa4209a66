import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readDocument } from '../evidence/journal.ts';

export type PrintBatchSummary = {
  readonly batchId: string;
  readonly on: string;
  readonly letters: number;
  readonly createdAt: string;
};

/** The tenant's print batches, the latest first. */
export async function listPrintBatches(
  deps: Deps,
  actor: Actor,
  options: { readonly limit?: number } = {},
): Promise<readonly PrintBatchSummary[]> {
  const rows = await deps.database.db
    .selectFrom('print_batches')
    .select(['batch_id', 'batch_on', 'letters', 'created_at'])
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('batch_id', 'desc')
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    batchId: r.batch_id,
    on: r.batch_on,
    letters: Number(r.letters),
    createdAt: r.created_at,
  }));
}

/** One file of a batch: the merged letters (PDF) or the manifest (CSV), as stored. */
export async function readPrintBatchFile(
  deps: Deps,
  actor: Actor,
  batchId: string,
  file: 'letters' | 'manifest',
): Promise<{ readonly fileName: string; readonly mediaType: string; readonly content: Buffer }> {
  const batch = await deps.database.db
    .selectFrom('print_batches')
    .select(['pdf_document_id', 'manifest_document_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  const documentId = file === 'letters' ? batch?.pdf_document_id : batch?.manifest_document_id;
  const document = documentId ? await readDocument(deps.database.db, actor.tenantId, documentId) : null;
  if (!document)
    throw new DomainError('not_found', 'Print batch not found.', { reason: 'print_batch_not_found' });
  return document;
}
