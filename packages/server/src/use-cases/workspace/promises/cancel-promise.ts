import { DomainError } from '@relance/core';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type PromiseView, promiseView } from './promise-view.ts';

/**
 * Cancels an open promise (entered by mistake, replaced by a plan…): it stops holding the ladder and does
 * not count against the debtor. Status, case event, evidence and audit in one transaction.
 */
export async function cancelPromise(
  deps: Deps,
  actor: Actor,
  promiseId: string,
  input: { readonly note?: string | undefined } = {},
): Promise<PromiseView> {
  const scope = readScope(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('promises as p')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
      )
      .selectAll('p')
      .where('p.tenant_id', '=', scope.tenantId)
      .where('p.promise_id', '=', promiseId)
      .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
      .executeTakeFirst();
    if (!found) throw new DomainError('not_found', 'Promise not found.', { reason: 'promise_not_found' });
    if (found.status !== 'open') {
      throw new DomainError('conflict', `The promise is already ${found.status}.`, {
        reason: 'promise_not_open',
        status: found.status,
      });
    }
    const changed = {
      status: 'cancelled' as const,
      end_reason: 'cancelled',
      checked_on: today,
      updated_at: now,
      ...(input.note ? { note: input.note } : {}),
    };
    await trx
      .updateTable('promises')
      .set(changed)
      .where('tenant_id', '=', scope.tenantId)
      .where('promise_id', '=', promiseId)
      .execute();
    await queueCaseEvent(trx, {
      tenantId: scope.tenantId,
      caseId: found.case_id,
      kind: 'promise_cancelled',
      on: today,
      data: { promiseId },
      recordedBy: actor.id,
      now,
    });
    await appendEvidence(trx, {
      tenantId: scope.tenantId,
      caseId: found.case_id,
      at: now,
      kind: 'promise_cancelled',
      actor: `user:${actor.id}`,
      payload: { promiseId, note: input.note ?? null },
    });
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'promise.cancel',
      entityKind: 'promise',
      entityId: promiseId,
      data: { caseId: found.case_id, note: input.note ?? null },
    });
    return promiseView({ ...found, ...changed });
  });
}
