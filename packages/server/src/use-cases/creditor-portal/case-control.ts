import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Scope } from '../portfolio/scope.ts';

export type ControlledCase = {
  readonly caseId: string;
  readonly creditorId: string;
  readonly status: 'open' | 'closed';
  readonly heldAt: string | null;
  readonly withdrawnAt: string | null;
};

/**
 * The case, locked for the change, as the actor may see it: another tenant's or (for a client) another
 * creditor's is `not_found`, so that ids cannot be probed.
 */
export async function lockCase(
  trx: Transaction<Database>,
  postgres: boolean,
  scope: Scope,
  caseId: string,
): Promise<ControlledCase> {
  const found = await trx
    .selectFrom('cases')
    .select(['case_id', 'creditor_id', 'status', 'held_at', 'withdrawn_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    // SQLite has one writer at a time: the transaction itself is the lock.
    .$if(postgres, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return {
    caseId: found.case_id,
    creditorId: found.creditor_id,
    status: found.status,
    heldAt: found.held_at,
    withdrawnAt: found.withdrawn_at,
  };
}

export type CancelledWork = { readonly actions: number; readonly callTasks: number };

/** Why a withdrawal cancelled an action: for good. */
export const WITHDRAWN_NOTE = 'Withdrawn by the creditor.';

/** Why a hold cancelled an action, by what it was before: its release puts each back as it was. */
export const HOLD_NOTES = {
  planned: 'Held by the creditor.',
  review: 'Held by the creditor (was waiting for review).',
} as const;

/**
 * What the case had waiting to go — actions planned or waiting for review, calls not made — cancelled with
 * why. An action already being sent is left to finish (it left, or will be recorded as unconfirmed). A hold
 * (`why` null) marks them so that its release restores them; a withdrawal's reason is final.
 */
export async function cancelPendingWork(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  why: string | null,
  now: string,
): Promise<CancelledWork> {
  let actions = 0;
  for (const status of ['planned', 'review'] as const) {
    const done = await trx
      .updateTable('actions')
      .set({ status: 'cancelled', last_error: why ?? HOLD_NOTES[status] })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', status)
      .executeTakeFirst();
    actions += Number(done.numUpdatedRows);
  }
  const calls = await trx
    .updateTable('call_tasks')
    .set({ status: 'cancelled', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return { actions, callTasks: Number(calls.numUpdatedRows) };
}

/**
 * A hold's release gives back what the hold (or the dispatcher, meeting a held case) cancelled: actions as
 * they were — planned ones go at the next dispatch, through the compliance gate as always; those waiting
 * for review wait again — and the calls cancelled at the instant of the hold.
 */
export async function restoreHeldWork(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  heldAt: string,
  now: string,
): Promise<CancelledWork> {
  let actions = 0;
  for (const status of ['planned', 'review'] as const) {
    const done = await trx
      .updateTable('actions')
      .set({ status, last_error: null })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'cancelled')
      .where('last_error', '=', HOLD_NOTES[status])
      .executeTakeFirst();
    actions += Number(done.numUpdatedRows);
  }
  const calls = await trx
    .updateTable('call_tasks')
    .set({ status: 'open', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'cancelled')
    .where('updated_at', '=', heldAt)
    .executeTakeFirst();
  return { actions, callTasks: Number(calls.numUpdatedRows) };
}
