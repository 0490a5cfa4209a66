import { Temporal } from 'temporal-polyfill';
import { DomainError } from './errors.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

/** A calendar date with no time and no zone, 'YYYY-MM-DD'. The only date type of the domain. */
export type IsoDate = string;
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type DateError = 'empty' | 'invalid_date';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function plainDate(year: number, month: number, day: number): Temporal.PlainDate | null {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** True for a real calendar date written 'YYYY-MM-DD' ('2023-02-29' is false). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && plainDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

function toPlain(date: IsoDate): Temporal.PlainDate {
  const m = ISO_DATE.exec(date);
  const parsed = m && plainDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!parsed) throw new DomainError('invalid_input', `Not an ISO date: ${date}`, { date });
  return parsed;
}

// An optional time after the date ('15/03/2024 10:30', '2024-03-15T10:30:00Z') is dropped, as written.
const DATE_FIELDS = /^(\d{1,4})[/\-. ]+(\d{1,2})[/\-. ]+(\d{1,4})(?:(?:T|\s+)\d{1,2}[:h]\d{2}.*)?$/i;
const COMPACT_YMD = /^(\d{4})(\d{2})(\d{2})$/;

function fullYear(field: string): number | null {
  if (field.length === 4) return Number(field);
  if (field.length !== 2) return null;
  const short = Number(field);
  return short < 70 ? 2000 + short : 1900 + short;
}

/**
 * Reads a date typed by a human or exported by a tool: '15/03/2024', '15-3-24', '15.03.2024', '03/15/2024'
 * (order 'mdy'), '2024-03-15' and '2024-03-15T10:30:00' (always, whatever the order), '20240315' (ymd).
 * Two-digit years are 20xx below 70, else 19xx. The calendar is checked: 31/02 is refused.
 */
export function parseDate(text: string, order: DateOrder): Result<IsoDate, DateError> {
  const trimmed = text.trim();
  if (trimmed === '') return err('empty');
  const compact = order === 'ymd' ? COMPACT_YMD.exec(trimmed) : null;
  const m = compact ?? DATE_FIELDS.exec(trimmed);
  if (!m) return err('invalid_date');
  const [, a = '', b = '', c = ''] = m;
  // A four-digit first field can only be a year: ISO order wins over the column's order.
  const effective: DateOrder = a.length === 4 ? 'ymd' : order;
  const [yearField, monthField, dayField] =
    effective === 'ymd' ? [a, b, c] : effective === 'dmy' ? [c, b, a] : [c, a, b];
  const year = fullYear(yearField);
  if (year === null || dayField.length > 2 || monthField.length > 2) return err('invalid_date');
  const date = plainDate(year, Number(monthField), Number(dayField));
  return date ? ok(date.toString()) : err('invalid_date');
}

/**
 * Guesses a column's date order from many of its values: a first field above 12 means day-first, a second
 * field above 12 means month-first, year-first values alone mean ISO. Undecided → 'dmy', the French default.
 */
export function detectDateOrder(samples: readonly string[]): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  let yearFirst = false;
  let other = false;
  for (const sample of samples) {
    const m = DATE_FIELDS.exec(sample.trim());
    if (!m) continue;
    const [, a = '', b = ''] = m;
    if (a.length === 4) {
      yearFirst = true;
      continue;
    }
    other = true;
    if (Number(a) > 12) dayFirst = true;
    else if (Number(b) > 12) monthFirst = true;
  }
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  if (yearFirst && !other) return 'ymd';
  return 'dmy';
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toPlain(date).add({ days }).toString();
}

/** Same day N years later; 29 Feb lands on 28 Feb in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return toPlain(date).add({ years }, { overflow: 'constrain' }).toString();
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return toPlain(date).add({ months }, { overflow: 'constrain' }).toString();
}

/** b − a in whole days: daysBetween('2024-03-15', '2024-03-16') = 1. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toPlain(a).until(toPlain(b), { largestUnit: 'day' }).days;
}

/** -1, 0 or 1, for sorting. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Temporal.PlainDate.compare(toPlain(a), toPlain(b));
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-03-16' → '16/03/2026' (fr) or '16 Mar 2026' (en). Fixed formats, independent of the ICU version. */
export function formatDate(date: IsoDate, locale: 'fr' | 'en'): string {
  const d = toPlain(date);
  const day = String(d.day).padStart(2, '0');
  if (locale === 'fr') return `${day}/${String(d.month).padStart(2, '0')}/${d.year}`;
  return `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`;
}
