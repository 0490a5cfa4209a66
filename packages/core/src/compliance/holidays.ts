import { dayOfIsoDate, daysFromCivil, weekdayOfDay, yearOfDay } from './instants.ts';

export type HolidayCalendar = 'fr' | 'us-federal';

/** Easter Sunday of a Gregorian year as an epoch day (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/**
 * The eleven public holidays of C. trav. L3133-1 (metropolitan France). Not included: Good Friday and
 * 26 December (Alsace-Moselle only) and the abolition-of-slavery days of the overseas departments.
 */
function frenchHolidays(year: number): number[] {
  const easter = easterSunday(year);
  return [
    daysFromCivil(year, 1, 1),
    easter + 1, // Easter Monday
    daysFromCivil(year, 5, 1),
    daysFromCivil(year, 5, 8),
    easter + 39, // Ascension Thursday
    easter + 50, // Whit Monday
    daysFromCivil(year, 7, 14),
    daysFromCivil(year, 8, 15),
    daysFromCivil(year, 11, 1),
    daysFromCivil(year, 11, 11),
    daysFromCivil(year, 12, 25),
  ];
}

/** The `nth` (1-based) `weekday` of a month; nth = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  if (nth < 0) {
    const last = daysFromCivil(year, month + 1, 1) - 1;
    return last - ((weekdayOfDay(last) - weekday + 7) % 7);
  }
  const first = daysFromCivil(year, month, 1);
  return first + ((weekday - weekdayOfDay(first) + 7) % 7) + (nth - 1) * 7;
}

/** A holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday after. */
function observed(day: number): number {
  const weekday = weekdayOfDay(day);
  return weekday === 6 ? day - 1 : weekday === 7 ? day + 1 : day;
}

/**
 * Legal public holidays of 5 U.S.C. 6103(a), with both the date itself and the observed day off (the
 * Saturday → Friday, Sunday → Monday shift of 6103(b) and Executive Order 11582). Juneteenth from 2021.
 * Inauguration Day (6103(c), Washington D.C. area only) is not included.
 */
function usFederalHolidays(year: number): number[] {
  const fixed = [
    daysFromCivil(year, 1, 1),
    ...(year >= 2021 ? [daysFromCivil(year, 6, 19)] : []),
    daysFromCivil(year, 7, 4),
    daysFromCivil(year, 11, 11),
    daysFromCivil(year, 12, 25),
  ];
  const moving = [
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
  ];
  // 1 January of the next year falls on a Saturday: observed on 31 December of this one.
  const nextNewYear = observed(daysFromCivil(year + 1, 1, 1));
  return [...fixed, ...fixed.map(observed), ...moving, nextNewYear].filter((d) => yearOfDay(d) === year);
}

const MAX_CACHED_YEARS = 400;
const caches: Record<HolidayCalendar, Map<number, ReadonlySet<number>>> = {
  fr: new Map(),
  'us-federal': new Map(),
};

function holidaysOf(calendar: HolidayCalendar, year: number): ReadonlySet<number> {
  const cache = caches[calendar];
  let days = cache.get(year);
  if (days === undefined) {
    days = new Set(calendar === 'fr' ? frenchHolidays(year) : usFederalHolidays(year));
    if (cache.size >= MAX_CACHED_YEARS) cache.clear();
    cache.set(year, days);
  }
  return days;
}

/** Holiday test on an epoch day, for the gate's hot path. */
export function isHolidayDay(calendar: HolidayCalendar, epochDay: number): boolean {
  return holidaysOf(calendar, yearOfDay(epochDay)).has(epochDay);
}

/** True when `isoDate` ('YYYY-MM-DD') is a public holiday (or, in the US, its observed day off). */
export function isPublicHoliday(calendar: HolidayCalendar, isoDate: string): boolean {
  return isHolidayDay(calendar, dayOfIsoDate(isoDate));
}
