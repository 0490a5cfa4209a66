import type { Kysely } from 'kysely';
import type { PaymentProviderName, ProviderEvent } from '../../../channels/payments/payment-provider.ts';
import type { Database } from '../../../db/schema.ts';
import type { WebhookEventResult } from '../../../db/schema-payments.ts';
import type { Deps } from '../../../shared/deps.ts';

export type QueuedEvent = {
  /** True when this event id was received before: nothing was recorded again. */
  readonly duplicate: boolean;
  /** Where the event stands: `pending` until the queue has handled it. */
  readonly result: WebhookEventResult;
};

type Waiting = {
  readonly row: EventRow;
  readonly resolve: (queued: QueuedEvent) => void;
  readonly reject: (error: unknown) => void;
};

type EventRow = {
  readonly tenant_id: string;
  readonly provider: string;
  readonly event_id: string;
  readonly kind: string;
  readonly received_at: string;
  readonly result: 'pending';
  readonly detail: null;
  readonly payload: string;
};

/** At most this many events in one insert (SQLite's and PostgreSQL's parameter limits are far above). */
const MAX_GROUP = 200;

const keyOf = (r: { tenant_id: string; provider: string; event_id: string }) =>
  `${r.tenant_id}\u0000${r.provider}\u0000${r.event_id}`;

/**
 * The events this process's webhooks are recording, written together: the webhooks that arrive while an
 * insert is on its way wait for the next one, which takes them all in one statement and one commit. Each
 * webhook is still answered only after its own row is committed; a burst pays one commit (one WAL flush on
 * PostgreSQL) for many instead of one each.
 */
class EventRecorder {
  #waiting: Waiting[] = [];
  #writing = false;

  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  record(row: EventRow): Promise<QueuedEvent> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ row, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, MAX_GROUP);
        await this.#write(group).catch((error: unknown) => {
          for (const w of group) w.reject(error);
        });
      }
    } finally {
      this.#writing = false;
    }
  }

  async #write(group: readonly Waiting[]): Promise<void> {
    // A copy of an event within the group is a duplicate of its first.
    const first = new Map<string, Waiting>();
    for (const w of group) if (!first.has(keyOf(w.row))) first.set(keyOf(w.row), w);
    const inserted = await this.db
      .insertInto('webhook_events')
      .values([...first.values()].map((w) => ({ ...w.row })))
      .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'event_id']).doNothing())
      .returning(['tenant_id', 'provider', 'event_id'])
      .execute();
    const fresh = new Set(inserted.map(keyOf));
    const copies = group.filter((w) => !fresh.has(keyOf(w.row)) || first.get(keyOf(w.row)) !== w);
    const results = await this.#resultsOf(copies);
    for (const w of group) {
      const key = keyOf(w.row);
      if (fresh.has(key) && first.get(key) === w) w.resolve({ duplicate: false, result: 'pending' });
      else w.resolve({ duplicate: true, result: results.get(key) ?? 'pending' });
    }
  }

  /** Where the events already recorded stand (a copy is told), one query per tenant and provider. */
  async #resultsOf(copies: readonly Waiting[]): Promise<Map<string, WebhookEventResult>> {
    const results = new Map<string, WebhookEventResult>();
    const groups = Map.groupBy(copies, (w) => `${w.row.tenant_id}\u0000${w.row.provider}`);
    for (const same of groups.values()) {
      const { tenant_id, provider } = same[0]?.row ?? { tenant_id: '', provider: '' };
      const rows = await this.db
        .selectFrom('webhook_events')
        .select(['tenant_id', 'provider', 'event_id', 'result'])
        .where('tenant_id', '=', tenant_id)
        .where('provider', '=', provider)
        .where(
          'event_id',
          'in',
          same.map((w) => w.row.event_id),
        )
        .execute();
      for (const r of rows) results.set(keyOf(r), r.result);
    }
    return results;
  }
}

const recorders = new WeakMap<Kysely<Database>, EventRecorder>();

/**
 * Records a verified provider event once, as `pending` with what it says, keyed by the provider's event id,
 * so that a copy (a retry, a replay) finds the row and records nothing. The webhook is answered on that
 * commit; the queue books the event afterwards (decision 0012).
 */
export function queueProviderEvent(
  deps: Deps,
  input: { readonly tenantId: string; readonly provider: PaymentProviderName; readonly event: ProviderEvent },
): Promise<QueuedEvent> {
  const db = deps.database.db;
  let recorder = recorders.get(db);
  if (!recorder) {
    recorder = new EventRecorder(db);
    recorders.set(db, recorder);
  }
  return recorder.record({
    tenant_id: input.tenantId,
    provider: input.provider,
    event_id: input.event.eventId,
    kind: input.event.type,
    received_at: deps.clock.now(),
    result: 'pending',
    detail: null,
    payload: JSON.stringify(input.event),
  });
}
