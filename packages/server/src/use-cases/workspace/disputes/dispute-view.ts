import type { Transaction } from 'kysely';
import type { Database, Db, DisputeResolution, DisputeStatus } from '../../../db/schema.ts';

type Reader = Db | Transaction<Database>;

export type DisputeView = {
  readonly id: string;
  readonly caseId: string;
  readonly status: DisputeStatus;
  readonly reason: string;
  readonly description: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly claims: readonly {
    readonly claimId: string;
    readonly invoiceNumber: string;
    readonly amountMinor: number;
  }[];
  readonly ownerId: string | null;
  readonly deadlineOn: string | null;
  readonly documents: readonly {
    readonly documentId: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly size: number;
    readonly addedBy: string;
    readonly addedAt: string;
  }[];
  readonly openedVia: string;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly resolution: DisputeResolution | null;
  readonly resolutionMinor: number | null;
  readonly resolutionNote: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
};

/** Disputes with their claims and documents, in the order of `ids`; a client sees only its creditor's. */
export async function loadDisputeViews(
  db: Reader,
  tenantId: string,
  ids: readonly string[],
): Promise<DisputeView[]> {
  if (ids.length === 0) return [];
  const [rows, claims, documents] = await Promise.all([
    db
      .selectFrom('disputes')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('dispute_id', 'in', ids)
      .execute(),
    db
      .selectFrom('dispute_claims as dc')
      .innerJoin('claims as c', (j) =>
        j.onRef('c.tenant_id', '=', 'dc.tenant_id').onRef('c.claim_id', '=', 'dc.claim_id'),
      )
      .select(['dc.dispute_id', 'dc.claim_id', 'c.invoice_number', 'dc.amount_minor'])
      .where('dc.tenant_id', '=', tenantId)
      .where('dc.dispute_id', 'in', ids)
      .orderBy('c.invoice_number')
      .execute(),
    db
      .selectFrom('dispute_documents as dd')
      .innerJoin('documents as d', (j) =>
        j.onRef('d.tenant_id', '=', 'dd.tenant_id').onRef('d.document_id', '=', 'dd.document_id'),
      )
      .select([
        'dd.dispute_id',
        'dd.document_id',
        'd.file_name',
        'd.media_type',
        'd.size',
        'dd.added_by',
        'dd.added_at',
      ])
      .where('dd.tenant_id', '=', tenantId)
      .where('dd.dispute_id', 'in', ids)
      .orderBy('dd.added_at')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.dispute_id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.dispute_id,
        caseId: r.case_id,
        status: r.status,
        reason: r.reason,
        description: r.description,
        amountMinor: Number(r.amount_minor),
        currency: r.currency,
        claims: claims
          .filter((c) => c.dispute_id === id)
          .map((c) => ({
            claimId: c.claim_id,
            invoiceNumber: c.invoice_number,
            amountMinor: Number(c.amount_minor),
          })),
        ownerId: r.owner_id,
        deadlineOn: r.deadline_on,
        documents: documents
          .filter((d) => d.dispute_id === id)
          .map((d) => ({
            documentId: d.document_id,
            fileName: d.file_name,
            mediaType: d.media_type,
            size: Number(d.size),
            addedBy: d.added_by,
            addedAt: d.added_at,
          })),
        openedVia: r.opened_via,
        openedBy: r.opened_by,
        openedAt: r.created_at,
        resolution: r.resolution,
        resolutionMinor: r.resolution_minor === null ? null : Number(r.resolution_minor),
        resolutionNote: r.resolution_note,
        resolvedBy: r.resolved_by,
        resolvedAt: r.resolved_at,
      },
    ];
  });
}
