import { DomainError } from '@relance/core';
import { queueCaseEvent } from '../../channels/queue-case-event.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { readScope } from '../portfolio/scope.ts';
import { type CancelledWork, cancelPendingWork, lockCase } from './case-control.ts';

export const HELD_BY_CREDITOR = 'held_by_creditor';

export type HoldResult = {
  readonly caseId: string;
  readonly heldAt: string;
  readonly cancelled: CancelledWork;
};

/**
 * The creditor (or a supervisor for it) puts a case on hold: nothing more is scheduled or sent until it is
 * released. The ladder is paused ('pause' event, reason `held_by_creditor`), what was waiting to go is
 * cancelled, and the case says since when and by whom — with its audit and evidence entries, one transaction.
 */
export async function holdCase(deps: Deps, actor: Actor, caseId: string): Promise<HoldResult> {
  const scope = readScope(actor, 'cases:hold');
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, deps.database.dialect === 'postgres', scope, caseId);
    if (found.status === 'closed') {
      throw new DomainError('conflict', 'This case is closed: there is nothing to hold.', {
        reason: 'case_closed',
      });
    }
    if (found.heldAt !== null) {
      throw new DomainError('conflict', 'This case is already on hold.', { reason: 'case_already_held' });
    }
    await trx
      .updateTable('cases')
      .set({ held_at: now, held_by: actor.id, updated_at: now })
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .execute();
    const cancelled = await cancelPendingWork(trx, scope.tenantId, caseId, null, now);
    const eventId = await queueCaseEvent(trx, {
      tenantId: scope.tenantId,
      caseId,
      kind: 'pause',
      on: today,
      data: { reason: HELD_BY_CREDITOR },
      recordedBy: actor.id,
      now,
    });
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'case.hold',
      entityKind: 'case',
      entityId: caseId,
      data: { eventId, ...cancelled },
    });
    // Last: the tenant's journal head stays locked from here to the commit.
    await appendEvidence(trx, {
      tenantId: scope.tenantId,
      caseId,
      at: now,
      kind: 'case_held',
      actor: `${actor.kind}:${actor.id}`,
      payload: { reason: HELD_BY_CREDITOR, role: actor.role, ...cancelled },
    });
    return { caseId, heldAt: now, cancelled };
  });
}
