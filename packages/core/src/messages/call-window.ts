import { parseInstant } from '../compliance/instants.ts';
import type { CompliancePolicy, DebtorKind, WeeklyWindow } from '../compliance/types.ts';
import { compileSchedule, dayIntervals, type Schedule } from '../compliance/windows.ts';
import { isKnownTimeZone, localDay } from '../compliance/zones.ts';

export type CallWindowInput = {
  readonly channel: 'call' | 'ivr_call';
  readonly debtorKind: DebtorKind;
  /** The debtor's zones, the most likely first (the gate's `timeZones`). */
  readonly timeZones: readonly string[];
  /** The hours the debtor's profile prefers (PROFILE_WINDOWS[profile]); the call stays inside them too. */
  readonly preferred: readonly WeeklyWindow[];
  /** When the call may start (the action's scheduled instant, already allowed by the gate). */
  readonly start: string;
};

export type CallWindow = { readonly start: string; readonly end: string };

const compiled = new WeakMap<readonly WeeklyWindow[], Schedule>();

function scheduleOf(
  windows: readonly WeeklyWindow[],
  holidays: CompliancePolicy['holidayCalendar'],
): Schedule {
  if (holidays !== null) return compileSchedule(windows, holidays);
  let schedule = compiled.get(windows);
  if (!schedule) {
    schedule = compileSchedule(windows, null);
    compiled.set(windows, schedule);
  }
  return schedule;
}

/** The end of the open interval of `schedule` in `zone` that contains `ms`, or null when closed at `ms`. */
function openUntil(schedule: Schedule, zone: string, ms: number): number | null {
  const intervals = dayIntervals(schedule, zone, localDay(zone, ms));
  for (let i = 0; i < intervals.length; i += 2) {
    const from = intervals[i] ?? 0;
    const to = intervals[i + 1] ?? 0;
    if (ms >= from && ms < to) return to;
  }
  return null;
}

/**
 * The stretch in which a queued call may be made: from `start` until the first of the policy's hours (in
 * every zone of the debtor, or the sender's when the rule reads the sender's clock) and the profile's
 * preferred hours (in the debtor's first zone) closes — never past the end of that local day. Null when the
 * call is not allowed at `start` (the caller looks for the next allowed instant with the gate).
 */
export function callWindow(policy: CompliancePolicy, input: CallWindowInput): CallWindow | null {
  const rule = policy.channels[input.channel];
  const policySchedule = scheduleOf(
    rule.windows[input.debtorKind],
    rule.skipHolidays ? policy.holidayCalendar : null,
  );
  const zones = rule.clock === 'sender' ? [policy.senderTimeZone] : input.timeZones.filter(isKnownTimeZone);
  const firstZone = input.timeZones.find(isKnownTimeZone) ?? policy.senderTimeZone;
  if (zones.length === 0) return null;
  const start = parseInstant(input.start);
  const constraints: [Schedule, string][] = zones.map((zone) => [policySchedule, zone]);
  constraints.push([scheduleOf(input.preferred, null), firstZone]);
  let end = Number.POSITIVE_INFINITY;
  for (const [schedule, zone] of constraints) {
    const until = openUntil(schedule, zone, start);
    if (until === null) return null;
    end = Math.min(end, until);
  }
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}
