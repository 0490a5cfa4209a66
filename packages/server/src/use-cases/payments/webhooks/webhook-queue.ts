import type { Transaction } from 'kysely';
import type { PaymentProviderName, ProviderEvent } from '../../../channels/payments/payment-provider.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { applyProviderEvent, type EventOutcome } from './handle-provider-event.ts';
import { webhooksBusy } from './webhook-pressure.ts';

/** After this many errors an event is left `failed`, with its last error, for a person to look at. */
export const MAX_EVENT_ATTEMPTS = 5;

type EventKey = {
  readonly tenantId: string;
  readonly provider: PaymentProviderName;
  readonly eventId: string;
};

/** One event by its key, or the oldest pending but those named in `skip` (they erred in this pass). */
type Pick = { readonly only?: EventKey; readonly skip?: readonly string[] };

type Pending = { readonly provider: string; readonly event_id: string; readonly payload: string | null };

/** The oldest pending event (a given one when named), locked for this transaction on PostgreSQL. */
async function claimPending(
  deps: Deps,
  trx: Transaction<Database>,
  tenantId: string,
  pick: Pick,
): Promise<Pending | undefined> {
  const { only, skip = [] } = pick;
  const query = trx
    .selectFrom('webhook_events')
    .select(['provider', 'event_id', 'payload'])
    .where('tenant_id', '=', tenantId)
    .where('result', '=', 'pending')
    .$if(only !== undefined, (q) =>
      q.where('provider', '=', only?.provider ?? '').where('event_id', '=', only?.eventId ?? ''),
    )
    .$if(skip.length > 0, (q) => q.where('event_id', 'not in', skip))
    .orderBy('received_at')
    .limit(1);
  return (deps.database.dialect === 'postgres' ? query.forUpdate().skipLocked() : query).executeTakeFirst();
}

/**
 * Handles one pending event in one transaction: applied (the attempt moved, the payment booked), and its row
 * moved to `processed` or `ignored` with what it did — all or nothing, so a crash leaves it pending and a
 * second queue (another process: SKIP LOCKED on PostgreSQL; on SQLite the row's guarded update) never books
 * it twice. An error rolls it back and is counted on the row apart; the event stays pending until the last try.
 * Returns null when there was nothing pending.
 */
export async function processNextEvent(
  deps: Deps,
  tenantId: string,
  pick: Pick = {},
): Promise<
  (EventOutcome & { readonly eventId: string }) | { readonly eventId: string; readonly error: string } | null
> {
  let claimed: Pending | undefined;
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      claimed = await claimPending(deps, trx, tenantId, pick);
      if (!claimed) return null;
      const now = deps.clock.now();
      const outcome = await outcomeOf(deps, trx, tenantId, claimed, now);
      const moved = await trx
        .updateTable('webhook_events')
        .set({
          result: outcome.result,
          detail: JSON.stringify({
            detail: outcome.detail,
            attemptId: outcome.attemptId,
            paymentId: outcome.paymentId,
          }),
          processed_at: now,
          last_error: null,
        })
        .where('tenant_id', '=', tenantId)
        .where('provider', '=', claimed.provider)
        .where('event_id', '=', claimed.event_id)
        .where('result', '=', 'pending')
        .executeTakeFirst();
      // Another queue handled it while this one worked: roll this one back.
      if (Number(moved.numUpdatedRows) !== 1) throw new AlreadyHandled();
      return { ...outcome, eventId: claimed.event_id };
    });
  } catch (error) {
    if (error instanceof AlreadyHandled || !claimed) {
      if (error instanceof AlreadyHandled)
        return { eventId: claimed?.event_id ?? '', error: 'already handled' };
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    await countFailure(deps, tenantId, claimed, message);
    return { eventId: claimed.event_id, error: message };
  }
}

class AlreadyHandled extends Error {}

async function outcomeOf(
  deps: Deps,
  trx: Transaction<Database>,
  tenantId: string,
  row: Pending,
  now: string,
): Promise<EventOutcome> {
  if (row.payload === null) {
    return { result: 'ignored', detail: 'no payload kept', attemptId: null, paymentId: null };
  }
  const event = JSON.parse(row.payload) as ProviderEvent;
  return applyProviderEvent(deps, trx, {
    tenantId,
    provider: row.provider as PaymentProviderName,
    event,
    now,
  });
}

async function countFailure(deps: Deps, tenantId: string, row: Pending, message: string): Promise<void> {
  const current = await deps.database.db
    .selectFrom('webhook_events')
    .select('attempts')
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', row.provider)
    .where('event_id', '=', row.event_id)
    .executeTakeFirst();
  const attempts = Number(current?.attempts ?? 0) + 1;
  await deps.database.db
    .updateTable('webhook_events')
    .set({
      attempts,
      last_error: message.slice(0, 2000),
      ...(attempts >= MAX_EVENT_ATTEMPTS
        ? { result: 'failed' as const, processed_at: deps.clock.now() }
        : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', row.provider)
    .where('event_id', '=', row.event_id)
    .where('result', '=', 'pending')
    .execute();
}

export type QueueTotals = { readonly processed: number; readonly ignored: number; readonly errors: number };

/**
 * Handles a tenant's pending events, oldest first, until none is left or `limit` were tried. An event that
 * errs is retried on a later pass (at most `MAX_EVENT_ATTEMPTS` times), not in this one.
 */
export async function processWebhookEvents(
  deps: Deps,
  tenantId: string,
  options: { readonly limit?: number } = {},
): Promise<QueueTotals> {
  const totals = { processed: 0, ignored: 0, errors: 0 };
  const limit = options.limit ?? 10_000;
  const erred = new Set<string>();
  for (let i = 0; i < limit; i++) {
    await giveWay();
    // An event that erred waits for the next pass; the ones behind it go on.
    const done = await processNextEvent(deps, tenantId, { skip: [...erred] });
    if (done === null) break;
    if ('error' in done) {
      totals.errors += 1;
      erred.add(done.eventId);
    } else if (done.result === 'processed') totals.processed += 1;
    else totals.ignored += 1;
  }
  return totals;
}

/** Longest a booking waits for this process's webhooks to be answered before it goes anyway. */
const MAX_GIVE_WAY_MS = 250;

/**
 * Waits while this process is answering webhooks (at most `MAX_GIVE_WAY_MS`): they come first. It always
 * lets the event loop turn once first: on SQLite every query returns at once, so a pass would otherwise run
 * from booking to booking without reading the requests waiting on the sockets.
 */
async function giveWay(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  const until = Date.now() + MAX_GIVE_WAY_MS;
  while (webhooksBusy() && Date.now() < until) await new Promise((r) => setTimeout(r, 2));
}

/** The tenants with events waiting: the queue's first look, over the pending index only. */
export async function tenantsWithPendingEvents(deps: Deps): Promise<readonly string[]> {
  const rows = await deps.database.db
    .selectFrom('webhook_events')
    .select('tenant_id')
    .where('result', '=', 'pending')
    .groupBy('tenant_id')
    .execute();
  return rows.map((r) => r.tenant_id);
}
