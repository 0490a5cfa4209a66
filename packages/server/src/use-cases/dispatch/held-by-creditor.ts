import type { Db } from '../../db/schema.ts';
import { HOLD_NOTES, WITHDRAWN_NOTE } from '../creditor-portal/case-control.ts';
import type { ClaimedAction } from './claim-due.ts';

/** What a creditor's hold or withdrawal stops: the chasing, not a receipt, a confirmation or a thank-you. */
const CHASING = new Set(['reminder', 'formal_notice', 'legal_threat', 'handover_notice']);

/**
 * Why a chasing step of the ladder is not sent when the case moved since it was planned: the ladder now
 * waits (a pause, a promise to pay, a payment plan). The ladder carries on from its step when it resumes.
 */
export const WAITING_NOTES: Readonly<Record<string, string>> = {
  paused: 'Not sent: collection on the case was paused after this was planned.',
  promise: 'Not sent: the debtor promised to pay after this was planned.',
  plan: 'Not sent: a payment plan was agreed after this was planned.',
};

/**
 * Asked just before sending a chasing action. One of a case its creditor has put on hold since it was planned
 * (a daily run that was deciding while the hold landed) is set aside as the hold's own — its release sends
 * it —, and one of a withdrawn case is cancelled for good. A step of the ladder (not a confirmation, a
 * receipt or a thank-you) of a case whose ladder now waits — paused by hand or for a while, a promise to
 * pay, a payment plan — is cancelled, saying why: a reminder never goes out after the debtor promised.
 * Returns whether the action was set aside.
 */
export async function setAsideForCreditor(
  db: Db,
  tenantId: string,
  action: ClaimedAction,
  dispatcherId: string,
): Promise<boolean> {
  if (!CHASING.has(action.purpose)) return false;
  const found = await db
    .selectFrom('actions as a')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .select(['c.held_at', 'c.withdrawn_at', 'c.stage', 'a.step_key'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.action_id', '=', action.actionId)
    .executeTakeFirst();
  if (!found) return false;
  const waiting = found.step_key !== null ? WAITING_NOTES[found.stage] : undefined;
  if (found.held_at === null && found.withdrawn_at === null && waiting === undefined) return false;
  await db
    .updateTable('actions')
    .set((eb) => ({
      status: 'cancelled',
      last_error:
        found.withdrawn_at !== null ? WITHDRAWN_NOTE : found.held_at !== null ? HOLD_NOTES.planned : waiting,
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
