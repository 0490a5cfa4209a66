import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { debtorPromiseHistory, type PromiseHistory } from './debtor-promise-history.ts';
import { type PromiseView, promiseView } from './promise-view.ts';

export type PromiseList = {
  readonly caseId: string;
  readonly promises: readonly PromiseView[];
  /** The debtor's behaviour across all their cases. */
  readonly history: PromiseHistory;
};

/** A case's promises, newest first, with the debtor's promise history. */
export async function listPromises(deps: Deps, actor: Actor, caseId: string): Promise<PromiseList> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const kase = await db
    .selectFrom('cases')
    .select(['case_id', 'debtor_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const rows = await db
    .selectFrom('promises')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('promise_id', 'desc')
    .execute();
  return {
    caseId,
    promises: rows.map(promiseView),
    history: await debtorPromiseHistory(db, scope.tenantId, kase.debtor_id),
  };
}
