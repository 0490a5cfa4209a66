import { checkPlanPolicy, DomainError, type PlanPolicy, readPlanPolicy } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';

function parse(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

async function findCreditor(deps: Deps, tenantId: string, creditorId: string) {
  const row = await deps.database.db
    .selectFrom('creditors')
    .select(['creditor_id', 'plan_policy'])
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
  return row;
}

/** The creditor's plan limits (the product's defaults where it set none). */
export async function getPlanPolicy(deps: Deps, actor: Actor, creditorId: string): Promise<PlanPolicy> {
  requirePermission(actor, 'strategies:write');
  const row = await findCreditor(deps, actor.tenantId, creditorId);
  return readPlanPolicy(parse(row.plan_policy) as Partial<PlanPolicy>);
}

/**
 * Changes some of a creditor's plan limits (supervisors and admins). The whole policy is checked before it
 * is kept; other settings stored beside it in the same JSON (a promise horizon) are left as they are.
 */
export async function setPlanPolicy(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  change: Partial<PlanPolicy>,
): Promise<PlanPolicy> {
  requirePermission(actor, 'strategies:write');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('creditors')
      .select(['plan_policy'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
    const stored = parse(row.plan_policy);
    const before = readPlanPolicy(stored as Partial<PlanPolicy>);
    const policy: PlanPolicy = { ...before, ...change };
    const issues = checkPlanPolicy(policy);
    if (issues.length > 0) {
      throw new DomainError('invalid_input', issues.map((i) => i.message).join(' '), {
        reason: 'plan_policy_invalid',
        fields: issues.map((i) => i.field),
      });
    }
    await trx
      .updateTable('creditors')
      .set({ plan_policy: JSON.stringify({ ...stored, ...policy }), updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'creditor.plan_policy',
      entityKind: 'creditor',
      entityId: creditorId,
      data: { before, after: policy },
    });
    return policy;
  });
}
