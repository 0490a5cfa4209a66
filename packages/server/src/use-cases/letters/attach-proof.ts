import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence, storeDocument } from '../evidence/journal.ts';
import { requireLetterAccess } from './letter-access.ts';

/** The media types a scanned or downloaded acknowledgement of receipt may have. */
export const proofMediaTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** Keeps the proof of a registered letter (the signed AR, a La Poste tracking PDF) and journals it. */
export async function attachProof(
  deps: Deps,
  actor: Actor,
  itemId: string,
  file: { readonly fileName: string; readonly mediaType: string; readonly content: Uint8Array },
): Promise<{ readonly documentId: string; readonly sha256: string }> {
  requireLetterAccess(actor, 'write');
  if (!(proofMediaTypes as readonly string[]).includes(file.mediaType))
    throw new DomainError('invalid_input', 'A proof is a PDF, PNG or JPEG file.', {
      reason: 'proof_media_type',
      mediaType: file.mediaType,
    });
  if (file.content.byteLength === 0)
    throw new DomainError('invalid_input', 'The proof file is empty.', { reason: 'proof_empty' });
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('postal_items')
      .select(['case_id', 'action_id', 'reference', 'status', 'tracking_number'])
      .where('tenant_id', '=', actor.tenantId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    if (!item) throw new DomainError('not_found', 'Letter not found.', { reason: 'postal_item_not_found' });
    const document = await storeDocument(trx, {
      tenantId: actor.tenantId,
      caseId: item.case_id,
      kind: 'proof',
      mediaType: file.mediaType,
      fileName: file.fileName,
      content: file.content,
      createdAt: now,
    });
    await trx
      .updateTable('postal_items')
      .set({ proof_document_id: document.documentId, updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('item_id', '=', itemId)
      .execute();
    await appendEvidence(trx, {
      tenantId: actor.tenantId,
      caseId: item.case_id,
      actionId: item.action_id,
      at: now,
      kind: 'proof_of_receipt',
      actor: `${actor.kind}:${actor.id}`,
      payload: {
        itemId,
        reference: item.reference,
        status: item.status,
        trackingNumber: item.tracking_number,
        proof: { fileName: file.fileName, mediaType: file.mediaType },
      },
      document: { documentId: document.documentId, sha256: document.sha256 },
    });
    return { documentId: document.documentId, sha256: document.sha256 };
  });
}
