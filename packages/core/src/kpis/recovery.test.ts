import { describe, expect, it } from 'vitest';
import { percent } from './ratio.ts';
import { recoveryRate } from './recovery.ts';

describe('recoveryRate', () => {
  it.each([
    // 12 claims placed for 48 000,00 €; 18 240,50 € recovered, 5 claims paid in full:
    // 1 824 050 / 4 800 000 = 38.0010 % → 38.0; 5 / 12 = 41.67 % → 41.7
    { placed: 4_800_000, recovered: 1_824_050, count: 12, paid: 5, amount: '38.0', byCount: '41.7' },
    // nothing recovered yet
    { placed: 100_000, recovered: 0, count: 3, paid: 0, amount: '0.0', byCount: '0.0' },
    // interest and fees collected on top of the principal: 110 000 / 100 000 = 110 %
    { placed: 100_000, recovered: 110_000, count: 1, paid: 1, amount: '110.0', byCount: '100.0' },
    // nothing placed: no basis, no rate
    { placed: 0, recovered: 0, count: 0, paid: 0, amount: null, byCount: null },
  ])('$recovered / $placed, $paid / $count', ({ placed, recovered, count, paid, amount, byCount }) => {
    const rate = recoveryRate({
      currency: 'EUR',
      placedMinor: placed,
      recoveredMinor: recovered,
      placedCount: count,
      fullyPaidCount: paid,
    });
    expect(rate.byAmount).toEqual({ numerator: recovered, denominator: placed });
    expect(percent(rate.byAmount)).toBe(amount);
    expect(percent(rate.byCount)).toBe(byCount);
  });

  it('refuses impossible totals', () => {
    const base = { currency: 'EUR', placedMinor: 10, recoveredMinor: 0, placedCount: 1, fullyPaidCount: 0 };
    expect(() => recoveryRate({ ...base, fullyPaidCount: 2 })).toThrow(/fully paid/);
    expect(() => recoveryRate({ ...base, recoveredMinor: -1 })).toThrow(/non-negative/);
    expect(() => recoveryRate({ ...base, currency: 'euro' })).toThrow(/currency/);
  });
});
