import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';

export type OutcomeView = {
  readonly id: string;
  readonly taskId: string | null;
  readonly agentId: string;
  readonly agentName: string;
  readonly phone: string | null;
  readonly disposition: string;
  readonly reason: string | null;
  readonly note: string | null;
  readonly callbackAt: string | null;
  readonly scriptAnswers: readonly { readonly question: string; readonly answer: string }[];
  readonly promiseId: string | null;
  readonly planId: string | null;
  readonly disputeId: string | null;
  readonly callbackActionId: string | null;
  readonly at: string;
};

/** A case's call outcomes, newest first, with the agent's name (for the case screen's timeline). */
export async function listOutcomes(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<readonly OutcomeView[]> {
  requirePermission(actor, 'cases:act');
  const found = await deps.database.db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const rows = await deps.database.db
    .selectFrom('call_outcomes as o')
    .leftJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.user_id', '=', 'o.agent_id'),
    )
    .selectAll('o')
    .select('u.display_name')
    .where('o.tenant_id', '=', actor.tenantId)
    .where('o.case_id', '=', caseId)
    .orderBy('o.at', 'desc')
    .orderBy('o.outcome_id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.outcome_id,
    taskId: r.task_id,
    agentId: r.agent_id,
    agentName: r.display_name ?? r.agent_id,
    phone: r.phone,
    disposition: r.disposition,
    reason: r.reason,
    note: r.note,
    callbackAt: r.callback_at,
    scriptAnswers: r.script_answers ? (JSON.parse(r.script_answers) as OutcomeView['scriptAnswers']) : [],
    promiseId: r.promise_id,
    planId: r.plan_id,
    disputeId: r.dispute_id,
    callbackActionId: r.callback_action_id,
    at: r.at,
  }));
}
