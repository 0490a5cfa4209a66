import { describe, expect, it } from 'vitest';
import { type InstalmentStatus, instalmentSummary, type PlanStatus, planSummary } from './plans.ts';
import { percent } from './ratio.ts';

describe('planSummary', () => {
  it('counts plans by status with the completion rate', () => {
    const plan = (status: PlanStatus, totalMinor: number) => ({ status, totalMinor, currency: 'EUR' });
    const summary = planSummary({
      currency: 'EUR',
      plans: [
        plan('active', 30_000),
        plan('active', 12_000),
        plan('completed', 9_000),
        plan('completed', 6_000),
        plan('completed', 3_000),
        plan('broken', 24_000),
        plan('cancelled', 1_000),
      ],
    });
    // agreed: 7 plans, 30 000 + 12 000 + 9 000 + 6 000 + 3 000 + 24 000 + 1 000 = 85 000
    expect(summary.agreed).toEqual({ count: 7, totalMinor: 85_000 });
    expect(summary.byStatus.active).toEqual({ count: 2, totalMinor: 42_000 });
    expect(summary.byStatus.broken).toEqual({ count: 1, totalMinor: 24_000 });
    // completion: 3 / (3 + 1) = 75 %
    expect(percent(summary.completionRate)).toBe('75.0');
    expect(percent(planSummary({ currency: 'EUR', plans: [plan('active', 1)] }).completionRate)).toBeNull();
    expect(() => planSummary({ currency: 'EUR', plans: [plan('late' as PlanStatus, 1)] })).toThrow(/status/);
  });
});

describe('instalmentSummary', () => {
  it('counts instalments, the late pending ones, and the paid rates', () => {
    const row = (status: InstalmentStatus, dueOn: string, amountMinor: number, paidMinor: number) => ({
      status,
      dueOn,
      amountMinor,
      paidMinor,
      currency: 'EUR',
    });
    const summary = instalmentSummary({
      currency: 'EUR',
      asOf: '2026-03-10',
      instalments: [
        row('paid', '2026-01-10', 10_000, 10_000),
        row('paid', '2026-02-10', 10_000, 10_000),
        row('partly_paid', '2026-02-10', 10_000, 4_000),
        row('missed', '2026-01-10', 10_000, 0),
        row('pending', '2026-03-09', 10_000, 0), // due yesterday, not judged yet: late
        row('pending', '2026-03-10', 10_000, 0), // due today: not late
        row('pending', '2026-04-10', 10_000, 0),
      ],
    });
    expect(summary.byStatus.pending).toEqual({ count: 3, amountMinor: 30_000, paidMinor: 0 });
    expect(summary.pendingLate).toEqual({ count: 1, amountMinor: 10_000, paidMinor: 0 });
    // paid in full: 2 / (2 + 1 + 1) = 50 %
    expect(percent(summary.paidRate)).toBe('50.0');
    // by amount: (10 000 + 10 000 + 4 000 + 0) / 40 000 = 60 %
    expect(percent(summary.paidAmountRate)).toBe('60.0');
  });
});
