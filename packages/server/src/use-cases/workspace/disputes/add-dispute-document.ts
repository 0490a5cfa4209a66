import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence, storeDocument } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type DisputeView, loadDisputeViews } from './dispute-view.ts';
import { findDispute } from './find-dispute.ts';

/** Largest file kept with a dispute: a scanned invoice or a photo, not an archive. */
export const MAX_DISPUTE_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Keeps a supporting document (the debtor's letter, a delivery note, a photo) with a dispute, journaled. */
export async function addDisputeDocument(
  deps: Deps,
  actor: Actor,
  disputeId: string,
  file: { readonly fileName: string; readonly mediaType: string; readonly content: Uint8Array },
): Promise<DisputeView> {
  const scope = readScope(actor, 'cases:act');
  if (file.content.byteLength === 0 || file.content.byteLength > MAX_DISPUTE_DOCUMENT_BYTES) {
    throw new DomainError('invalid_input', 'The file is empty or too large.', {
      reason: 'dispute_document_size',
      maxBytes: MAX_DISPUTE_DOCUMENT_BYTES,
    });
  }
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const dispute = await findDispute(trx, scope, disputeId);
    const stored = await storeDocument(trx, {
      tenantId: scope.tenantId,
      caseId: dispute.case_id,
      kind: 'dispute_document',
      mediaType: file.mediaType,
      fileName: file.fileName,
      content: file.content,
      createdAt: now,
    });
    await trx
      .insertInto('dispute_documents')
      .values({
        tenant_id: scope.tenantId,
        dispute_id: disputeId,
        document_id: stored.documentId,
        added_by: `user:${actor.id}`,
        added_at: now,
      })
      .execute();
    await appendEvidence(trx, {
      tenantId: scope.tenantId,
      caseId: dispute.case_id,
      at: now,
      kind: 'document_added',
      actor: `user:${actor.id}`,
      payload: { disputeId, fileName: file.fileName, mediaType: file.mediaType, size: stored.size },
      document: { documentId: stored.documentId, sha256: stored.sha256 },
    });
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'dispute.document',
      entityKind: 'dispute',
      entityId: disputeId,
      data: { documentId: stored.documentId, fileName: file.fileName },
    });
    const [view] = await loadDisputeViews(trx, scope.tenantId, [disputeId]);
    if (!view) throw new Error('The dispute is missing.');
    return view;
  });
}
