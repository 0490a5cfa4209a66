import type { Db } from '../../db/schema.ts';
import type { Scope } from './scope.ts';

/** The scoped claims joined with their debtor and creditor. */
export function scopedClaims(db: Db, scope: Scope) {
  let query = db
    .selectFrom('claims as cl')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'cl.tenant_id').onRef('d.debtor_id', '=', 'cl.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'cl.tenant_id').onRef('cr.creditor_id', '=', 'cl.creditor_id'),
    )
    .where('cl.tenant_id', '=', scope.tenantId);
  if (scope.creditorId !== null) query = query.where('cl.creditor_id', '=', scope.creditorId);
  return query;
}

export const claimWithPartiesColumns = [
  'cl.claim_id',
  'cl.case_id',
  'cl.creditor_id',
  'cl.debtor_id',
  'cl.invoice_number',
  'cl.issue_date',
  'cl.due_date',
  'cl.amount_minor',
  'cl.outstanding_minor',
  'cl.disputed_minor',
  'cl.currency',
  'cl.status',
  'cl.dispute_reason',
  'cl.prescription_basis',
  'cl.prescription_end',
  'cl.external_ref',
  'cl.description',
  'cl.import_id',
  'cl.created_at',
  'cl.updated_at',
  'd.ref as debtor_ref',
  'd.name as debtor_name',
  'd.kind as debtor_kind',
  'cr.ref as creditor_ref',
  'cr.name as creditor_name',
] as const;
