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

/**
 * Day arithmetic without Temporal objects: the daily run does it a million times.
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil-days algorithm).
 */
export function toEpochDay(date: IsoDate): number {
  // YYYY-MM-DD read digit by digit: no match array and no substrings for the million calls of a run.
  if (date.length === 10 && date.charCodeAt(4) === DASH && date.charCodeAt(7) === DASH) {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return civilDay(year, month, day, date);
  }
  const m = ISO_DATE.exec(date);
  if (!m) throw new DomainError('invalid_input', `Not an ISO date: ${date}`, { date });
  return civilDay(Number(m[1]), Number(m[2]), Number(m[3]), date);
}

const DASH = 45;

/** The decimal number in `s` from `from` to `to`, or -1 when a character there is not an ASCII digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function civilDay(year: number, m: number, d: number, date: string): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] ?? 0);
  if (m < 1 || m > 12 || d < 1 || d > last) {
    throw new DomainError('invalid_input', `Not an ISO date: ${date}`, { date });
  }
  let y = year;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
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
  return toEpochDay(b) - toEpochDay(a);
}

/** -1, 0 or 1, for sorting. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  // ISO dates of four-digit years sort as strings.
  return a < b ? -1 : a > b ? 1 : 0;
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
