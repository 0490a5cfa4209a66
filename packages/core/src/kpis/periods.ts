import { addDays, type IsoDate, isoWeekday, toEpochDay } from '../shared/dates.ts';
import { checkDate, fail } from './common.ts';

/**
 * Calendar periods the KPIs are cut by. Keys sort as strings in time order within one granularity:
 * day '2026-03-16', ISO week '2026-W12' (Monday to Sunday, the week of its Thursday's year), month
 * '2026-03', quarter '2026-Q1', year '2026'.
 */
export const PERIOD_GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

/** A period and its first and last days (both included). */
export type CalendarPeriod = { readonly key: string; readonly from: IsoDate; readonly to: IsoDate };

/** 'YYYY-MM'. */
export type MonthKey = string;

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parts(date: IsoDate): { readonly year: number; readonly month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function monthOf(date: IsoDate): MonthKey {
  checkDate(date, 'date');
  return date.slice(0, 7);
}

function readMonth(month: MonthKey): { readonly year: number; readonly month: number } {
  const m = MONTH_KEY.exec(month);
  const year = Number(m?.[1]);
  const number = Number(m?.[2]);
  if (!m || number < 1 || number > 12) fail(`Not a month (YYYY-MM): ${month}`, { month });
  return { year, month: number };
}

export function firstDayOfMonth(month: MonthKey): IsoDate {
  readMonth(month);
  return `${month}-01`;
}

/** The month `offset` months after `month` (before when negative). */
export function shiftMonth(month: MonthKey, offset: number): MonthKey {
  const { year, month: m } = readMonth(month);
  const index = year * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad2((index % 12) + 1)}`;
}

/** Whole months from `from` to `to`: ('2026-01', '2026-03') → 2. */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  const a = readMonth(from);
  const b = readMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

export function lastDayOfMonth(month: MonthKey): IsoDate {
  return addDays(firstDayOfMonth(shiftMonth(month, 1)), -1);
}

export function daysInMonth(month: MonthKey): number {
  return Number(lastDayOfMonth(month).slice(8, 10));
}

function isoWeek(date: IsoDate): CalendarPeriod {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01`)) / 7) + 1;
  return { key: `${year}-W${pad2(week)}`, from: monday, to: addDays(monday, 6) };
}

/** The period of a granularity that holds `date`. */
export function calendarPeriod(date: IsoDate, granularity: PeriodGranularity): CalendarPeriod {
  checkDate(date, 'date');
  const { year, month } = parts(date);
  const y = date.slice(0, 4);
  switch (granularity) {
    case 'day':
      return { key: date, from: date, to: date };
    case 'week':
      return isoWeek(date);
    case 'month': {
      const key = date.slice(0, 7);
      return { key, from: `${key}-01`, to: lastDayOfMonth(key) };
    }
    case 'quarter': {
      const quarter = Math.floor((month - 1) / 3);
      const first = `${y}-${pad2(quarter * 3 + 1)}`;
      return { key: `${y}-Q${quarter + 1}`, from: `${first}-01`, to: lastDayOfMonth(shiftMonth(first, 2)) };
    }
    case 'year':
      return { key: String(year).padStart(4, '0'), from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/**
 * Every period from the one holding `from` to the one holding `to`, in order and without gaps (a chart's
 * axis: a week with nothing in it is still a week). Capped: a silly range is a mistake, not a request.
 */
export function calendarPeriods(
  from: IsoDate,
  to: IsoDate,
  granularity: PeriodGranularity,
  max = 5000,
): readonly CalendarPeriod[] {
  checkDate(from, 'from');
  checkDate(to, 'to');
  const periods: CalendarPeriod[] = [];
  if (to < from) return periods;
  for (
    let p = calendarPeriod(from, granularity);
    p.from <= to;
    p = calendarPeriod(addDays(p.to, 1), granularity)
  ) {
    if (periods.length === max) fail(`More than ${max} periods from ${from} to ${to}`, { from, to });
    periods.push(p);
  }
  return periods;
}

/** Rows grouped by a key (a creditor, a strategy, a segment, a channel, an agent, a period…), keys sorted. */
export function groupRows<T>(
  rows: readonly T[],
  keyOf: (row: T) => string,
): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The dimensions any KPI can be cut by; the caller groups its rows by one before calling a formula. */
export const KPI_DIMENSIONS = ['creditor', 'strategy', 'segment', 'channel', 'agent', 'period'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
