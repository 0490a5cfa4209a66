import { DomainError } from '@relance/core';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { readScope } from '../portfolio/scope.ts';
import { cancelPendingWork, HOLD_NOTES, lockCase, WITHDRAWN_NOTE } from './case-control.ts';

export const MAX_WITHDRAWAL_REASON = 500;

export type WithdrawResult = {
  readonly caseId: string;
  readonly withdrawnAt: string;
  readonly claims: number;
  readonly actions: number;
  readonly callTasks: number;
  readonly promises: number;
  readonly plans: number;
};

/**
 * The creditor takes a case back: collection ends. Its open claims become `cancelled` (the dashboards leave
 * cancelled claims out of what is due, and keep what was collected), what was waiting to go is cancelled,
 * open promises and active plans end, and the case is closed with who, when and why — audit and evidence in
 * the same transaction. A closed case cannot be withdrawn.
 */
export async function withdrawCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { readonly reason: string },
): Promise<WithdrawResult> {
  const scope = readScope(actor, 'cases:hold');
  const reason = input.reason.trim();
  if (reason === '' || reason.length > MAX_WITHDRAWAL_REASON) {
    throw new DomainError(
      'invalid_input',
      `A withdrawal needs a reason (1 to ${MAX_WITHDRAWAL_REASON} characters).`,
      {
        reason: 'withdrawal_reason_required',
        field: 'reason',
      },
    );
  }
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, deps.database.dialect === 'postgres', scope, caseId);
    if (found.status === 'closed') {
      throw new DomainError('conflict', 'This case is already closed: it cannot be withdrawn.', {
        reason: found.withdrawnAt === null ? 'case_closed' : 'case_already_withdrawn',
      });
    }
    const tenantId = scope.tenantId;
    const claims = await trx
      .updateTable('claims')
      .set({ status: 'cancelled', updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', 'in', ['open', 'disputed'])
      .executeTakeFirst();
    const work = await cancelPendingWork(trx, tenantId, caseId, WITHDRAWN_NOTE, now);
    // What a hold had set aside is withdrawn for good: no release can bring it back.
    await trx
      .updateTable('actions')
      .set({ last_error: WITHDRAWN_NOTE })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'cancelled')
      .where('last_error', 'in', Object.values(HOLD_NOTES))
      .execute();
    const promises = await trx
      .updateTable('promises')
      .set({ status: 'cancelled', end_reason: 'withdrawn', checked_on: today, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    const plans = await trx
      .updateTable('payment_plans')
      .set({ status: 'cancelled', ended_on: today, end_reason: 'withdrawn', updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    await refreshCases(trx, tenantId, [caseId], now);
    await trx
      .updateTable('cases')
      .set({
        status: 'closed',
        // A hold ends with the withdrawal: nothing is to be released any more.
        held_at: null,
        held_by: null,
        withdrawn_at: now,
        withdrawn_by: actor.id,
        withdrawal_reason: reason,
        next_run_on: null,
        next_action_text: null,
        updated_at: now,
      })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .execute();
    const result: WithdrawResult = {
      caseId,
      withdrawnAt: now,
      claims: Number(claims.numUpdatedRows),
      actions: work.actions,
      callTasks: work.callTasks,
      promises: Number(promises.numUpdatedRows),
      plans: Number(plans.numUpdatedRows),
    };
    const { caseId: _, withdrawnAt: __, ...counts } = result;
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor,
      action: 'case.withdraw',
      entityKind: 'case',
      entityId: caseId,
      data: { reason, ...counts },
    });
    await appendEvidence(trx, {
      tenantId,
      caseId,
      at: now,
      kind: 'case_withdrawn',
      actor: `${actor.kind}:${actor.id}`,
      payload: { reason, role: actor.role, ...counts },
    });
    return result;
  });
}
