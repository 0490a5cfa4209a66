import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';

/**
 * Where an attempt is written: on its own (deps: the clock gives the instant), or inside the caller's
 * transaction (a webhook, the IVR, the portal), which gives the instant it works at.
 */
export type AttemptTarget = Deps | Transaction<Database>;

export function resolveTarget(
  target: AttemptTarget,
  now: string | undefined,
): { readonly db: Kysely<Database> | Transaction<Database>; readonly now: string } {
  if ('clock' in target) return { db: target.database.db, now: now ?? target.clock.now() };
  if (now === undefined) throw new Error('An attempt written inside a transaction needs the instant.');
  return { db: target, now };
}
