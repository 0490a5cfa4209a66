import { describe, expect, it } from 'vitest';
import { type PromiseStatus, promiseSummary } from './promises.ts';
import { percent } from './ratio.ts';

const row = (status: PromiseStatus, amountMinor: number, paidMinor: number) => ({
  status,
  amountMinor,
  paidMinor,
  currency: 'EUR',
});

describe('promiseSummary', () => {
  it('counts a hand-made set of promises', () => {
    const summary = promiseSummary({
      currency: 'EUR',
      promises: [
        row('kept', 10_000, 10_000),
        row('kept', 5_000, 5_000),
        row('kept', 2_000, 2_500), // paid more than promised
        row('partly_kept', 8_000, 3_000),
        row('broken', 12_000, 0),
        row('open', 7_000, 0),
        row('open', 4_000, 1_000),
        row('cancelled', 9_000, 0),
      ],
    });
    // made: 8 promises, 10 000 + 5 000 + 2 000 + 8 000 + 12 000 + 7 000 + 4 000 + 9 000 = 57 000
    expect(summary.made).toEqual({ count: 8, promisedMinor: 57_000, paidMinor: 21_500 });
    expect(summary.byStatus.open).toEqual({ count: 2, promisedMinor: 11_000, paidMinor: 1_000 });
    expect(summary.byStatus.kept).toEqual({ count: 3, promisedMinor: 17_000, paidMinor: 17_500 });
    expect(summary.byStatus.cancelled.count).toBe(1);
    // kept rate: 3 / (3 + 1 + 1) = 60 %
    expect(summary.keptRate).toEqual({ numerator: 3, denominator: 5 });
    expect(percent(summary.keptRate)).toBe('60.0');
    // by amount: (17 500 + 3 000 + 0) / (17 000 + 8 000 + 12 000) = 20 500 / 37 000 = 55.41 % → 55.4
    expect(percent(summary.keptAmountRate)).toBe('55.4');
  });

  it('has no kept rate before the run judged any promise', () => {
    const summary = promiseSummary({ currency: 'EUR', promises: [row('open', 100, 0)] });
    expect(percent(summary.keptRate)).toBeNull();
    expect(summary.byStatus.broken).toEqual({ count: 0, promisedMinor: 0, paidMinor: 0 });
  });

  it('refuses unknown statuses and other currencies', () => {
    expect(() => promiseSummary({ currency: 'EUR', promises: [row('late' as PromiseStatus, 1, 0)] })).toThrow(
      /status/,
    );
    expect(() =>
      promiseSummary({ currency: 'EUR', promises: [{ ...row('kept', 1, 1), currency: 'USD' }] }),
    ).toThrow(/Currency mismatch/);
  });
});
