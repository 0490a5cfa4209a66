import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { dropCaseLock, takeCaseLock } from './case-lock-store.ts';
import { lockUntil } from './routing.ts';

export type CaseLockView = {
  readonly caseId: string;
  readonly lockedBy: string;
  readonly lockedByName: string;
  readonly lockedUntil: string;
};

/**
 * An agent opening a case by hand takes its lock (or renews it: the same call extends a lock they hold), so
 * that "next case" never hands it to someone else meanwhile. Held by another agent: 409 `case_locked`,
 * naming who and until when.
 */
export async function lockCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseLockView> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  const until = lockUntil(now);
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('cases')
      .select('case_id')
      .where('tenant_id', '=', actor.tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
    const taken = await takeCaseLock(trx, {
      tenantId: actor.tenantId,
      caseId,
      userId: actor.id,
      taskId: null,
      now,
      until,
    });
    const lock = await trx
      .selectFrom('case_locks as l')
      .leftJoin('users as u', (j) =>
        j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.user_id', '=', 'l.locked_by'),
      )
      .select(['l.locked_by', 'l.locked_until', 'u.display_name'])
      .where('l.tenant_id', '=', actor.tenantId)
      .where('l.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const view = {
      caseId,
      lockedBy: lock.locked_by,
      lockedByName: lock.display_name ?? lock.locked_by,
      lockedUntil: lock.locked_until,
    };
    if (!taken) {
      throw new DomainError(
        'conflict',
        `${view.lockedByName} is working on this case until ${view.lockedUntil}.`,
        {
          reason: 'case_locked',
          ...view,
        },
      );
    }
    // Renewing the case renews the task "next case" gave the agent on it.
    await trx
      .updateTable('call_tasks')
      .set({ locked_until: until })
      .where('tenant_id', '=', actor.tenantId)
      .where('case_id', '=', caseId)
      .where('locked_by', '=', actor.id)
      .where('status', '=', 'open')
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'case.locked',
      entityKind: 'case',
      entityId: caseId,
      data: { lockedUntil: until },
    });
    return view;
  });
}

/**
 * Lets a case go: the agent's own lock, or anyone's for a supervisor or an admin (an agent who left for the
 * day). Releasing a case nobody holds is not an error.
 */
export async function releaseCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ readonly caseId: string; readonly released: boolean }> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  const anyone = actor.role === 'admin' || actor.role === 'supervisor';
  return deps.database.db.transaction().execute(async (trx) => {
    const released = await dropCaseLock(trx, {
      tenantId: actor.tenantId,
      caseId,
      userId: anyone ? null : actor.id,
    });
    if (released) {
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        at: now,
        actor,
        action: 'case.released',
        entityKind: 'case',
        entityId: caseId,
      });
    }
    return { caseId, released };
  });
}
