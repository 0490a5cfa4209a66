import { describe, expect, it } from 'vitest';
import { formatDate, formatZonedDateTime, localIsoDate, shiftIsoDate } from './dates.ts';

describe('formatDate', () => {
  it('shows a calendar date in the locale, without time-zone shifts', () => {
    expect(formatDate('2024-03-01', 'fr')).toBe('1 mars 2024');
    expect(formatDate('2024-03-01', 'en')).toBe('1 Mar 2024');
  });

  it('shows a dash for no date and the text as is when it is not a date', () => {
    expect(formatDate(null, 'fr')).toBe('—');
    expect(formatDate('bientôt', 'fr')).toBe('bientôt');
  });
});

describe('localIsoDate', () => {
  it('gives the calendar day of an instant in the local time zone', () => {
    expect(localIsoDate(new Date(2026, 2, 29, 23, 59))).toBe('2026-03-29');
    expect(localIsoDate(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});

describe('formatZonedDateTime', () => {
  it('shows an instant in the given zone with the zone named', () => {
    expect(formatZonedDateTime('2026-03-17T09:30:00.000Z', 'fr', 'Europe/Paris')).toBe(
      '17 mars 2026, 10:30 UTC+1',
    );
    expect(formatZonedDateTime('2026-07-17T09:30:00.000Z', 'fr', 'Europe/Paris')).toBe(
      '17 juil. 2026, 11:30 UTC+2',
    );
    expect(formatZonedDateTime('2026-03-17T09:30:00.000Z', 'en', 'UTC')).toBe('17 Mar 2026, 09:30 UTC');
  });

  it('shows a dash for no instant', () => {
    expect(formatZonedDateTime(null, 'fr', 'UTC')).toBe('—');
  });
});

describe('shiftIsoDate', () => {
  it('moves a day by days or months, across month and year ends, keeping the last day of a short month', () => {
    expect(shiftIsoDate('2026-03-16', { days: 7 })).toBe('2026-03-23');
    expect(shiftIsoDate('2026-12-28', { days: 14 })).toBe('2027-01-11');
    expect(shiftIsoDate('2026-03-16', { months: 1 })).toBe('2026-04-16');
    expect(shiftIsoDate('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(shiftIsoDate('2028-01-31', { months: 1 })).toBe('2028-02-29');
    expect(shiftIsoDate('2026-03-16', { days: 366 })).toBe('2027-03-17');
  });
});
