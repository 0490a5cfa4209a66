import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAgencyTotals,
  agencyFigures,
  agencyFiguresOf,
  agencyTotals,
  chooseAgency,
  type HandoverFacts,
  median,
  medianOfCounts,
  NO_AGENCY_TOTALS,
} from './comparison.ts';

describe('agency figures (by hand)', () => {
  it('adds hand-overs and reported collections into recovery, speed and cost', () => {
    const figures = agencyFigures([
      // paid in full: 400.00 after 10 days, 600.00 after 30
      {
        agencyId: 'a',
        handedOn: '2026-01-10',
        amountMinor: 1000_00,
        collections: [
          { collectedOn: '2026-02-09', amountMinor: 600_00, feeMinor: 90_00 },
          { collectedOn: '2026-01-20', amountMinor: 400_00, feeMinor: 60_00 },
        ],
      },
      // paid in part after 5 days
      {
        agencyId: 'a',
        handedOn: '2026-01-10',
        amountMinor: 500_00,
        collections: [{ collectedOn: '2026-01-15', amountMinor: 100_00, feeMinor: 15_00 }],
      },
      // nothing yet
      { agencyId: 'a', handedOn: '2026-02-01', amountMinor: 300_00, collections: [] },
    ]);
    expect(figures).toEqual({
      cases: 3,
      handedMinor: 1800_00,
      collectedMinor: 1100_00,
      feesMinor: 165_00,
      netMinor: 935_00,
      recoveryByAmount: { numerator: 1100_00, denominator: 1800_00 },
      recoveryByCount: { numerator: 2, denominator: 3 },
      medianDaysToFirstPayment: 7.5,
      medianDaysToFullPayment: 30,
      // 165.00 / 1,100.00 × 100.00 = 15.00
      costPer100Minor: 15_00,
    });
  });

  it('answers null where there is no basis', () => {
    expect(agencyFigures([])).toMatchObject({
      cases: 0,
      medianDaysToFirstPayment: null,
      medianDaysToFullPayment: null,
      costPer100Minor: null,
      recoveryByAmount: { numerator: 0, denominator: 0 },
    });
  });

  it('rounds the cost per 100 half up', () => {
    // 10.00 fees on 30.00 collected: 33.333… → 33.33
    const figures = agencyFigures([
      {
        agencyId: 'a',
        handedOn: '2026-01-01',
        amountMinor: 50_00,
        collections: [{ collectedOn: '2026-01-02', amountMinor: 30_00, feeMinor: 10_00 }],
      },
    ]);
    expect(figures.costPer100Minor).toBe(33_33);
  });

  it.each([
    [[], null],
    [[4], 4],
    [[9, 1, 5], 5],
    [[10, 2, 4, 8], 6],
    [[1, 2], 1.5],
  ] as const)('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('agency figures from running totals', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((d) => {
    const date = new Date(Date.UTC(2025, 0, 1 + d));
    return date.toISOString().slice(0, 10);
  });
  const handover: fc.Arbitrary<HandoverFacts> = fc.record({
    agencyId: fc.constant('a'),
    handedOn: day,
    amountMinor: fc.integer({ min: 0, max: 10_000 }),
    collections: fc.array(
      fc.record({
        collectedOn: day,
        amountMinor: fc.integer({ min: 0, max: 6_000 }),
        feeMinor: fc.integer({ min: 0, max: 900 }),
      }),
      { maxLength: 4 },
    ),
  });

  it('gives the figures of the hand-overs themselves, whichever way they are split and added up', () => {
    fc.assert(
      fc.property(fc.array(handover, { maxLength: 30 }), fc.nat(30), (all, cut) => {
        const parts = [all.slice(0, cut), all.slice(cut)].map(agencyTotals);
        const added = parts.reduce(addAgencyTotals, NO_AGENCY_TOTALS);
        expect(agencyFiguresOf(added)).toEqual(agencyFigures(all));
      }),
    );
  });

  it('takes the median of values given with their counts as of the values listed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 40 }), fc.nat(4))), (counts) => {
        const listed = counts.flatMap(([value, n]) => Array.from({ length: n }, () => value));
        expect(medianOfCounts(counts)).toBe(median(listed));
      }),
    );
    expect(
      medianOfCounts([
        [30, 1],
        [10, 2],
        [20, 0],
      ]),
    ).toBe(10);
    expect(
      medianOfCounts([
        [30, 1],
        [10, 1],
      ]),
    ).toBe(20);
  });
});

describe('champion / challenger split', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `case-${i}`);

  it('always sends a case to the same agency, and keeps the shares over many cases', () => {
    const two = [
      { key: 'champion', share: 3 },
      { key: 'challenger', share: 1 },
    ];
    expect(ids.map((id) => chooseAgency(id, two))).toEqual(
      ids.map((id) => chooseAgency(id, [...two].reverse())),
    );
    const champion = ids.filter((id) => chooseAgency(id, two) === 'champion').length;
    expect(champion).toBeGreaterThan(700);
    expect(champion).toBeLessThan(800);
  });

  it('leaves out agencies with no share; null when none is left', () => {
    const only = [
      { key: 'a', share: 0 },
      { key: 'b', share: 2 },
    ];
    expect(new Set(ids.map((id) => chooseAgency(id, only)))).toEqual(new Set(['b']));
    expect(chooseAgency('x', [{ key: 'a', share: 0 }])).toBeNull();
    expect(chooseAgency('x', [])).toBeNull();
  });
});
