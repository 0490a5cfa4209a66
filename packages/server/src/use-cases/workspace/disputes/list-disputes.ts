import { DomainError } from '@relance/core';
import { sql } from 'kysely';
import type { DisputeStatus } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type DisputeView, loadDisputeViews } from './dispute-view.ts';
import { findDispute } from './find-dispute.ts';

/** A case's disputes, newest first. */
export async function listCaseDisputes(deps: Deps, actor: Actor, caseId: string): Promise<DisputeView[]> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const kase = await db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const rows = await db
    .selectFrom('disputes')
    .select('dispute_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('dispute_id', 'desc')
    .execute();
  return loadDisputeViews(
    db,
    scope.tenantId,
    rows.map((r) => r.dispute_id),
  );
}

export type DisputeListItem = DisputeView & { readonly overdue: boolean };

/**
 * The tenant's disputes (by status, default open) for the people who answer them: those past their deadline
 * first, then by deadline, those without one last.
 */
export async function listDisputes(
  deps: Deps,
  actor: Actor,
  query: { readonly status?: DisputeStatus | undefined; readonly limit?: number | undefined } = {},
): Promise<DisputeListItem[]> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const today = deps.clock.today();
  const rows = await db
    .selectFrom('disputes as d')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.case_id', '=', 'd.case_id'),
    )
    .select(['d.dispute_id', 'd.deadline_on'])
    .where('d.tenant_id', '=', scope.tenantId)
    .where('d.status', '=', query.status ?? 'open')
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .orderBy(sql`case when d.deadline_on is null then 1 else 0 end`)
    .orderBy('d.deadline_on')
    .orderBy('d.dispute_id')
    .limit(query.limit ?? 200)
    .execute();
  const views = await loadDisputeViews(
    db,
    scope.tenantId,
    rows.map((r) => r.dispute_id),
  );
  return views.map((v) => ({
    ...v,
    overdue: v.status === 'open' && v.deadlineOn !== null && v.deadlineOn < today,
  }));
}

/** One dispute with its claims and documents. */
export async function getDispute(deps: Deps, actor: Actor, disputeId: string): Promise<DisputeView> {
  const scope = readScope(actor);
  await findDispute(deps.database.db, scope, disputeId);
  const [view] = await loadDisputeViews(deps.database.db, scope.tenantId, [disputeId]);
  if (!view) throw new DomainError('not_found', 'Dispute not found.', { reason: 'dispute_not_found' });
  return view;
}
