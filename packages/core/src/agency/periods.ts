import { addDays, addMonths, fromEpochDay, isoWeekday, toEpochDay } from '../shared/dates.ts';
import type { RemittanceFrequency } from './mandate.ts';

/**
 * A remittance period and its key, as people and the CLI write it:
 * - monthly: `2026-10` (1–31 October);
 * - fortnightly: `2026-10-F1` (1–15) and `2026-10-F2` (16 to the month's end);
 * - weekly: the ISO week, `2026-W42` (Monday to Sunday).
 */
export type RemittancePeriod = {
  readonly key: string;
  readonly frequency: RemittanceFrequency;
  /** First and last day, both included. */
  readonly start: string;
  readonly end: string;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FORTNIGHT = /^(\d{4})-(0[1-9]|1[0-2])-F([12])$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a frequency that holds a day. */
export function periodOf(date: string, frequency: RemittanceFrequency): RemittancePeriod {
  const month = date.slice(0, 7);
  if (frequency === 'monthly') return monthPeriod(month);
  if (frequency === 'fortnightly') return fortnightPeriod(month, Number(date.slice(8, 10)) <= 15 ? 1 : 2);
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01`)) / 7) + 1;
  return weekPeriod(year, week);
}

/** The period a key names, or null when the key is not one (or names a week the year does not have). */
export function parsePeriod(key: string): RemittancePeriod | null {
  const text = key.trim();
  if (MONTH.test(text)) return monthPeriod(text);
  const fortnight = FORTNIGHT.exec(text);
  if (fortnight) return fortnightPeriod(text.slice(0, 7), fortnight[3] === '1' ? 1 : 2);
  const week = WEEK.exec(text);
  if (week) {
    const period = weekPeriod(Number(week[1]), Number(week[2]));
    return period.key === text ? period : null;
  }
  return null;
}

/** The period right after this one, of the same frequency. */
export function nextPeriod(period: RemittancePeriod): RemittancePeriod {
  return periodOf(addDays(period.end, 1), period.frequency);
}

/** The day the net of a period is to be remitted: the period's end plus the mandate's delay. */
export function remittanceDueOn(period: RemittancePeriod, delayDays: number): string {
  return addDays(period.end, delayDays);
}

/**
 * The periods of a frequency that ended before `today` and start on or after `from`'s period, oldest first:
 * what a scheduler closes. At most `limit` of them (a long-idle worker catches up step by step).
 */
export function endedPeriods(
  from: string,
  today: string,
  frequency: RemittanceFrequency,
  limit = 60,
): readonly RemittancePeriod[] {
  const out: RemittancePeriod[] = [];
  let period = periodOf(from, frequency);
  while (period.end < today && out.length < limit) {
    out.push(period);
    period = nextPeriod(period);
  }
  return out;
}

function monthPeriod(month: string): RemittancePeriod {
  const start = `${month}-01`;
  return { key: month, frequency: 'monthly', start, end: addDays(addMonths(start, 1), -1) };
}

function fortnightPeriod(month: string, half: 1 | 2): RemittancePeriod {
  const start = `${month}-${half === 1 ? '01' : '16'}`;
  const end = half === 1 ? `${month}-15` : addDays(addMonths(`${month}-01`, 1), -1);
  return { key: `${month}-F${half}`, frequency: 'fortnightly', start, end };
}

/** ISO week `week` of `year`: week 1 holds 4 January; it starts on a Monday. */
function weekPeriod(year: number, week: number): RemittancePeriod {
  const jan4 = toEpochDay(`${year}-01-04`);
  const monday = jan4 - (isoWeekday(`${year}-01-04`) - 1) + (week - 1) * 7;
  const start = fromEpochDay(monday);
  const end = fromEpochDay(monday + 6);
  // A week 53 that the year does not have is week 1 of the next one: its key says so.
  const thursday = fromEpochDay(monday + 3);
  const isoYear = Number(thursday.slice(0, 4));
  const isoWeek = isoYear === year ? week : 1;
  return { key: `${isoYear}-W${pad(isoWeek)}`, frequency: 'weekly', start, end };
}
