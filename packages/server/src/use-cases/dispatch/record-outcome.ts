import type { GateDecision } from '@relance/core';
import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database, Db } from '../../db/schema.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { retryAfter } from './back-off.ts';
import type { ClaimedAction } from './claim-due.ts';
import { reportBounce } from './report-bounce.ts';

/** Why an attempt did not go through, in the provider's or server's own words. */
export class DispatchError extends Error {
  readonly permanent: boolean;
  /** An e-mail address refused by the receiving server (a bounce): the contact to flag as invalid. */
  readonly bounce: {
    readonly contactId: string;
    readonly address: string;
    readonly code: number | null;
  } | null;
  constructor(message: string, permanent: boolean, bounce: DispatchError['bounce'] = null) {
    super(message);
    this.name = 'DispatchError';
    this.permanent = permanent;
    this.bounce = bounce;
  }
}

export type FailureOutcome = 'retried' | 'failed';

/**
 * Records a failed attempt: back to `planned` after a back-off (moved into the next allowed window when the
 * back-off lands outside it), or `failed` — the dead letter — when the refusal is permanent or the attempts
 * are used up. The attempt and its outcome go into the evidence journal with the server's words.
 */
export async function recordFailure(
  db: Db,
  tenantId: string,
  action: ClaimedAction,
  error: DispatchError,
  context: {
    readonly now: string;
    readonly dispatcherId: string;
    readonly maxAttempts: number;
    readonly provider: string;
    readonly nextAllowed: (at: string) => string | null;
    /** The day a bounce is recorded on (the case's event date). */
    readonly today: string;
  },
): Promise<FailureOutcome> {
  const final = error.permanent || action.attempts >= context.maxAttempts;
  const retryAt = final ? null : context.nextAllowed(retryAfter(context.now, action.attempts));
  const outcome: FailureOutcome = final || retryAt === null ? 'failed' : 'retried';
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('actions')
      .set({
        status: outcome === 'failed' ? 'failed' : 'planned',
        ...(retryAt ? { scheduled_at: retryAt } : {}),
        last_error: error.message,
        claimed_by: null,
        claimed_until: null,
      })
      .where('tenant_id', '=', tenantId)
      .where('action_id', '=', action.actionId)
      .where('claimed_by', '=', context.dispatcherId)
      .execute();
    await appendEvidence(trx, {
      tenantId,
      caseId: action.caseId,
      actionId: action.actionId,
      at: context.now,
      kind: 'dispatch_failed',
      actor: 'dispatcher',
      payload: {
        outcome,
        channel: action.channel,
        provider: context.provider,
        messageId: action.messageId,
        attempt: action.attempts,
        permanent: error.permanent,
        error: error.message,
        retryAt,
      },
    });
    if (error.bounce) {
      await recordBounceEvent(trx, tenantId, action, error, context);
      await reportBounce(trx, {
        tenantId,
        caseId: action.caseId,
        contactId: error.bounce.contactId,
        on: context.today,
        now: context.now,
      });
    }
  });
  return outcome;
}

async function recordBounceEvent(
  trx: Transaction<Database>,
  tenantId: string,
  action: ClaimedAction,
  error: DispatchError,
  context: { readonly now: string; readonly provider: string },
): Promise<void> {
  const bounce = error.bounce;
  if (!bounce) return;
  await trx
    .insertInto('message_events')
    .values({
      tenant_id: tenantId,
      event_id: newId(),
      action_id: action.actionId,
      case_id: action.caseId,
      at: context.now,
      kind: 'bounced',
      provider: context.provider,
      provider_event_id: `refused:${action.messageId}:${action.attempts}`,
      detail: JSON.stringify({
        recipient: bounce.address,
        status: bounce.code,
        diagnostic: error.message,
        synchronous: true,
      }),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type HoldOutcome = 'deferred' | 'blocked';

/**
 * The gate said no at send time: the action waits for the next allowed instant (its attempt not counted),
 * or is blocked with the gate's reason when no later instant can help (cease-contact, opt-out…).
 */
export async function holdAction(
  db: Db,
  tenantId: string,
  action: ClaimedAction,
  decision: Extract<GateDecision, { kind: 'blocked' }>,
  dispatcherId: string,
): Promise<HoldOutcome> {
  const outcome: HoldOutcome = decision.retryAt ? 'deferred' : 'blocked';
  await db
    .updateTable('actions')
    .set((eb) => ({
      status: outcome === 'deferred' ? 'planned' : 'blocked',
      scheduled_at: decision.retryAt ? new Date(decision.retryAt).toISOString() : null,
      gate: JSON.stringify(decision),
      attempts: eb('attempts', '-', 1),
      claimed_by: null,
      claimed_until: null,
    }))
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', action.actionId)
    .where('claimed_by', '=', dispatcherId)
    .execute();
  return outcome;
}

/** Not yet, for a reason of ours (e.g. the letter it carries is produced later): back to planned, uncounted. */
export async function deferAction(
  db: Db,
  tenantId: string,
  action: ClaimedAction,
  until: string,
  dispatcherId: string,
): Promise<'deferred'> {
  await db
    .updateTable('actions')
    .set((eb) => ({
      status: 'planned',
      scheduled_at: until,
      attempts: eb('attempts', '-', 1),
      claimed_by: null,
      claimed_until: null,
    }))
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', action.actionId)
    .where('claimed_by', '=', dispatcherId)
    .execute();
  return 'deferred';
}

/**
 * Marks the moment the message is handed to a provider that has no idempotency: from here until the result
 * is recorded, a crash leaves the action in doubt. False when the lease was lost meanwhile (another
 * dispatcher took the action over): then nothing must be sent.
 */
export async function markHandedOver(
  db: Db,
  tenantId: string,
  actionId: string,
  dispatcherId: string,
  provider: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('actions')
    .set({ provider })
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', actionId)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', dispatcherId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
