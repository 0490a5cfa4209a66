import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';
import type { Scope } from '../../portfolio/scope.ts';

/** A dispute of the caller's tenant (and creditor, for a client), or `not_found`. */
export async function findDispute(db: Db | Transaction<Database>, scope: Scope, disputeId: string) {
  const found = await db
    .selectFrom('disputes as d')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.case_id', '=', 'd.case_id'),
    )
    .selectAll('d')
    .where('d.tenant_id', '=', scope.tenantId)
    .where('d.dispute_id', '=', disputeId)
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Dispute not found.', { reason: 'dispute_not_found' });
  return found;
}

/** A dispute can be changed only while it is open. */
export function requireOpen(dispute: { readonly status: string }): void {
  if (dispute.status !== 'open') {
    throw new DomainError('conflict', `The dispute is already ${dispute.status}.`, {
      reason: 'dispute_not_open',
      status: dispute.status,
    });
  }
}
