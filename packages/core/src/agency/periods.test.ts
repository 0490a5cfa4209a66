import { describe, expect, it } from 'vitest';
import { endedPeriods, nextPeriod, parsePeriod, periodOf, remittanceDueOn } from './periods.ts';

describe('periodOf', () => {
  it.each([
    ['2026-10-15', 'monthly', '2026-10', '2026-10-01', '2026-10-31'],
    ['2028-02-10', 'monthly', '2028-02', '2028-02-01', '2028-02-29'],
    ['2026-10-15', 'fortnightly', '2026-10-F1', '2026-10-01', '2026-10-15'],
    ['2026-10-16', 'fortnightly', '2026-10-F2', '2026-10-16', '2026-10-31'],
    ['2026-02-20', 'fortnightly', '2026-02-F2', '2026-02-16', '2026-02-28'],
    // 2026-10-15 is a Thursday: ISO week 42, Monday 12 to Sunday 18 October
    ['2026-10-15', 'weekly', '2026-W42', '2026-10-12', '2026-10-18'],
    // 1 January 2027 is a Friday: it belongs to the last ISO week of 2026 (W53, 28 Dec – 3 Jan)
    ['2027-01-01', 'weekly', '2026-W53', '2026-12-28', '2027-01-03'],
    // 29 December 2025 is a Monday: ISO week 1 of 2026
    ['2025-12-29', 'weekly', '2026-W01', '2025-12-29', '2026-01-04'],
  ] as const)('%s %s → %s [%s, %s]', (date, frequency, key, start, end) => {
    expect(periodOf(date, frequency)).toEqual({ key, frequency, start, end });
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2026-10', 'monthly', '2026-10-01', '2026-10-31'],
    ['2026-10-F2', 'fortnightly', '2026-10-16', '2026-10-31'],
    ['2026-W42', 'weekly', '2026-10-12', '2026-10-18'],
    ['2026-W53', 'weekly', '2026-12-28', '2027-01-03'],
  ] as const)('%s', (key, frequency, start, end) => {
    expect(parsePeriod(key)).toEqual({ key, frequency, start, end });
  });

  it.each(['2026-13', '2026-10-F3', '2026-W00', '2027-W53', 'octobre', '2026-10-01', ''])(
    'refuses %j',
    (key) => {
      expect(parsePeriod(key)).toBeNull();
    },
  );
});

describe('nextPeriod, endedPeriods and the due date', () => {
  it('walks periods of each frequency', () => {
    const october = parsePeriod('2026-12');
    expect(october && nextPeriod(october).key).toBe('2027-01');
    const f2 = parsePeriod('2026-10-F2');
    expect(f2 && nextPeriod(f2).key).toBe('2026-11-F1');
    const w53 = parsePeriod('2026-W53');
    expect(w53 && nextPeriod(w53).key).toBe('2027-W01');
  });

  it('lists the periods ended before today, oldest first, from the period of the first day', () => {
    expect(endedPeriods('2026-08-20', '2026-11-01', 'monthly').map((p) => p.key)).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    // October ends on the 31st: on that day it has not ended yet
    expect(endedPeriods('2026-10-05', '2026-10-31', 'monthly')).toEqual([]);
    expect(endedPeriods('2026-10-05', '2026-10-20', 'weekly').map((p) => p.key)).toEqual([
      '2026-W41',
      '2026-W42',
    ]);
    expect(endedPeriods('2020-01-01', '2026-10-20', 'weekly', 3)).toHaveLength(3);
  });

  it('is due the period end plus the delay (31 October + 10 days = 10 November)', () => {
    const october = parsePeriod('2026-10');
    expect(october && remittanceDueOn(october, 10)).toBe('2026-11-10');
    expect(october && remittanceDueOn(october, 0)).toBe('2026-10-31');
  });
});
