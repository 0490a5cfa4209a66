import type { PostalKind, PostalStatus } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requireLetterAccess } from './letter-access.ts';

export type PostalItemView = {
  readonly itemId: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly kind: PostalKind;
  readonly reference: string;
  readonly status: PostalStatus;
  readonly statusOn: string | null;
  readonly trackingNumber: string | null;
  readonly batchId: string | null;
  readonly documentId: string;
  readonly proofDocumentId: string | null;
  readonly createdAt: string;
};

/** The tenant's letters, the latest first, by case and status. */
export async function listPostalItems(
  deps: Deps,
  actor: Actor,
  filter: { readonly caseId?: string; readonly status?: PostalStatus; readonly limit?: number },
): Promise<readonly PostalItemView[]> {
  requireLetterAccess(actor, 'read');
  let query = deps.database.db
    .selectFrom('postal_items as p')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'p.item_id',
      'p.case_id',
      'd.name as debtor_name',
      'p.kind',
      'p.reference',
      'p.status',
      'p.status_on',
      'p.tracking_number',
      'p.batch_id',
      'p.document_id',
      'p.proof_document_id',
      'p.created_at',
    ])
    .where('p.tenant_id', '=', actor.tenantId)
    .orderBy('p.reference', 'desc')
    .limit(filter.limit ?? 500);
  if (filter.caseId) query = query.where('p.case_id', '=', filter.caseId);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  const rows = await query.execute();
  return rows.map((r) => ({
    itemId: r.item_id,
    caseId: r.case_id,
    debtorName: r.debtor_name,
    kind: r.kind,
    reference: r.reference,
    status: r.status,
    statusOn: r.status_on,
    trackingNumber: r.tracking_number,
    batchId: r.batch_id,
    documentId: r.document_id,
    proofDocumentId: r.proof_document_id,
    createdAt: r.created_at,
  }));
}
