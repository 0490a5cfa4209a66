import { describe, expect, it } from 'vitest';
import { checkPlanPolicy, DEFAULT_PLAN_POLICY, readPlanPolicy } from './policy.ts';
import { computeSchedule, nthDueDate, planTotal, splitEvenly } from './schedule.ts';

const TODAY = '2026-01-15';
const policy = DEFAULT_PLAN_POLICY;

describe('splitEvenly', () => {
  it('puts the remainder cents one each on the first parts', () => {
    expect(splitEvenly(10_000, 3)).toEqual([3334, 3333, 3333]);
    expect(splitEvenly(10_002, 4)).toEqual([2501, 2501, 2500, 2500]);
    expect(splitEvenly(7, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('always sums to the amount, in non-increasing parts differing by at most one cent', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let i = 0; i < 500; i++) {
      const amount = random() % 10_000_000;
      const count = 1 + (random() % 36);
      const parts = splitEvenly(amount, count);
      expect(parts).toHaveLength(count);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
      for (let k = 1; k < parts.length; k++) {
        expect(parts[k - 1]! - parts[k]!).toBeGreaterThanOrEqual(0);
        expect(parts[k - 1]! - parts[k]!).toBeLessThanOrEqual(1);
      }
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }
  });
});

describe('nthDueDate', () => {
  it('keeps the anchor day across short months (31 Jan → 28/29 Feb → 31 Mar)', () => {
    expect([0, 1, 2, 3].map((n) => nthDueDate('2026-01-31', 'monthly', n))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(nthDueDate('2028-01-31', 'monthly', 1)).toBe('2028-02-29');
    expect(nthDueDate('2026-01-31', 'weekly', 2)).toBe('2026-02-14');
    expect(nthDueDate('2026-01-31', 'biweekly', 2)).toBe('2026-02-28');
  });
});

describe('computeSchedule', () => {
  it('full_now is one instalment today; scheduled is one later payment', () => {
    expect(computeSchedule({ kind: 'full_now', totalMinor: 12_345, today: TODAY }, policy)).toEqual({
      instalments: [{ seq: 1, dueOn: TODAY, amountMinor: 12_345 }],
      downPaymentMinor: 0,
      violations: [],
    });
    const later = computeSchedule(
      { kind: 'scheduled', totalMinor: 500, firstDueOn: '2026-02-10', today: TODAY },
      policy,
    );
    expect(later.instalments).toEqual([{ seq: 1, dueOn: '2026-02-10', amountMinor: 500 }]);
    expect(later.violations).toEqual([]);
    const now = computeSchedule(
      { kind: 'scheduled', totalMinor: 500, firstDueOn: TODAY, today: TODAY },
      policy,
    );
    expect(now.violations).toEqual([{ code: 'scheduled_not_later', limit: TODAY, actual: TODAY }]);
  });

  it('three monthly instalments with a down payment: exact, ordered, remainder first', () => {
    const s = computeSchedule(
      {
        kind: 'instalments',
        totalMinor: 100_001,
        count: 3,
        firstDueOn: '2026-01-31',
        frequency: 'monthly',
        downPaymentMinor: 10_000,
        today: TODAY,
      },
      policy,
    );
    expect(s.violations).toEqual([]);
    expect(s.instalments).toEqual([
      { seq: 0, dueOn: TODAY, amountMinor: 10_000 },
      { seq: 1, dueOn: '2026-01-31', amountMinor: 30_001 },
      { seq: 2, dueOn: '2026-02-28', amountMinor: 30_000 },
      { seq: 3, dueOn: '2026-03-31', amountMinor: 30_000 },
    ]);
    expect(s.instalments.reduce((sum, i) => sum + i.amountMinor, 0)).toBe(100_001);
  });

  it('is exact and ordered for many proposals', () => {
    for (let total = 1_000; total < 2_000_000; total += 77_777) {
      for (const frequency of ['monthly', 'biweekly', 'weekly'] as const) {
        for (let count = 1; count <= 12; count += 1) {
          const s = computeSchedule(
            {
              kind: 'instalments',
              totalMinor: total,
              count,
              frequency,
              firstDueOn: '2026-02-28',
              today: TODAY,
            },
            policy,
          );
          expect(s.instalments).toHaveLength(count);
          expect(s.instalments.reduce((sum, i) => sum + i.amountMinor, 0)).toBe(total);
          const dates = s.instalments.map((i) => i.dueOn);
          expect([...dates].sort()).toEqual(dates);
          expect(new Set(dates).size).toBe(count);
        }
      }
    }
  });

  it('lists every limit broken, with the limit and what was asked', () => {
    const strict = {
      ...policy,
      maxInstalments: 6,
      maxMonths: 6,
      minDownPaymentPercent: 10,
      allowedFrequencies: ['monthly'] as const,
    };
    const s = computeSchedule(
      {
        kind: 'instalments',
        totalMinor: 10_000,
        count: 10,
        frequency: 'weekly',
        firstDueOn: '2026-01-10',
        downPaymentMinor: 500,
        today: TODAY,
      },
      strict,
    );
    expect(s.violations).toEqual([
      { code: 'too_many_instalments', limit: 6, actual: 10 },
      { code: 'frequency_not_allowed', limit: 'monthly', actual: 'weekly' },
      { code: 'first_due_in_past', limit: TODAY, actual: '2026-01-10' },
      { code: 'down_payment_too_small', limit: 1000, actual: 500 },
      { code: 'instalment_too_small', limit: 2000, actual: 950 },
    ]);
    const long = computeSchedule(
      {
        kind: 'instalments',
        totalMinor: 1_000_000,
        count: 12,
        frequency: 'monthly',
        firstDueOn: '2026-03-01',
        today: TODAY,
      },
      policy,
    );
    expect(long.violations).toEqual([{ code: 'too_long', limit: 12, actual: 13 }]);
  });

  it('refuses what cannot make a schedule', () => {
    expect(
      computeSchedule({ kind: 'instalments', totalMinor: 0, count: 3, today: TODAY }, policy).violations[0]
        ?.code,
    ).toBe('total_not_positive');
    expect(
      computeSchedule({ kind: 'instalments', totalMinor: 100, count: 0, today: TODAY }, policy).violations[0]
        ?.code,
    ).toBe('count_invalid');
    expect(
      computeSchedule(
        { kind: 'instalments', totalMinor: 100, count: 2, downPaymentMinor: 100, today: TODAY },
        policy,
      ).violations[0]?.code,
    ).toBe('down_payment_too_large');
  });
});

describe('plan policy and totals', () => {
  it('charges interest and fees only when the creditor charges them', () => {
    const base = { principalMinor: 1000, interestMinor: 30, feesMinor: 4000 };
    expect(planTotal({ ...base, interestPolicy: 'charge', feesPolicy: 'charge' }).totalMinor).toBe(5030);
    expect(planTotal({ ...base, interestPolicy: 'lever', feesPolicy: 'waive' })).toEqual({
      principalMinor: 1000,
      interestMinor: 0,
      feesMinor: 0,
      totalMinor: 1000,
    });
  });

  it('validates a policy and falls back to the defaults for a broken stored one', () => {
    expect(checkPlanPolicy(policy)).toEqual([]);
    expect(
      checkPlanPolicy({ ...policy, maxInstalments: 0, allowedFrequencies: [] }).map((i) => i.field),
    ).toEqual(['maxInstalments', 'allowedFrequencies']);
    expect(readPlanPolicy({ maxInstalments: 3 }).maxInstalments).toBe(3);
    expect(readPlanPolicy({ maxInstalments: -1 })).toEqual(policy);
    expect(readPlanPolicy(null)).toEqual(policy);
  });
});
