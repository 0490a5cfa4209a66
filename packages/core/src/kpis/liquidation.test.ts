import { describe, expect, it } from 'vitest';
import { liquidationCurves } from './liquidation.ts';
import { percent } from './ratio.ts';

const EUR = 'EUR';
const placed = (placedOn: string, placedMinor: number, cohort?: string) => ({
  placedOn,
  placedMinor,
  currency: EUR,
  cohort,
});
const paid = (placedOn: string, collectedOn: string, amountMinor: number, cohort?: string) => ({
  placedOn,
  collectedOn,
  amountMinor,
  currency: EUR,
  cohort,
});

describe('liquidationCurves', () => {
  it('cumulates the share collected month after month, up to asOf', () => {
    const curves = liquidationCurves({
      currency: EUR,
      asOf: '2026-03-15',
      placements: [
        placed('2026-01-05', 60_000),
        placed('2026-01-20', 40_000), // January cohort: 100 000 in 2 claims
        placed('2026-02-10', 50_000), // February cohort: 50 000
        placed('2026-04-01', 99_999), // after asOf: not placed yet
      ],
      collections: [
        paid('2026-01-05', '2026-01-25', 10_000), // January cohort, month 0
        paid('2026-01-20', '2026-03-02', 15_000), // January cohort, month 2
        paid('2026-01-20', '2026-03-20', 70_000), // after asOf: left out
        paid('2026-02-10', '2026-02-09', 5_000), // value date before placement: month 0
        paid('2026-02-10', '2026-03-10', 20_000), // February cohort, month 1
      ],
    });
    expect(
      curves.map((c) => ({
        month: c.placementMonth,
        placed: c.placedMinor,
        count: c.placedCount,
        points: c.points.map((p) => [p.offset, p.month, p.collectedMinor, percent(p.share), p.partial]),
      })),
    ).toEqual([
      {
        month: '2026-01',
        placed: 100_000,
        count: 2,
        points: [
          [0, '2026-01', 10_000, '10.0', false], // 10 000 / 100 000
          [1, '2026-02', 10_000, '10.0', false], // nothing in February
          [2, '2026-03', 25_000, '25.0', true], // + 15 000; March is not over on the 15th
        ],
      },
      {
        month: '2026-02',
        placed: 50_000,
        count: 1,
        points: [
          [0, '2026-02', 5_000, '10.0', false], // 5 000 / 50 000
          [1, '2026-03', 25_000, '50.0', true], // 25 000 / 50 000
        ],
      },
    ]);
  });

  it('splits by cohort key, caps the offsets, and a month-end asOf closes the last point', () => {
    const curves = liquidationCurves({
      currency: EUR,
      asOf: '2026-06-30',
      maxOffset: 2,
      placements: [
        placed('2026-01-10', 30_000, 'creditor-b'),
        placed('2026-01-12', 30_000, 'creditor-a'),
        placed('2026-05-02', 3),
      ],
      collections: [
        paid('2026-01-10', '2026-02-01', 10_000, 'creditor-b'),
        paid('2026-05-02', '2026-06-30', 1),
      ],
    });
    expect(curves.map((c) => [c.cohort, c.placementMonth, c.points.length])).toEqual([
      [null, '2026-05', 2], // May and June
      ['creditor-a', '2026-01', 3], // capped at offset 2 (January … March)
      ['creditor-b', '2026-01', 3],
    ]);
    // 1 / 3 = 33.3 %, and June is over on its last day
    expect(curves[0]!.points.at(-1)).toMatchObject({ collectedMinor: 1, partial: false });
    expect(percent(curves[0]!.points.at(-1)!.share)).toBe('33.3');
    // 10 000 / 30 000 from month 1 on
    expect(curves[2]!.points.map((p) => percent(p.share))).toEqual(['0.0', '33.3', '33.3']);
  });

  it('refuses a collection without a placement, and mixed currencies', () => {
    expect(() =>
      liquidationCurves({
        currency: EUR,
        asOf: '2026-03-01',
        placements: [placed('2026-01-10', 100)],
        collections: [paid('2026-02-10', '2026-02-20', 50)],
      }),
    ).toThrow(/without any placement/);
    expect(() =>
      liquidationCurves({
        currency: EUR,
        asOf: '2026-03-01',
        placements: [{ ...placed('2026-01-10', 100), currency: 'GBP' }],
        collections: [],
      }),
    ).toThrow(/Currency mismatch/);
  });
});
