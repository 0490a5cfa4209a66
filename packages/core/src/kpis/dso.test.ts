import { describe, expect, it } from 'vitest';
import { countbackMonths, daysSalesOutstanding, dsoTrend } from './dso.ts';

const EUR = 'EUR';

describe('dso (countback)', () => {
  it('the worked example: 150 000 against November 100 000 and October 80 000', () => {
    // November's 100 000 are all still owed: 30 days; 50 000 remain.
    // October: 50 000 / 80 000 × 31 = 19.375 days → 30 + 19.375 = 49.375 → 49.4
    const result = daysSalesOutstanding({
      currency: EUR,
      receivablesMinor: 15_000_000,
      months: [
        { month: '2025-11', salesMinor: 10_000_000, days: 30 },
        { month: '2025-10', salesMinor: 8_000_000, days: 31 },
        { month: '2025-09', salesMinor: 9_000_000, days: 30 },
      ],
    });
    expect(result.days).toBe('49.4');
    expect(result.complete).toBe(true);
    expect(result.monthsUsed.map((m) => [m.month, m.coveredMinor, m.daysCounted])).toEqual([
      ['2025-11', 10_000_000, '30.0'],
      ['2025-10', 5_000_000, '19.4'],
    ]);
  });

  it.each([
    // the balance is less than the last month's sales: 40 000 / 100 000 × 30 = 12 days
    { receivables: 40_000, months: [[100_000, 30]], days: '12.0', complete: true },
    // exactly the last month: 30 days, the older month is not reached
    {
      receivables: 100_000,
      months: [
        [100_000, 30],
        [80_000, 31],
      ],
      days: '30.0',
      complete: true,
    },
    // a month without sales counts in full: 30 + 1 000 / 3 000 × 31 = 40.333 → 40.3
    {
      receivables: 1_000,
      months: [
        [0, 30],
        [3_000, 31],
      ],
      days: '40.3',
      complete: true,
    },
    // a partial newest month (period ends on the 15th): 15 + 2 000 / 6 000 × 31 = 25.333 → 25.3
    {
      receivables: 5_000,
      months: [
        [3_000, 15],
        [6_000, 31],
      ],
      days: '25.3',
      complete: true,
    },
    // more owed than all the sales given: a floor, 30 + 31 = 61 days, incomplete
    {
      receivables: 500_000,
      months: [
        [100_000, 30],
        [80_000, 31],
      ],
      days: '61.0',
      complete: false,
    },
    // nothing owed, or a credit balance: 0 days
    { receivables: 0, months: [[100_000, 30]], days: '0.0', complete: true },
    { receivables: -5_000, months: [[100_000, 30]], days: '0.0', complete: true },
    // rounding half up: 1 / 16 × 30 = 1.875 → 1.9; 1 / 80 × 30 = 0.375 → 0.4
    { receivables: 1, months: [[16, 30]], days: '1.9', complete: true },
    { receivables: 1, months: [[80, 30]], days: '0.4', complete: true },
  ])('$receivables owed → $days days', ({ receivables, months, days, complete }) => {
    const start = ['2026-04', '2026-03', '2026-02'];
    const result = daysSalesOutstanding({
      currency: EUR,
      receivablesMinor: receivables,
      months: months.map(([sales, d], i) => ({ month: start[i]!, salesMinor: sales!, days: d! })),
    });
    expect(result.days).toBe(days);
    expect(result.complete).toBe(complete);
  });

  it('refuses months out of order, gaps and impossible day counts', () => {
    const m = (month: string, days = 30) => ({ month, salesMinor: 1, days });
    expect(() =>
      daysSalesOutstanding({
        currency: EUR,
        receivablesMinor: 5,
        months: [m('2026-03', 31), m('2026-01', 31)],
      }),
    ).toThrow(/consecutive/);
    expect(() =>
      daysSalesOutstanding({ currency: EUR, receivablesMinor: 5, months: [m('2026-02', 29)] }),
    ).toThrow(/1 to 28/);
    expect(() =>
      daysSalesOutstanding({ currency: EUR, receivablesMinor: 5, months: [m('2026-02', 0)] }),
    ).toThrow(/days/);
  });
});

describe('countbackMonths', () => {
  it('gives the months back from a period end, the newest one partial', () => {
    expect(countbackMonths('2026-03-15', 3)).toEqual([
      { month: '2026-03', from: '2026-03-01', to: '2026-03-15', days: 15 },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-28', days: 28 },
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31', days: 31 },
    ]);
  });
});

describe('dsoTrend', () => {
  it('orders the period ends and gives the change of the figures shown', () => {
    const trend = dsoTrend([
      // end of November: 49.4 (the worked example)
      {
        periodEnd: '2025-11-30',
        currency: EUR,
        receivablesMinor: 150_000,
        months: [
          { month: '2025-11', salesMinor: 100_000, days: 30 },
          { month: '2025-10', salesMinor: 80_000, days: 31 },
        ],
      },
      // end of October: 60 000 / 80 000 × 31 = 23.25 → 23.3
      {
        periodEnd: '2025-10-31',
        currency: EUR,
        receivablesMinor: 60_000,
        months: [{ month: '2025-10', salesMinor: 80_000, days: 31 }],
      },
      // end of December: 31 + 30 = 61 days exactly, then 0 of October: 61.0
      {
        periodEnd: '2025-12-31',
        currency: EUR,
        receivablesMinor: 120_000,
        months: [
          { month: '2025-12', salesMinor: 20_000, days: 31 },
          { month: '2025-11', salesMinor: 100_000, days: 30 },
        ],
      },
    ]);
    expect(trend).toEqual([
      { periodEnd: '2025-10-31', days: '23.3', complete: true, change: null },
      // 49.4 − 23.3 = +26.1
      { periodEnd: '2025-11-30', days: '49.4', complete: true, change: '+26.1' },
      // 61.0 − 49.4 = +11.6
      { periodEnd: '2025-12-31', days: '61.0', complete: true, change: '+11.6' },
    ]);
    const better = dsoTrend([
      {
        periodEnd: '2026-01-31',
        currency: EUR,
        receivablesMinor: 50,
        months: [{ month: '2026-01', salesMinor: 100, days: 31 }],
      },
      {
        periodEnd: '2026-02-28',
        currency: EUR,
        receivablesMinor: 50,
        months: [{ month: '2026-02', salesMinor: 100, days: 28 }],
      },
    ]);
    // 15.5 then 14.0: −1.5
    expect(better.map((p) => p.change)).toEqual([null, '-1.5']);
  });
});
