import { DomainError } from '@relance/core';
import { queueCaseEvent } from '../../channels/queue-case-event.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { readScope } from '../portfolio/scope.ts';
import { lockCase, restoreHeldWork } from './case-control.ts';

/**
 * Ends a creditor's hold: what the hold set aside goes again (`restoreHeldWork`) and the ladder resumes
 * ('resume' event) at today's run. Audit and evidence in the same transaction.
 */
export async function releaseCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ readonly caseId: string; readonly nextRunOn: string }> {
  const scope = readScope(actor, 'cases:hold');
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, deps.database.dialect === 'postgres', scope, caseId);
    if (found.withdrawnAt !== null) {
      throw new DomainError('conflict', 'This case was withdrawn: there is nothing to release.', {
        reason: 'case_closed',
      });
    }
    if (found.heldAt === null) {
      throw new DomainError('conflict', 'This case is not on hold.', { reason: 'case_not_held' });
    }
    await trx
      .updateTable('cases')
      .set({ held_at: null, held_by: null, updated_at: now })
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .execute();
    const restored = await restoreHeldWork(trx, scope.tenantId, caseId, found.heldAt, now);
    const eventId = await queueCaseEvent(trx, {
      tenantId: scope.tenantId,
      caseId,
      kind: 'resume',
      on: today,
      data: { reason: 'released_by_creditor' },
      recordedBy: actor.id,
      now,
    });
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'case.release',
      entityKind: 'case',
      entityId: caseId,
      data: { eventId, heldSince: found.heldAt, ...restored },
    });
    await appendEvidence(trx, {
      tenantId: scope.tenantId,
      caseId,
      at: now,
      kind: 'case_released',
      actor: `${actor.kind}:${actor.id}`,
      payload: { heldSince: found.heldAt, role: actor.role, restored },
    });
    return { caseId, nextRunOn: today };
  });
}
