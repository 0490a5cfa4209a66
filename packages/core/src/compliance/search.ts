import type { ContactCap, ContactChannel, QuietPeriod } from './types.ts';
import type { Schedule } from './windows.ts';
import { hasHoursOn, isClosedForHoliday, isOpenAt, nextOpening } from './windows.ts';
import { localDay, startOfLocalDay } from './zones.ts';

// The temporal part of the gate: hours, holidays, caps and quiet periods. A contact is possible at an instant
// when every constraint is open; the earliest such instant is found by leapfrogging — each constraint moves
// the candidate to its own next opening, until one pass moves nothing.

/** Caps and quiet periods that apply to one request, with the history already parsed. */
export type Limits = {
  /** Local calendars the days are counted on (the debtor's zones, or the sender's). */
  readonly zones: readonly string[];
  readonly caps: readonly ContactCap[];
  /** The counted attempts: their instants and, at the same index, their channels. */
  readonly attemptTimes: readonly number[];
  readonly attemptChannels: readonly ContactChannel[];
  readonly quiet: readonly QuietPeriod[];
  /** The last conversation (NaN when none). */
  readonly conversation: number;
  /** Up to this instant the request escapes caps and quiet periods (calls the debtor asked for). */
  readonly exemptUntil: number;
};

export type TimeBlock =
  | { readonly code: 'holiday'; readonly zone: string; readonly day: number }
  | { readonly code: 'outside_window'; readonly zone: string }
  | { readonly code: 'quiet_period'; readonly period: QuietPeriod; readonly conversationDay: number }
  | { readonly code: 'cap_reached'; readonly cap: ContactCap; readonly count: number };

const MAX_ROUNDS = 10_000;

/** Attempts counted for a cap on the local day `day`: those of the `days` days ending with it. */
function countOn(cap: ContactCap, limits: Limits, zone: string, day: number): number {
  let count = 0;
  for (let i = 0; i < limits.attemptTimes.length; i++) {
    const channel = limits.attemptChannels[i];
    if (channel === undefined || !cap.channels.includes(channel)) continue;
    const d = localDay(zone, limits.attemptTimes[i] ?? 0);
    if (d <= day && d > day - cap.days) count++;
  }
  return count;
}

function capNextOpen(cap: ContactCap, limits: Limits, zone: string, t: number, limit: number): number {
  const first = localDay(zone, t);
  const last = localDay(zone, limit) + 1;
  for (let day = first; day <= last; day++) {
    if (countOn(cap, limits, zone, day) < cap.max) return day === first ? t : startOfLocalDay(zone, day);
  }
  return Number.POSITIVE_INFINITY;
}

function quietRelease(period: QuietPeriod, conversation: number, zone: string): number {
  return startOfLocalDay(zone, localDay(zone, conversation) + period.days);
}

function limitsNextOpen(limits: Limits, t: number, limit: number): number {
  if (t <= limits.exemptUntil) return t;
  let next = t;
  for (const zone of limits.zones) {
    if (!Number.isNaN(limits.conversation)) {
      for (const q of limits.quiet) next = Math.max(next, quietRelease(q, limits.conversation, zone));
    }
    for (const cap of limits.caps) {
      if (next > limit) return next;
      next = capNextOpen(cap, limits, zone, next, limit);
    }
  }
  return next;
}

/** Why the contact cannot happen at `t` (the first reason found), or null when it can. */
export function timeBlockAt(
  schedule: Schedule,
  windowZones: readonly string[],
  limits: Limits,
  t: number,
): TimeBlock | null {
  for (const zone of windowZones) {
    const day = localDay(zone, t);
    if (isClosedForHoliday(schedule, day) && hasHoursOn(schedule, day)) return { code: 'holiday', zone, day };
  }
  for (const zone of windowZones) if (!isOpenAt(schedule, zone, t)) return { code: 'outside_window', zone };
  if (t <= limits.exemptUntil) return null;
  for (const zone of limits.zones) {
    if (Number.isNaN(limits.conversation)) break;
    for (const period of limits.quiet) {
      if (t < quietRelease(period, limits.conversation, zone)) {
        return { code: 'quiet_period', period, conversationDay: localDay(zone, limits.conversation) };
      }
    }
  }
  for (const zone of limits.zones) {
    const day = localDay(zone, t);
    for (const cap of limits.caps) {
      const count = countOn(cap, limits, zone, day);
      if (count >= cap.max) return { code: 'cap_reached', cap, count };
    }
  }
  return null;
}

export type Preference = { readonly schedule: Schedule; readonly zone: string };

/** The first instant in [from, limit] at which every constraint is open, or null. */
export function earliestAllowed(
  schedule: Schedule,
  windowZones: readonly string[],
  limits: Limits,
  preference: Preference | null,
  from: number,
  limit: number,
): number | null {
  let t = from;
  for (let round = 0; round < MAX_ROUNDS && t <= limit; round++) {
    let next = t;
    for (const zone of windowZones) {
      next = nextOpening(schedule, zone, next, limit);
      if (next > limit) return null;
    }
    if (preference !== null) next = nextOpening(preference.schedule, preference.zone, next, limit);
    if (next > limit) return null;
    next = limitsNextOpen(limits, next, limit);
    if (next === t) return t;
    t = next;
  }
  return null;
}
