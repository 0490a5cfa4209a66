import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, PostalStatus } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { requireLetterAccess } from './letter-access.ts';
import { listPostalItems, type PostalItemView } from './postal-items.ts';

/** What the post office says happened to a letter, recorded by hand or imported. */
export type TrackedStatus = Extract<PostalStatus, 'posted' | 'delivered' | 'returned' | 'unclaimed'>;
export const trackedStatuses: readonly TrackedStatus[] = ['posted', 'delivered', 'returned', 'unclaimed'];

export type PostalChange = {
  readonly trackingNumber?: string | null;
  readonly status?: TrackedStatus;
  /** The day it happened (YYYY-MM-DD); by default today. */
  readonly on?: string;
};

export type ChangeOutcome = 'changed' | 'unchanged';

/**
 * Applies a change to one letter inside the caller's transaction, and journals it beside the change:
 * `letter_posted` for posting or a tracking number, `proof_of_receipt` for delivered, returned or unclaimed.
 * The same change recorded twice (an import run again) changes and journals nothing.
 */
export async function applyPostalChange(
  trx: Transaction<Database>,
  actor: Actor,
  itemId: string,
  change: PostalChange,
  clock: { readonly now: string; readonly today: string },
): Promise<ChangeOutcome> {
  const item = await trx
    .selectFrom('postal_items')
    .select([
      'item_id',
      'case_id',
      'action_id',
      'reference',
      'kind',
      'status',
      'status_on',
      'tracking_number',
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw new DomainError('not_found', 'Letter not found.', { reason: 'postal_item_not_found' });
  const tracking =
    change.trackingNumber === undefined ? item.tracking_number : change.trackingNumber?.trim() || null;
  const status = change.status ?? item.status;
  const statusOn = change.status ? (change.on ?? clock.today) : item.status_on;
  if (tracking === item.tracking_number && status === item.status && statusOn === item.status_on)
    return 'unchanged';
  await trx
    .updateTable('postal_items')
    .set({ tracking_number: tracking, status, status_on: statusOn, updated_at: clock.now })
    .where('tenant_id', '=', actor.tenantId)
    .where('item_id', '=', itemId)
    .execute();
  const received = status === 'delivered' || status === 'returned' || status === 'unclaimed';
  await appendEvidence(trx, {
    tenantId: actor.tenantId,
    caseId: item.case_id,
    actionId: item.action_id,
    at: clock.now,
    kind: received && status !== item.status ? 'proof_of_receipt' : 'letter_posted',
    actor: `${actor.kind}:${actor.id}`,
    payload: {
      itemId,
      reference: item.reference,
      kind: item.kind,
      status,
      on: statusOn,
      trackingNumber: tracking,
      previous: { status: item.status, on: item.status_on, trackingNumber: item.tracking_number },
    },
  });
  return 'changed';
}

/** PATCH of one letter: its tracking number and/or what happened to it. */
export async function updatePostalItem(
  deps: Deps,
  actor: Actor,
  itemId: string,
  change: PostalChange,
): Promise<PostalItemView> {
  requireLetterAccess(actor, 'write');
  const clock = { now: deps.clock.now(), today: deps.clock.today() };
  const caseId = await deps.database.db.transaction().execute(async (trx) => {
    await applyPostalChange(trx, actor, itemId, change, clock);
    const row = await trx
      .selectFrom('postal_items')
      .select('case_id')
      .where('tenant_id', '=', actor.tenantId)
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    return row.case_id;
  });
  const items = await listPostalItems(deps, actor, { caseId });
  const updated = items.find((i) => i.itemId === itemId);
  if (!updated) throw new DomainError('not_found', 'Letter not found.', { reason: 'postal_item_not_found' });
  return updated;
}
