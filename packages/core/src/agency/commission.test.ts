import { describe, expect, it } from 'vitest';
import { bandIndex, type CommissionBasis, computeCommission, describeCommissionStep } from './commission.ts';
import type { CommissionRule } from './mandate.ts';

const basis = (over: Partial<CommissionBasis> = {}): CommissionBasis => ({
  baseMinor: 100_00,
  dueDate: '2026-01-01',
  placedOn: '2026-03-02',
  receivedOn: '2026-10-15',
  claimAmountMinor: 500_00,
  ...over,
});

const flat15: CommissionRule = { kind: 'flat', rate: '15' };
const byAgeAtPlacement: CommissionRule = {
  kind: 'age',
  measuredAt: 'placement',
  bands: [
    { fromDays: 0, rate: '10' },
    { fromDays: 91, rate: '18' },
    { fromDays: 366, rate: '25' },
  ],
};
const byAmount: CommissionRule = {
  kind: 'amount',
  bands: [
    { fromMinor: 0, rate: '20' },
    { fromMinor: 1000_00, rate: '12.5' },
  ],
};

describe('computeCommission', () => {
  // Each row: the rule, the line, and the commission and VAT worked out by hand.
  const cases: readonly {
    readonly name: string;
    readonly rule: CommissionRule;
    readonly vat: string;
    readonly line: CommissionBasis;
    readonly expected: { rate: string; commissionMinor: number; vatMinor: number; step: string };
  }[] = [
    {
      name: 'flat 15 % of 100.00 = 15.00, VAT 20 % = 3.00',
      rule: flat15,
      vat: '20',
      line: basis(),
      expected: { rate: '15', commissionMinor: 15_00, vatMinor: 3_00, step: 'flat' },
    },
    {
      // 15 % of 0.10 = 0.015 → 0.02 (half up); VAT 20 % of 0.02 = 0.004 → 0.00
      name: 'a half cent rounds up, per line',
      rule: flat15,
      vat: '20',
      line: basis({ baseMinor: 10 }),
      expected: { rate: '15', commissionMinor: 2, vatMinor: 0, step: 'flat' },
    },
    {
      // 15 % of 0.03 = 0.0045 → 0.00
      name: 'under half a cent rounds down',
      rule: flat15,
      vat: '20',
      line: basis({ baseMinor: 3 }),
      expected: { rate: '15', commissionMinor: 0, vatMinor: 0, step: 'flat' },
    },
    {
      // 15 % of 333.33 = 49.9995 → 50.00; VAT 20 % of 50.00 = 10.00
      name: 'rounding on the exact decimal, no float drift',
      rule: flat15,
      vat: '20',
      line: basis({ baseMinor: 333_33 }),
      expected: { rate: '15', commissionMinor: 50_00, vatMinor: 10_00, step: 'flat' },
    },
    {
      // due 2026-01-01, placed 2026-03-02: 60 days → first band, 10 % of 100.00
      name: 'age at placement, first band',
      rule: byAgeAtPlacement,
      vat: '0',
      line: basis(),
      expected: { rate: '10', commissionMinor: 10_00, vatMinor: 0, step: 'age:0-90' },
    },
    {
      // due 2026-01-01, placed 2026-04-02: 91 days → second band, 18 % of 100.00 = 18.00, VAT 20 % = 3.60
      name: 'age at placement, exactly on a band start',
      rule: byAgeAtPlacement,
      vat: '20',
      line: basis({ placedOn: '2026-04-02' }),
      expected: { rate: '18', commissionMinor: 18_00, vatMinor: 3_60, step: 'age:91-365' },
    },
    {
      // due 2025-01-01, placed 2026-03-02: 425 days → last band, 25 % of 100.00
      name: 'age at placement, last band',
      rule: byAgeAtPlacement,
      vat: '0',
      line: basis({ dueDate: '2025-01-01' }),
      expected: { rate: '25', commissionMinor: 25_00, vatMinor: 0, step: 'age:366+' },
    },
    {
      // not yet due when placed (-14 days): the first band
      name: 'a claim placed before its due date takes the first band',
      rule: byAgeAtPlacement,
      vat: '0',
      line: basis({ dueDate: '2026-03-16' }),
      expected: { rate: '10', commissionMinor: 10_00, vatMinor: 0, step: 'age:0-90' },
    },
    {
      // due 2026-01-01, paid 2026-10-15: 287 days → 18 %; the placement (60 days) does not count
      name: 'age at payment',
      rule: { ...byAgeAtPlacement, measuredAt: 'payment' },
      vat: '0',
      line: basis(),
      expected: { rate: '18', commissionMinor: 18_00, vatMinor: 0, step: 'age:91-365' },
    },
    {
      // claim of 500.00 → 20 %; 20 % of 100.00 = 20.00
      name: 'amount band below the threshold',
      rule: byAmount,
      vat: '20',
      line: basis(),
      expected: { rate: '20', commissionMinor: 20_00, vatMinor: 4_00, step: 'amount:0-99999' },
    },
    {
      // claim of 1 000.00 → 12.5 %; 12.5 % of 100.01 = 12.50125 → 12.50; VAT 20 % = 2.50
      name: 'amount band from the threshold, a decimal rate',
      rule: byAmount,
      vat: '20',
      line: basis({ claimAmountMinor: 1000_00, baseMinor: 100_01 }),
      expected: { rate: '12.5', commissionMinor: 12_50, vatMinor: 2_50, step: 'amount:100000+' },
    },
    {
      // 7.25 % of 1 234.56 = 89.5056 → 89.51; VAT 5.5 % of 89.51 = 4.92305 → 4.92
      name: 'decimal rates on both',
      rule: { kind: 'flat', rate: '7.25' },
      vat: '5.5',
      line: basis({ baseMinor: 1234_56 }),
      expected: { rate: '7.25', commissionMinor: 89_51, vatMinor: 4_92, step: 'flat' },
    },
  ];

  it.each(cases)('$name', ({ rule, vat, line, expected }) => {
    expect(computeCommission(rule, vat, line)).toEqual({
      baseMinor: line.baseMinor,
      vatRate: vat,
      ...expected,
    });
  });
});

describe('bandIndex', () => {
  it.each([
    [[0, 91, 366], -5, 0],
    [[0, 91, 366], 0, 0],
    [[0, 91, 366], 90, 0],
    [[0, 91, 366], 91, 1],
    [[0, 91, 366], 365, 1],
    [[0, 91, 366], 10_000, 2],
    [[0], 42, 0],
  ] as const)('starts %j, value %d → band %d', (starts, value, expected) => {
    expect(bandIndex(starts, value)).toBe(expected);
  });
});

describe('describeCommissionStep', () => {
  it.each([
    ['flat', 'fr', 'Taux fixe'],
    ['flat', 'en', 'Flat rate'],
    ['age:91-365', 'fr', 'Ancienneté de 91 à 365 jours'],
    ['age:366+', 'en', 'Debt age 366 days and over'],
    ['age:366+', 'fr', 'Ancienneté de 366 jours et plus'],
    ['amount:0-99999', 'fr', 'Créance de 0,00 € à 999,99 €'],
    ['amount:100000+', 'en', 'Claim of €1,000.00 and over'],
  ] as const)('%s in %s', (step, locale, text) => {
    expect(describeCommissionStep(step, 'EUR', locale).replace(/\u00a0/g, ' ')).toBe(text);
  });
});
