import type { Db } from '../../db/schema.ts';
import { HOLD_NOTES, WITHDRAWN_NOTE } from '../creditor-portal/case-control.ts';
import type { ClaimedAction } from './claim-due.ts';

/** What a creditor's hold or withdrawal stops: the chasing, not a receipt, a confirmation or a thank-you. */
const CHASING = new Set(['reminder', 'formal_notice', 'legal_threat', 'handover_notice']);

/**
 * Asked just before sending: a chasing action of a case its creditor has put on hold since it was planned
 * (a daily run that was deciding while the hold landed) is set aside as the hold's own — its release sends
 * it — and one of a withdrawn case is cancelled for good. Returns whether the action was set aside.
 */
export async function setAsideForCreditor(
  db: Db,
  tenantId: string,
  action: ClaimedAction,
  dispatcherId: string,
): Promise<boolean> {
  if (!CHASING.has(action.purpose)) return false;
  const found = await db
    .selectFrom('cases')
    .select(['held_at', 'withdrawn_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', action.caseId)
    .executeTakeFirst();
  if (!found || (found.held_at === null && found.withdrawn_at === null)) return false;
  await db
    .updateTable('actions')
    .set((eb) => ({
      status: 'cancelled',
      last_error: found.withdrawn_at !== null ? WITHDRAWN_NOTE : HOLD_NOTES.planned,
      attempts: eb('attempts', '-', 1),
      claimed_by: null,
      claimed_until: null,
    }))
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', action.actionId)
    .where('claimed_by', '=', dispatcherId)
    .execute();
  return true;
}
