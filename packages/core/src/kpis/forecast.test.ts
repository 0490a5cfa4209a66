import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.ts';
import { cashForecast, largestRemainder } from './forecast.ts';
import { ratio } from './ratio.ts';

const EUR = 'EUR';
const at = (dueOn: string, amountMinor: number) => ({ dueOn, amountMinor, currency: EUR });
const AS_OF = '2026-03-11'; // a Wednesday

const promises = [
  at('2026-03-10', 5_000), // yesterday: late, left out
  at('2026-03-11', 10_000),
  at('2026-03-31', 3_333),
  at('2026-04-15', 20_000),
];
const instalments = [at('2026-03-20', 15_000), at('2026-04-20', 15_000), at('2026-05-20', 15_000)];

describe('cashForecast', () => {
  it('sums what is expected per month, from asOf', () => {
    const forecast = cashForecast({
      currency: EUR,
      asOf: AS_OF,
      granularity: 'month',
      promises,
      instalments,
    });
    expect(
      forecast.buckets.map((b) => [
        b.key,
        b.from,
        b.to,
        b.promisesMinor,
        b.instalmentsMinor,
        b.weightedMinor,
      ]),
    ).toEqual([
      ['2026-03', '2026-03-11', '2026-03-31', 13_333, 15_000, 28_333], // 10 000 + 3 333
      ['2026-04', '2026-04-01', '2026-04-30', 20_000, 15_000, 35_000],
      ['2026-05', '2026-05-01', '2026-05-31', 0, 15_000, 15_000],
    ]);
    expect(forecast.total).toEqual({
      promisesMinor: 33_333,
      instalmentsMinor: 45_000,
      expectedMinor: 78_333,
      weightedMinor: 78_333,
    });
  });

  it('weights by kept rates, rounding the total half up and sharing it by largest remainder', () => {
    const forecast = cashForecast({
      currency: EUR,
      asOf: AS_OF,
      granularity: 'month',
      promises,
      instalments,
      weights: { promises: ratio(2, 3), instalments: ratio(3, 4) },
    });
    // March: 13 333 × 2/3 + 15 000 × 3/4 = 8 888.667 + 11 250 = 20 138.667
    // April: 20 000 × 2/3 + 15 000 × 3/4 = 13 333.333 + 11 250 = 24 583.333
    // May:   15 000 × 3/4 = 11 250
    // total exact 55 972 (33 333 × 2/3 = 22 222); floors 20 138 + 24 583 + 11 250 = 55 971;
    // the unit left goes to March (remainder 0.667 > 0.333)
    expect(forecast.buckets.map((b) => b.weightedMinor)).toEqual([20_139, 24_583, 11_250]);
    expect(forecast.total.weightedMinor).toBe(55_972);
  });

  it('keeps the buckets adding up where rounding each would not', () => {
    // three months of 1 cent at 1/2: exact 0.5 each, total 1.5 → 2 (half up);
    // rounding each bucket would give 1 + 1 + 1 = 3; the two units go to the earliest ties
    const forecast = cashForecast({
      currency: EUR,
      asOf: '2026-01-01',
      granularity: 'month',
      promises: [at('2026-01-05', 1), at('2026-02-05', 1), at('2026-03-05', 1)],
      instalments: [],
      weights: { promises: ratio(1, 2), instalments: ratio(1, 1) },
    });
    expect(forecast.buckets.map((b) => b.weightedMinor)).toEqual([1, 1, 0]);
    expect(forecast.total.weightedMinor).toBe(2);
  });

  it('cuts by ISO week and stops at until, keeping empty weeks', () => {
    const forecast = cashForecast({
      currency: EUR,
      asOf: AS_OF,
      granularity: 'week',
      until: '2026-03-31',
      promises,
      instalments,
    });
    expect(forecast.buckets.map((b) => [b.key, b.from, b.to, b.expectedMinor])).toEqual([
      ['2026-W11', '2026-03-11', '2026-03-15', 10_000], // Wednesday 11 to Sunday 15
      ['2026-W12', '2026-03-16', '2026-03-22', 15_000],
      ['2026-W13', '2026-03-23', '2026-03-29', 0],
      ['2026-W14', '2026-03-30', '2026-04-05', 3_333], // until the 31st: April's are left out
    ]);
  });

  it('refuses a weight without a basis or above 1', () => {
    const base = { currency: EUR, asOf: AS_OF, granularity: 'month' as const, promises, instalments };
    expect(() =>
      cashForecast({ ...base, weights: { promises: ratio(0, 0), instalments: ratio(1, 1) } }),
    ).toThrow(/weights.promises/);
    expect(() =>
      cashForecast({ ...base, weights: { promises: ratio(1, 1), instalments: ratio(5, 4) } }),
    ).toThrow(/weights.instalments/);
  });

  it('buckets add up to the rounded total, each its exact amount rounded down or up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: -10, max: 200 }), amount: fc.integer({ min: 0, max: 1e9 }) }),
          {
            maxLength: 30,
          },
        ),
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 200 }), amount: fc.integer({ min: 0, max: 1e9 }) }),
          {
            maxLength: 30,
          },
        ),
        fc
          .integer({ min: 1, max: 1000 })
          .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        fc
          .integer({ min: 1, max: 1000 })
          .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        fc.constantFrom('week' as const, 'month' as const),
        (ps, is, [pn, pd], [inn, id], granularity) => {
          const forecast = cashForecast({
            currency: EUR,
            asOf: AS_OF,
            granularity,
            promises: ps.map((p) => at(addDays(AS_OF, p.day), p.amount)),
            instalments: is.map((p) => at(addDays(AS_OF, p.day), p.amount)),
            weights: { promises: ratio(pn, pd), instalments: ratio(inn, id) },
          });
          const future = (rows: typeof ps) =>
            rows.filter((r) => r.day >= 0).reduce((s, r) => s + r.amount, 0);
          expect(forecast.total.expectedMinor).toBe(future(ps) + future(is));
          const exactTotal =
            (BigInt(future(ps)) * BigInt(pn * id) + BigInt(future(is)) * BigInt(inn * pd)) * 2n;
          const denominator = BigInt(pd * id);
          // round half up of the exact total
          expect(BigInt(forecast.total.weightedMinor)).toBe((exactTotal + denominator) / (2n * denominator));
          for (const b of forecast.buckets) {
            const exact =
              BigInt(b.promisesMinor) * BigInt(pn * id) + BigInt(b.instalmentsMinor) * BigInt(inn * pd);
            const floor = exact / denominator;
            expect(BigInt(b.weightedMinor) - floor).toBeGreaterThanOrEqual(0n);
            expect(BigInt(b.weightedMinor) - floor).toBeLessThanOrEqual(exact % denominator === 0n ? 0n : 1n);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('largestRemainder', () => {
  it('gives the units left to the largest remainders', () => {
    // 10/3 + 10/3 + 10/3 = 10: floors 3, 3, 3 and one unit to the first tie
    expect(largestRemainder([10n, 10n, 10n], 3n)).toEqual([4, 3, 3]);
    // 7/10, 2/10, 6/10 = 1.5 → 2: floors 0, 0, 0; units to 0.7 and 0.6
    expect(largestRemainder([7n, 2n, 6n], 10n)).toEqual([1, 0, 1]);
    expect(largestRemainder([], 7n)).toEqual([]);
  });
});
