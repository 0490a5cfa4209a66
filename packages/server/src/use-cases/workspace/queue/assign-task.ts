import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requireSupervisor } from './supervisor.ts';

/**
 * A supervisor gives an open call to one agent (only they get it from "next case") or back to the queue
 * (null). The agent must be an active user of the tenant who may work cases.
 */
export async function assignCallTask(
  deps: Deps,
  actor: Actor,
  taskId: string,
  agentId: string | null,
): Promise<{ readonly taskId: string; readonly pinnedTo: string | null }> {
  requireSupervisor(actor);
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    if (agentId !== null) {
      const agent = await trx
        .selectFrom('users')
        .select(['role', 'disabled_at'])
        .where('tenant_id', '=', actor.tenantId)
        .where('user_id', '=', agentId)
        .executeTakeFirst();
      if (!agent || agent.disabled_at !== null || agent.role === 'client') {
        throw new DomainError('invalid_input', 'No such agent.', {
          reason: 'agent_unknown',
          field: 'agentId',
        });
      }
    }
    const task = await trx
      .selectFrom('call_tasks')
      .select(['status', 'pinned_to'])
      .where('tenant_id', '=', actor.tenantId)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    if (!task) throw new DomainError('not_found', 'Call task not found.', { reason: 'call_task_not_found' });
    if (task.status !== 'open') {
      throw new DomainError('conflict', `This call task is already ${task.status}.`, {
        reason: 'call_task_closed',
        status: task.status,
      });
    }
    await trx
      .updateTable('call_tasks')
      .set({ pinned_to: agentId, updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('task_id', '=', taskId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: agentId === null ? 'call_task.unassigned' : 'call_task.assigned',
      entityKind: 'call_task',
      entityId: taskId,
      data: { from: task.pinned_to, to: agentId },
    });
    return { taskId, pinnedTo: agentId };
  });
}
