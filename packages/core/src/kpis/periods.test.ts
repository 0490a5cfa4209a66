import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay } from '../shared/dates.ts';
import {
  calendarPeriod,
  calendarPeriods,
  daysInMonth,
  groupRows,
  monthsBetween,
  shiftMonth,
} from './periods.ts';

describe('calendarPeriod', () => {
  it.each([
    { date: '2026-03-16', granularity: 'day', key: '2026-03-16', from: '2026-03-16', to: '2026-03-16' },
    // 2026-01-01 is a Thursday: week 1 runs Monday 29 Dec 2025 → Sunday 4 Jan 2026
    { date: '2026-01-01', granularity: 'week', key: '2026-W01', from: '2025-12-29', to: '2026-01-04' },
    // 2027-01-01 is a Friday: it belongs to the 53rd week of 2026
    { date: '2027-01-01', granularity: 'week', key: '2026-W53', from: '2026-12-28', to: '2027-01-03' },
    // Monday 30 Dec 2024 starts 2025-W01
    { date: '2024-12-30', granularity: 'week', key: '2025-W01', from: '2024-12-30', to: '2025-01-05' },
    { date: '2028-02-10', granularity: 'month', key: '2028-02', from: '2028-02-01', to: '2028-02-29' },
    { date: '2026-05-31', granularity: 'quarter', key: '2026-Q2', from: '2026-04-01', to: '2026-06-30' },
    { date: '2026-12-31', granularity: 'quarter', key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' },
    { date: '2026-07-04', granularity: 'year', key: '2026', from: '2026-01-01', to: '2026-12-31' },
  ] as const)('$date by $granularity → $key', ({ date, granularity, key, from, to }) => {
    expect(calendarPeriod(date, granularity)).toEqual({ key, from, to });
  });

  it('numbers weeks as ISO 8601 does (Temporal as the reference)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (day) => {
        const date = fromEpochDay(day);
        const plain = Temporal.PlainDate.from(date);
        const week = calendarPeriod(date, 'week');
        expect(week.key).toBe(`${plain.yearOfWeek}-W${String(plain.weekOfYear).padStart(2, '0')}`);
        expect(week.from <= date && date <= week.to).toBe(true);
      }),
    );
  });
});

describe('months', () => {
  it('shifts, counts and measures months', () => {
    expect(shiftMonth('2026-11', 3)).toBe('2027-02');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('2025-12')).toBe(31);
    expect(() => shiftMonth('2026-13', 1)).toThrow(/month/);
  });
});

describe('calendarPeriods', () => {
  it('covers the range without gaps or overlaps', () => {
    expect(calendarPeriods('2026-01-30', '2026-03-02', 'month').map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(calendarPeriods('2026-03-02', '2026-01-30', 'month')).toEqual([]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
        (start, length, granularity) => {
          const from = fromEpochDay(start);
          const to = addDays(from, length);
          const periods = calendarPeriods(from, to, granularity);
          expect(periods[0]!.from <= from).toBe(true);
          expect(periods.at(-1)!.to >= to).toBe(true);
          for (let i = 1; i < periods.length; i++) {
            expect(periods[i]!.from).toBe(addDays(periods[i - 1]!.to, 1));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('groupRows', () => {
  it('groups rows under sorted keys, keeping their order inside a group', () => {
    const rows = [
      { agent: 'b', n: 1 },
      { agent: 'a', n: 2 },
      { agent: 'b', n: 3 },
    ];
    const groups = groupRows(rows, (r) => r.agent);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('b')?.map((r) => r.n)).toEqual([1, 3]);
  });
});
