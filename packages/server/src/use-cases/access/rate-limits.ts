import type { Db } from '../../db/schema.ts';
import { sha256Hex } from './tokens.ts';

/**
 * Rate limits counted in the database (migration 0023), so that every server process spends the same budget.
 * Hits fall in fixed windows; a limit reads the current window plus the previous one weighted by the part of
 * it still inside the sliding window ending now — a close approximation of a sliding log at one row per
 * window. A request is allowed while that estimate, the request counted, stays within `max`.
 */
export type RateLimit = {
  /** Leads the bucket: 'portal', 'sign-in'. */
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
};

/** What one bucket has spent: hits in the previous and the current window, and how far into the current. */
type Spent = { readonly previous: number; readonly current: number; readonly elapsedMs: number };

type Place = { readonly tenantId: string; readonly bucket: string; readonly start: number };

function placeOf(limit: RateLimit, tenantId: string, key: string, nowMs: number): Place {
  const start = Math.floor(nowMs / limit.windowMs) * limit.windowMs;
  return { tenantId, bucket: `${limit.name}:${sha256Hex(key)}`, start };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The previous window's hits, weighted by the part of it still inside the sliding window. */
function carried(limit: RateLimit, spent: Spent): number {
  return (spent.previous * (limit.windowMs - spent.elapsedMs)) / limit.windowMs;
}

/** Whether one more hit fits: the estimate with it stays within `max`. */
export function fits(limit: RateLimit, spent: Spent): boolean {
  return carried(limit, spent) + spent.current + 1 <= limit.max;
}

/** Seconds until one more hit fits, if nothing else is counted meanwhile (at least 1). */
export function retryAfterSeconds(limit: RateLimit, spent: Spent): number {
  const w = limit.windowMs;
  const room = limit.max - 1;
  let waitMs: number;
  if (spent.current <= room && spent.previous > 0) {
    // Within this window, as the previous one's weight fades: previous × (w − e) / w + current ≤ room.
    waitMs = w - ((room - spent.current) * w) / spent.previous - spent.elapsedMs;
  } else {
    // In the next window this one becomes the previous: current × (w − e') / w ≤ room.
    const into = spent.current > 0 ? Math.max(0, w - (room * w) / spent.current) : 0;
    waitMs = w - spent.elapsedMs + into;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

async function spentIn(db: Db, limit: RateLimit, place: Place, nowMs: number): Promise<Spent> {
  const rows = await db
    .selectFrom('rate_limits')
    .select(['window_start', 'hits'])
    .where('tenant_id', '=', place.tenantId)
    .where('bucket', '=', place.bucket)
    .where('window_start', 'in', [iso(place.start - limit.windowMs), iso(place.start)])
    .execute();
  const hitsAt = (start: number) => Number(rows.find((r) => r.window_start === iso(start))?.hits ?? 0);
  return {
    previous: hitsAt(place.start - limit.windowMs),
    current: hitsAt(place.start),
    elapsedMs: nowMs - place.start,
  };
}

/** Adds one hit to the bucket's current window; with `cap`, only while the window holds fewer. */
async function bump(db: Db, limit: RateLimit, place: Place, cap: number | null): Promise<boolean> {
  const row = await db
    .insertInto('rate_limits')
    .values({
      tenant_id: place.tenantId,
      bucket: place.bucket,
      window_start: iso(place.start),
      hits: 1,
      expires_at: iso(place.start + 2 * limit.windowMs),
    })
    .onConflict((oc) => {
      const update = oc
        .columns(['tenant_id', 'bucket', 'window_start'])
        .doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) }));
      return cap === null ? update : update.where('rate_limits.hits', '<', cap);
    })
    .returning('hits')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Counts a request against the limit if it fits, in one guarded upsert (two processes racing for the last
 * place cannot both take it). Returns null when it was counted, else the seconds to wait.
 */
export async function takeHit(
  db: Db,
  limit: RateLimit,
  at: { readonly tenantId: string; readonly key: string; readonly nowMs: number },
): Promise<number | null> {
  const place = placeOf(limit, at.tenantId, at.key, at.nowMs);
  const spent = await spentIn(db, limit, place, at.nowMs);
  // The most the current window may hold once this hit is in: max less what the previous one still weighs.
  const cap = Math.floor(limit.max - carried(limit, spent));
  if (cap >= 1 && (await bump(db, limit, place, cap))) return null;
  const now = await spentIn(db, limit, place, at.nowMs);
  return retryAfterSeconds(limit, now);
}

/** Null when one more hit would fit (nothing is counted), else the seconds to wait. */
export async function checkHits(
  db: Db,
  limit: RateLimit,
  at: { readonly tenantId: string; readonly key: string; readonly nowMs: number },
): Promise<number | null> {
  const place = placeOf(limit, at.tenantId, at.key, at.nowMs);
  const spent = await spentIn(db, limit, place, at.nowMs);
  return fits(limit, spent) ? null : retryAfterSeconds(limit, spent);
}

/** Counts a hit whatever the budget says (a failed sign-in has happened: it counts). */
export async function countHit(
  db: Db,
  limit: RateLimit,
  at: { readonly tenantId: string; readonly key: string; readonly nowMs: number },
): Promise<void> {
  await bump(db, limit, placeOf(limit, at.tenantId, at.key, at.nowMs), null);
}

/** Forgets the bucket's hits (a successful sign-in clears its failures). */
export async function clearHits(
  db: Db,
  limit: RateLimit,
  at: { readonly tenantId: string; readonly key: string },
): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('tenant_id', '=', at.tenantId)
    .where('bucket', '=', placeOf(limit, at.tenantId, at.key, 0).bucket)
    .execute();
}

/** Removes the windows that no longer weigh on any limit, every tenant's (housekeeping). */
export async function sweepRateLimits(db: Db, nowMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expires_at', '<=', iso(nowMs)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * A sweep at most once a minute per limiter, on its own requests: no scheduler needed, and a row expires
 * long before it could matter (its window and the next are over).
 */
export function opportunisticSweep(db: Db, everyMs = 60_000): (nowMs: number) => Promise<void> {
  let last = Number.NEGATIVE_INFINITY;
  return async (nowMs) => {
    if (nowMs - last < everyMs && nowMs >= last) return;
    last = nowMs;
    await sweepRateLimits(db, nowMs);
  };
}
