import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { DateOrder } from './dates.ts';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  detectDateOrder,
  formatDate,
  fromEpochDay,
  isIsoDate,
  isoWeekday,
  maxDate,
  minDate,
  parseDate,
  toEpochDay,
} from './dates.ts';
import { DomainError } from './errors.ts';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['2024-03-15T10:00', false],
    ['15/03/2024', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('parseDate', () => {
  const accepted: [string, DateOrder, string][] = [
    ['15/03/2024', 'dmy', '2024-03-15'],
    ['15-03-2024', 'dmy', '2024-03-15'],
    ['15.03.2024', 'dmy', '2024-03-15'],
    ['15 03 2024', 'dmy', '2024-03-15'],
    ['5/3/2024', 'dmy', '2024-03-05'],
    ['15/03/24', 'dmy', '2024-03-15'],
    ['15/03/69', 'dmy', '2069-03-15'],
    ['15/03/70', 'dmy', '1970-03-15'],
    ['15/03/99', 'dmy', '1999-03-15'],
    ['03/15/2024', 'mdy', '2024-03-15'],
    ['3/5/24', 'mdy', '2024-03-05'],
    ['2024/03/15', 'ymd', '2024-03-15'],
    ['24-03-15', 'ymd', '2024-03-15'],
    ['20240315', 'ymd', '2024-03-15'],
    ['2024-03-15', 'dmy', '2024-03-15'],
    ['2024-03-15', 'mdy', '2024-03-15'],
    ['2024-03-15T10:30:00Z', 'dmy', '2024-03-15'],
    ['2024-03-15T23:59:59.999+02:00', 'mdy', '2024-03-15'],
    ['2024-03-15 10:30', 'ymd', '2024-03-15'],
    ['15/03/2024 10:30', 'dmy', '2024-03-15'],
    ['15/03/2024 10h30', 'dmy', '2024-03-15'],
    ['  15/03/2024  ', 'dmy', '2024-03-15'],
    ['29/02/2024', 'dmy', '2024-02-29'],
    ['29/02/2000', 'dmy', '2000-02-29'],
  ];
  it.each(accepted)('%s (%s) → %s', (text, order, expected) => {
    expect(parseDate(text, order)).toEqual({ ok: true, value: expected });
  });

  const refused: [string, DateOrder, 'empty' | 'invalid_date'][] = [
    ['', 'dmy', 'empty'],
    ['   ', 'dmy', 'empty'],
    ['31/02/2024', 'dmy', 'invalid_date'],
    ['29/02/2023', 'dmy', 'invalid_date'],
    ['29/02/1900', 'dmy', 'invalid_date'],
    ['31/04/2024', 'dmy', 'invalid_date'],
    ['15/03/2024', 'mdy', 'invalid_date'],
    ['00/03/2024', 'dmy', 'invalid_date'],
    ['15/00/2024', 'dmy', 'invalid_date'],
    ['15/03/024', 'dmy', 'invalid_date'],
    ['2024-02-30', 'ymd', 'invalid_date'],
    ['20240315', 'dmy', 'invalid_date'],
    ['15/03', 'dmy', 'invalid_date'],
    ['hier', 'dmy', 'invalid_date'],
    ['15/03/2024/1', 'dmy', 'invalid_date'],
    ['115/03/2024', 'dmy', 'invalid_date'],
  ];
  it.each(refused)('%s (%s) → %s', (text, order, error) => {
    expect(parseDate(text, order)).toEqual({ ok: false, error });
  });
});

describe('detectDateOrder', () => {
  const cases: [string[], DateOrder][] = [
    [['01/02/2024', '15/03/2024'], 'dmy'],
    [['01/02/2024', '03/15/2024'], 'mdy'],
    [['2024-03-15', '2024-01-02'], 'ymd'],
    [['2024-03-15', '01/02/2024'], 'dmy'],
    [['01/02/2024', '03/04/2024'], 'dmy'],
    [[], 'dmy'],
    [['n/a', ''], 'dmy'],
    [['2024-03-15T10:00:00Z'], 'ymd'],
    [['13/01/2024', '01/13/2024'], 'dmy'],
  ];
  it.each(cases)('%j → %s', (samples, expected) => {
    expect(detectDateOrder(samples)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-03-15', 0, '2024-03-15'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-03-15', 2, '2026-03-15'],
    ['2024-03-15', -1, '2023-03-15'],
  ])('addYears(%s, %i) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-03-15', '2024-03-16', 1],
    ['2024-03-16', '2024-03-15', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2024-03-15', '2024-03-15', 0],
  ])('daysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it.each([
    ['2024-03-15', '2024-03-16', -1],
    ['2024-03-16', '2024-03-15', 1],
    ['2024-03-15', '2024-03-15', 0],
  ])('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
    expect(maxDate(a, b)).toBe(expected >= 0 ? a : b);
    expect(minDate(a, b)).toBe(expected <= 0 ? a : b);
  });

  it.each(['2024-02-30', '15/03/2024', '2024-03-15T00:00'])('refuses %s as an IsoDate', (bad) => {
    expect(() => addDays(bad, 1)).toThrow(DomainError);
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-03-16', 'fr', '16/03/2026'],
    ['2026-03-16', 'en', '16 Mar 2026'],
    ['2026-09-05', 'fr', '05/09/2026'],
    ['2026-09-05', 'en', '5 Sep 2026'],
  ] as const)('%s (%s) → %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });
});

describe('epoch-day arithmetic', () => {
  it('agrees with Temporal over four centuries of dates', () => {
    let date = Temporal.PlainDate.from('1899-12-25');
    for (let i = 0; i < 146_097 + 800; i += 37) {
      const iso = date.toString();
      expect(fromEpochDay(toEpochDay(iso))).toBe(iso);
      expect(isoWeekday(iso)).toBe(date.dayOfWeek);
      expect(addDays(iso, 37)).toBe(date.add({ days: 37 }).toString());
      date = date.add({ days: 37 });
    }
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2016-01-01', '2016-04-10')).toBe(100);
    expect(toEpochDay('1970-01-01')).toBe(0);
  });
});
