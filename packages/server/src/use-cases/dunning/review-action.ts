import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';

/**
 * A supervisor's verdict on an action of a "review before send" step: approved, it joins the planned
 * actions the dispatcher sends; cancelled, it never leaves. Only an action waiting for review can be
 * decided, once; the decision and its audit entry are one transaction.
 */
export async function reviewAction(
  deps: Deps,
  actor: Actor,
  actionId: string,
  decision: 'approve' | 'cancel',
): Promise<{ readonly actionId: string; readonly status: 'planned' | 'cancelled' }> {
  requirePermission(actor, 'strategies:write');
  const now = deps.clock.now();
  const status = decision === 'approve' ? 'planned' : 'cancelled';
  return deps.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('actions')
      .set({ status })
      .where('tenant_id', '=', actor.tenantId)
      .where('action_id', '=', actionId)
      .where('status', '=', 'review')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const exists = await trx
        .selectFrom('actions')
        .select('status')
        .where('tenant_id', '=', actor.tenantId)
        .where('action_id', '=', actionId)
        .executeTakeFirst();
      if (!exists) throw new DomainError('not_found', 'Action not found.', { reason: 'action_not_found' });
      throw new DomainError('conflict', `This action is ${exists.status}, not waiting for review.`, {
        reason: 'not_in_review',
        status: exists.status,
      });
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: `action.${decision}`,
      entityKind: 'action',
      entityId: actionId,
    });
    return { actionId, status };
  });
}
