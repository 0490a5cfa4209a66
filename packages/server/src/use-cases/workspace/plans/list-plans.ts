import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readDocument } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type PlanView, readPlans } from './plan-view.ts';

/** The plans of a case, newest first (a client sees only its creditor's). */
export async function listPlans(deps: Deps, actor: Actor, caseId: string): Promise<readonly PlanView[]> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const found = await db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return readPlans(db, scope.tenantId, { caseId, creditorId: scope.creditorId });
}

export async function getPlan(deps: Deps, actor: Actor, planId: string): Promise<PlanView> {
  const scope = readScope(actor);
  const [plan] = await readPlans(deps.database.db, scope.tenantId, { planId, creditorId: scope.creditorId });
  if (!plan) throw new DomainError('not_found', 'Payment plan not found.', { reason: 'plan_not_found' });
  return plan;
}

/** The agreement's PDF as it was sent. */
export async function getPlanAgreement(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<{ readonly fileName: string; readonly content: Uint8Array }> {
  const plan = await getPlan(deps, actor, planId);
  const document = plan.documentId
    ? await readDocument(deps.database.db, actor.tenantId, plan.documentId)
    : null;
  if (!document)
    throw new DomainError('not_found', 'The agreement is not available.', { reason: 'plan_not_found' });
  return { fileName: document.fileName, content: document.content };
}
