import { DomainError } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { storeDocument } from '../evidence/journal.ts';
import { MAX_DISPUTE_DOCUMENT_BYTES } from '../workspace/disputes/add-dispute-document.ts';
import type { DisputeReason } from '../workspace/disputes/dispute-texts.ts';
import { openDebtorDispute } from '../workspace/disputes/open-dispute.ts';
import { DEBTOR, journalDebtorAction } from './debtor-actor.ts';
import { checkPortalAccess, withPortalAccess } from './portal-access.ts';

export type PortalDispute = { readonly id: string; readonly amountMinor: number; readonly currency: string };

/**
 * The debtor contests some invoices of the case: the same dispute an agent opens (the invoices leave the ladder
 * at once, a written acknowledgement goes out), opened by the debtor. The disputed amount is what is still
 * asked of each invoice.
 */
export async function disputeFromPortal(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  input: {
    readonly reason: DisputeReason;
    readonly description?: string | undefined;
    readonly claimIds: readonly string[];
  },
): Promise<PortalDispute> {
  const access = await checkPortalAccess(deps, key, cookie);
  const view = await openDebtorDispute(deps, access.tenantId, access.caseId, {
    reason: input.reason,
    description: input.description,
    claims: input.claimIds.map((claimId) => ({ claimId })),
  });
  return { id: view.id, amountMinor: view.amountMinor, currency: view.currency };
}

/**
 * A document the debtor sends for an open dispute of this case (an invoice, a delivery note, a photo): kept
 * with the dispute and journaled, like an agent's.
 */
export function addPortalDisputeDocument(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  disputeId: string,
  file: { readonly fileName: string; readonly mediaType: string; readonly content: Uint8Array },
): Promise<{ readonly documentId: string; readonly fileName: string; readonly size: number }> {
  if (file.content.byteLength === 0 || file.content.byteLength > MAX_DISPUTE_DOCUMENT_BYTES) {
    throw new DomainError('invalid_input', 'The file is empty or too large.', {
      reason: 'dispute_document_size',
      maxBytes: MAX_DISPUTE_DOCUMENT_BYTES,
    });
  }
  const now = deps.clock.now();
  return withPortalAccess(deps, key, cookie, async (trx, access) => {
    const dispute = await trx
      .selectFrom('disputes')
      .select('status')
      .where('tenant_id', '=', access.tenantId)
      .where('case_id', '=', access.caseId)
      .where('dispute_id', '=', disputeId)
      .executeTakeFirst();
    if (!dispute) throw new DomainError('not_found', 'Dispute not found.', { reason: 'dispute_not_found' });
    if (dispute.status !== 'open') {
      throw new DomainError('conflict', 'This dispute is closed.', { reason: 'dispute_not_open' });
    }
    const stored = await storeDocument(trx, {
      tenantId: access.tenantId,
      caseId: access.caseId,
      kind: 'dispute_document',
      mediaType: file.mediaType,
      fileName: file.fileName,
      content: file.content,
      createdAt: now,
    });
    await trx
      .insertInto('dispute_documents')
      .values({
        tenant_id: access.tenantId,
        dispute_id: disputeId,
        document_id: stored.documentId,
        added_by: DEBTOR,
        added_at: now,
      })
      .execute();
    await journalDebtorAction(trx, {
      tenantId: access.tenantId,
      caseId: access.caseId,
      at: now,
      kind: 'document_added',
      action: 'dispute.document',
      entityKind: 'dispute',
      entityId: disputeId,
      payload: { disputeId, fileName: file.fileName, mediaType: file.mediaType, size: stored.size },
      document: { documentId: stored.documentId, sha256: stored.sha256 },
    });
    return { documentId: stored.documentId, fileName: file.fileName, size: stored.size };
  });
}
