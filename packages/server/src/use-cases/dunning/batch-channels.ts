import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Ids per statement when a batch's rows are counted back: far within both engines' parameter limits. */
const CHUNK = 500;

/**
 * The actions a batch of the run inserted, by channel, as `run_batches.by_channel` keeps them (JSON, keys
 * sorted): the live view sums a run's batches instead of counting its actions. When every row went in (the
 * usual case) they are counted from the rows written; when some keys were already there (a run resumed, an
 * event re-deciding a case), the rows carrying this batch's new action ids are counted back, in the same
 * transaction.
 */
export async function insertedByChannel(
  trx: Transaction<Database>,
  tenantId: string,
  actions: readonly { readonly actionId: string; readonly channel: string }[],
  inserted: number,
): Promise<string> {
  if (inserted === actions.length) return channelsJson(actions.map((a) => a.channel));
  const counts = new Map<string, number>();
  if (inserted > 0) {
    for (let i = 0; i < actions.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('actions')
        .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', tenantId)
        .where(
          'action_id',
          'in',
          actions.slice(i, i + CHUNK).map((a) => a.actionId),
        )
        .groupBy('channel')
        .execute();
      for (const r of rows) counts.set(r.channel, (counts.get(r.channel) ?? 0) + Number(r.n));
    }
  }
  return sortedJson(counts);
}

/** Counts of `channels` as `run_batches.by_channel` keeps them: JSON, keys sorted. */
export function channelsJson(channels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of channels) counts.set(c, (counts.get(c) ?? 0) + 1);
  return sortedJson(counts);
}

function sortedJson(counts: ReadonlyMap<string, number>): string {
  return JSON.stringify(Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))));
}
