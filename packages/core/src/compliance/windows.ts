import { DomainError } from '../shared/errors.ts';
import type { HolidayCalendar } from './holidays.ts';
import { isHolidayDay } from './holidays.ts';
import {
  formatClock,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClock,
  weekdayOfDay,
} from './instants.ts';
import type { Bilingual, WeeklyWindow } from './types.ts';
import { instantOfWallClock, localDay } from './zones.ts';

/**
 * Weekly windows compiled once: per weekday (index 0 = Monday) the sorted, merged [from, to) minute pairs.
 * Each schedule keeps its own cache of the UTC intervals of a (zone, local date): the daily run asks about
 * the same few zones and dates a million times, and the conversion through the zone database happens once.
 */
export type Schedule = {
  readonly days: readonly (readonly number[])[];
  readonly holidays: HolidayCalendar | null;
  readonly alwaysOpen: boolean;
  readonly description: Bilingual;
  readonly cache: Map<string, Map<number, readonly number[]>>;
};

const MAX_CACHED_ZONES = 1000;
const MAX_CACHED_DAYS = 1000;
const NO_INTERVALS: readonly number[] = [];

function invalid(message: string, window: WeeklyWindow): never {
  throw new DomainError('invalid_input', message, { window });
}

function compileDays(windows: readonly WeeklyWindow[]): number[][] {
  const raw: [number, number][][] = [[], [], [], [], [], [], []];
  for (const w of windows) {
    const from = parseClock(w.from, false);
    const to = parseClock(w.to, true);
    if (from === null || to === null || from >= to) invalid(`Invalid window ${w.from}–${w.to}`, w);
    for (const day of w.days) {
      if (!Number.isInteger(day) || day < 1 || day > 7) invalid(`Invalid weekday ${day}`, w);
      raw[day - 1]?.push([from, to]);
    }
  }
  return raw.map((pairs) => {
    const merged: number[] = [];
    for (const [from, to] of pairs.sort((a, b) => a[0] - b[0])) {
      const last = merged.length - 1;
      if (last > 0 && from <= (merged[last] ?? 0)) merged[last] = Math.max(merged[last] ?? 0, to);
      else merged.push(from, to);
    }
    return merged;
  });
}

const WEEKDAYS: Bilingual[] = [
  { fr: 'lundi', en: 'Monday' },
  { fr: 'mardi', en: 'Tuesday' },
  { fr: 'mercredi', en: 'Wednesday' },
  { fr: 'jeudi', en: 'Thursday' },
  { fr: 'vendredi', en: 'Friday' },
  { fr: 'samedi', en: 'Saturday' },
  { fr: 'dimanche', en: 'Sunday' },
];

export function weekdayName(isoWeekday: number): Bilingual {
  return WEEKDAYS[isoWeekday - 1] ?? { fr: '?', en: '?' };
}

function joinList(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

function describeDays(indexes: readonly number[]): Bilingual {
  if (indexes.length === 7) return { fr: 'tous les jours', en: 'every day' };
  const first = indexes[0] ?? 0;
  const last = indexes.at(-1) ?? 0;
  const name = (i: number) => weekdayName(i + 1);
  if (indexes.length === 1) return { fr: `le ${name(first).fr}`, en: name(first).en };
  if (indexes.length >= 3 && last - first === indexes.length - 1) {
    return { fr: `du ${name(first).fr} au ${name(last).fr}`, en: `${name(first).en} to ${name(last).en}` };
  }
  return {
    fr: joinList(
      indexes.map((i) => name(i).fr),
      'et',
    ),
    en: joinList(
      indexes.map((i) => name(i).en),
      'and',
    ),
  };
}

function describeHours(pairs: readonly number[]): Bilingual {
  if (pairs[0] === 0 && pairs[1] === MINUTES_PER_DAY) return { fr: 'à toute heure', en: 'at any time' };
  const ranges: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    ranges.push(`${formatClock(pairs[i] ?? 0)}–${formatClock(pairs[i + 1] ?? 0)}`);
  }
  return { fr: joinList(ranges, 'et'), en: joinList(ranges, 'and') };
}

function describe(days: readonly (readonly number[])[], holidays: HolidayCalendar | null): Bilingual {
  const groups = new Map<string, number[]>();
  days.forEach((pairs, index) => {
    if (pairs.length === 0) return;
    const key = pairs.join(',');
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  if (groups.size === 0) return { fr: 'jamais', en: 'never' };
  const parts = [...groups.values()].map((indexes) => {
    const on = describeDays(indexes);
    const hours = describeHours(days[indexes[0] ?? 0] ?? []);
    return { fr: `${on.fr} ${hours.fr}`, en: `${on.en} ${hours.en}` };
  });
  const closed = holidays === null ? null : { fr: ', hors jours fériés', en: ', except public holidays' };
  return {
    fr: `${parts.map((p) => p.fr).join(' ; ')}${closed?.fr ?? ''}`,
    en: `${parts.map((p) => p.en).join('; ')}${closed?.en ?? ''}`,
  };
}

export function compileSchedule(
  windows: readonly WeeklyWindow[],
  holidays: HolidayCalendar | null,
): Schedule {
  const days = compileDays(windows);
  const alwaysOpen =
    holidays === null && days.every((p) => p.length === 2 && p[0] === 0 && p[1] === MINUTES_PER_DAY);
  return { days, holidays, alwaysOpen, description: describe(days, holidays), cache: new Map() };
}

/** True when the schedule has hours on this weekday (whatever the holidays). */
export function hasHoursOn(schedule: Schedule, epochDay: number): boolean {
  return (schedule.days[weekdayOfDay(epochDay) - 1]?.length ?? 0) > 0;
}

export function isClosedForHoliday(schedule: Schedule, epochDay: number): boolean {
  return schedule.holidays !== null && isHolidayDay(schedule.holidays, epochDay);
}

/** The open intervals of the local date `epochDay` in `zone`, as UTC [from, to) millisecond pairs. */
export function dayIntervals(schedule: Schedule, zone: string, epochDay: number): readonly number[] {
  let byDay = schedule.cache.get(zone);
  if (byDay === undefined) {
    if (schedule.cache.size >= MAX_CACHED_ZONES) schedule.cache.clear();
    byDay = new Map();
    schedule.cache.set(zone, byDay);
  }
  const cached = byDay.get(epochDay);
  if (cached !== undefined) return cached;
  const pairs = schedule.days[weekdayOfDay(epochDay) - 1] ?? NO_INTERVALS;
  let intervals = NO_INTERVALS;
  if (pairs.length > 0 && !isClosedForHoliday(schedule, epochDay)) {
    const computed: number[] = [];
    const midnight = epochDay * MS_PER_DAY;
    for (let i = 0; i < pairs.length; i += 2) {
      const from = instantOfWallClock(zone, midnight + (pairs[i] ?? 0) * MS_PER_MINUTE);
      const to = instantOfWallClock(zone, midnight + (pairs[i + 1] ?? 0) * MS_PER_MINUTE);
      if (from < to) computed.push(from, to);
    }
    intervals = computed;
  }
  if (byDay.size >= MAX_CACHED_DAYS) byDay.clear();
  byDay.set(epochDay, intervals);
  return intervals;
}

export function isOpenAt(schedule: Schedule, zone: string, ms: number): boolean {
  if (schedule.alwaysOpen) return true;
  const intervals = dayIntervals(schedule, zone, localDay(zone, ms));
  for (let i = 0; i < intervals.length; i += 2) {
    if (ms >= (intervals[i] ?? 0) && ms < (intervals[i + 1] ?? 0)) return true;
  }
  return false;
}

/** The first instant ≥ `ms` at which the schedule is open in `zone`, or +∞ when none starts before `limit`. */
export function nextOpening(schedule: Schedule, zone: string, ms: number, limit: number): number {
  if (schedule.alwaysOpen) return ms;
  const first = localDay(zone, ms);
  const lastDay = localDay(zone, limit) + 1;
  for (let day = first; day <= lastDay; day++) {
    const intervals = dayIntervals(schedule, zone, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const to = intervals[i + 1] ?? 0;
      if (to > ms) return Math.max(intervals[i] ?? 0, ms);
    }
  }
  return Number.POSITIVE_INFINITY;
}
