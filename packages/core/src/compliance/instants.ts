import { DomainError } from '../shared/errors.ts';

// Instants are epoch milliseconds inside the gate: parsing and calendar arithmetic are done by hand, with
// integers, because the daily run asks the gate about a million cases and the Temporal polyfill costs
// microseconds per call. Temporal is used only where the time-zone database is needed (zones.ts).

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The Gregorian date of an epoch day, packed as year * 10000 + month * 100 + day (no allocation). */
export function civilFromDays(epochDay: number): number {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

export function yearOfDay(epochDay: number): number {
  return Math.floor(civilFromDays(epochDay) / 10000);
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i;

function checkedDay(year: number, month: number, day: number): number | null {
  // Written as positive tests so that NaN (a non-digit) fails them.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return daysFromCivil(year, month, day);
}

/** 'YYYY-MM-DD' → epoch day; throws on anything else (a programming error: dates are validated at the edge). */
export function dayOfIsoDate(text: string): number {
  const m = ISO_DATE.exec(text);
  const day = m ? checkedDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day === null) throw new DomainError('invalid_input', `Not an ISO date: ${text}`, { date: text });
  return day;
}

function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * 'YYYY-MM-DDTHH:MM:SSZ' and 'YYYY-MM-DDTHH:MM:SS.sssZ' (what the server and `toISOString` write), read
 * digit by digit: the daily run parses millions of them. NaN for any other shape, left to the full parser.
 */
function parseUsualShape(text: string): number {
  const length = text.length;
  if (length !== 20 && length !== 24) return Number.NaN;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
    return Number.NaN;
  if (text[length - 1] !== 'Z' || (length === 24 && text[19] !== '.')) return Number.NaN;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const millis = length === 24 ? digitsAt(text, 20, 3) : 0;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) return Number.NaN;
  const day = checkedDay(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2));
  if (day === null) return Number.NaN;
  return day * MS_PER_DAY + hour * 3_600_000 + minute * MS_PER_MINUTE + second * 1000 + millis;
}

/**
 * An ISO 8601 instant with an explicit offset ('2026-11-23T09:00:00Z', '2026-11-23T10:00+01:00') → epoch
 * milliseconds. A local date-time without offset is refused: it would depend on the machine's zone.
 */
export function parseInstant(text: string): number {
  const fast = parseUsualShape(text);
  if (!Number.isNaN(fast)) return fast;
  const m = ISO_INSTANT.exec(text);
  const hour = m ? Number(m[4]) : 0;
  const minute = m ? Number(m[5]) : 0;
  const second = m?.[6] ? Number(m[6]) : 0;
  const day = m ? checkedDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!m || day === null || hour > 23 || minute > 59 || second > 59) {
    throw new DomainError('invalid_input', `Not an ISO instant with an offset: ${text}`, { instant: text });
  }
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const zone = m[8] ?? 'Z';
  const offset =
    zone === 'Z' || zone === 'z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) *
        MS_PER_MINUTE;
  return day * MS_PER_DAY + hour * 3_600_000 + minute * MS_PER_MINUTE + second * 1000 + millis - offset;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Epoch day → 'YYYY-MM-DD'. */
export function isoDateOfDay(epochDay: number): string {
  const packed = civilFromDays(epochDay);
  const year = Math.floor(packed / 10000);
  return `${String(year).padStart(4, '0')}-${pad2(Math.floor(packed / 100) % 100)}-${pad2(packed % 100)}`;
}

/** Epoch milliseconds → '2026-11-23T09:00:00Z' (milliseconds only when there are some). */
export function formatInstant(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  const rest = ms - day * MS_PER_DAY;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return `${isoDateOfDay(day)}T${time}${millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`}Z`;
}

/** 'HH:MM' → minutes after midnight; '24:00' only when `allowEndOfDay`. */
export function parseClock(text: string, allowEndOfDay: boolean): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59) return null;
  if (minutes === MINUTES_PER_DAY) return allowEndOfDay ? minutes : null;
  return minutes < MINUTES_PER_DAY ? minutes : null;
}

export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
