import { DomainError } from '@relance/core';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { cancelPlanReminders } from './plan-reminders.ts';
import { type PlanView, readPlan } from './plan-view.ts';

/**
 * Ends an active plan at a person's request: its reminders not yet sent are cancelled, the engine is told
 * ('plan_cancelled': the ladder resumes), the audit says who and why, and the evidence journal keeps the end
 * of the agreement — one transaction.
 */
export async function cancelPlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: { readonly reason?: string | undefined },
): Promise<PlanView> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  const tenantId = actor.tenantId;
  return deps.database.db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('payment_plans')
      .select(['plan_id', 'case_id', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!plan) throw new DomainError('not_found', 'Payment plan not found.', { reason: 'plan_not_found' });
    const ended = await trx
      .updateTable('payment_plans')
      .set({ status: 'cancelled', ended_on: today, end_reason: input.reason ?? 'cancelled', updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', planId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) === 0) {
      throw new DomainError('conflict', `This payment plan is already ${plan.status}.`, {
        reason: 'plan_not_active',
        status: plan.status,
      });
    }
    const cancelled = await cancelPlanReminders(trx, tenantId, planId);
    const eventId = await queueCaseEvent(trx, {
      tenantId,
      caseId: plan.case_id,
      kind: 'plan_cancelled',
      on: today,
      data: { planId, reason: input.reason ?? null },
      recordedBy: actor.id,
      now,
    });
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor,
      action: 'payment_plan.cancel',
      entityKind: 'payment_plan',
      entityId: planId,
      data: { caseId: plan.case_id, reason: input.reason ?? null, cancelledReminders: cancelled, eventId },
    });
    const view = await readPlan(trx, tenantId, planId);
    if (!view) throw new Error('The plan just cancelled cannot be read back.');
    // Last: the tenant's journal head stays locked from here to the commit.
    await appendEvidence(trx, {
      tenantId,
      caseId: plan.case_id,
      at: now,
      kind: 'plan_cancelled',
      actor: `user:${actor.id}`,
      payload: { planId, reason: input.reason ?? null, cancelledReminders: cancelled },
    });
    return view;
  });
}
