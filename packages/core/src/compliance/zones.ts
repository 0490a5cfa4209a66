import { Temporal } from 'temporal-polyfill';
import { MS_PER_DAY } from './instants.ts';

// The one place that asks the time-zone database. A zone's offset is constant between two transitions,
// so each lookup caches the whole stretch [previous transition, next transition) with its offset: a zone
// needs two or three Temporal calls per half-year, and every later question is a few comparisons.

type Stretch = { readonly from: number; readonly until: number; readonly offset: number };

const MAX_STRETCHES_PER_ZONE = 64;
const MAX_ZONES = 2000;
const stretches = new Map<string, Stretch[]>();
const unknownZones = new Set<string>();

function loadStretch(zone: string, ms: number): Stretch {
  const here = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const offset = here.offsetNanoseconds / 1e6;
  const next = here.getTimeZoneTransition('next');
  const previous = here.getTimeZoneTransition('previous');
  // When `ms` is itself a transition, 'previous' is the one before it, with another offset.
  const from =
    previous === null
      ? Number.NEGATIVE_INFINITY
      : previous.offsetNanoseconds / 1e6 === offset
        ? previous.epochMilliseconds
        : ms;
  return { from, until: next === null ? Number.POSITIVE_INFINITY : next.epochMilliseconds, offset };
}

/** UTC offset of `zone` at `ms`, in milliseconds. Throws a RangeError for a zone the database does not know. */
export function offsetAt(zone: string, ms: number): number {
  let list = stretches.get(zone);
  if (list !== undefined) {
    for (const s of list) if (ms >= s.from && ms < s.until) return s.offset;
  } else {
    if (stretches.size >= MAX_ZONES) stretches.clear();
    list = [];
    stretches.set(zone, list);
  }
  const stretch = loadStretch(zone, ms);
  if (list.length >= MAX_STRETCHES_PER_ZONE) list.length = 0;
  list.push(stretch);
  return stretch.offset;
}

/** True for an IANA zone the time-zone database knows ('Europe/Paris'); false for '' or 'Mars/Olympus'. */
export function isKnownTimeZone(zone: string): boolean {
  if (stretches.has(zone)) return true;
  if (unknownZones.has(zone)) return false;
  try {
    offsetAt(zone, 0);
    return true;
  } catch {
    stretches.delete(zone);
    if (unknownZones.size >= MAX_ZONES) unknownZones.clear();
    unknownZones.add(zone);
    return false;
  }
}

/** Epoch day of the local date at `ms` in `zone`. */
export function localDay(zone: string, ms: number): number {
  return Math.floor((ms + offsetAt(zone, ms)) / MS_PER_DAY);
}

/** Local wall-clock milliseconds (as if the wall clock were UTC) at `ms` in `zone`. */
export function localWallClock(zone: string, ms: number): number {
  return ms + offsetAt(zone, ms);
}

/**
 * The instant at which the wall clock of `zone` shows `wallClock` (local milliseconds since the epoch).
 * Like Temporal's 'compatible' disambiguation: a repeated time is read the first time it occurs, a skipped
 * time (spring forward) is moved forward by the length of the gap. Assumes at most one transition within
 * a day on each side, true of every zone in use.
 */
export function instantOfWallClock(zone: string, wallClock: number): number {
  const before = offsetAt(zone, wallClock - MS_PER_DAY);
  const after = offsetAt(zone, wallClock + MS_PER_DAY);
  const early = wallClock - before;
  if (before === after) return early;
  const late = wallClock - after;
  const earlyFits = offsetAt(zone, early) === before;
  const lateFits = offsetAt(zone, late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early;
}

/** The first instant of the local date `epochDay` in `zone`. */
export function startOfLocalDay(zone: string, epochDay: number): number {
  return instantOfWallClock(zone, epochDay * MS_PER_DAY);
}
