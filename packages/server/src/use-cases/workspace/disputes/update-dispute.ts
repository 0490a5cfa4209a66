import { DomainError, isIsoDate } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type DisputeView, loadDisputeViews } from './dispute-view.ts';
import { findDispute, requireOpen } from './find-dispute.ts';
import { requireOwner } from './require-owner.ts';

/** Gives an open dispute another owner or deadline (null: none). */
export async function updateDispute(
  deps: Deps,
  actor: Actor,
  disputeId: string,
  input: { readonly ownerId?: string | null | undefined; readonly deadlineOn?: string | null | undefined },
): Promise<DisputeView> {
  const scope = readScope(actor, 'cases:act');
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const dispute = await findDispute(trx, scope, disputeId);
    requireOpen(dispute);
    if (input.ownerId) await requireOwner(trx, scope.tenantId, input.ownerId);
    if (input.deadlineOn && (!isIsoDate(input.deadlineOn) || input.deadlineOn < today)) {
      throw new DomainError('invalid_input', 'The deadline must be a date from today on.', {
        reason: 'dispute_deadline_invalid',
        field: 'deadlineOn',
      });
    }
    const changes = {
      ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
      ...(input.deadlineOn !== undefined ? { deadline_on: input.deadlineOn } : {}),
    };
    await trx
      .updateTable('disputes')
      .set({ ...changes, updated_at: now })
      .where('tenant_id', '=', scope.tenantId)
      .where('dispute_id', '=', disputeId)
      .execute();
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'dispute.update',
      entityKind: 'dispute',
      entityId: disputeId,
      data: { before: { ownerId: dispute.owner_id, deadlineOn: dispute.deadline_on }, ...input },
    });
    const [view] = await loadDisputeViews(trx, scope.tenantId, [disputeId]);
    if (!view) throw new Error('The dispute just changed is missing.');
    return view;
  });
}
