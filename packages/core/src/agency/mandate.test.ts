import { describe, expect, it } from 'vitest';
import { checkMandate, describeMandateIssue, isRate, type MandateTerms } from './mandate.ts';
import { statementTotals } from './statement.ts';

const valid: MandateTerms = {
  signedOn: '2026-01-05',
  commission: { kind: 'flat', rate: '15' },
  vatRate: '20',
  feeSettlement: 'deduct',
  allowedStrategies: ['b2b-standard'],
  planLimits: { maxInstalments: 6, minInstalmentMinor: 30_00 },
  remittance: { frequency: 'monthly', delayDays: 10 },
  scope: 'Factures impayées échues depuis plus de 30 jours',
  powerToReceiveFunds: true,
};

describe('isRate', () => {
  it.each([
    ['15', true],
    ['0', true],
    ['100', true],
    ['12.5', true],
    ['7.2500', true],
    ['100.01', false],
    ['101', false],
    ['-1', false],
    ['12,5', false],
    ['1.23456', false],
    ['', false],
    ['abc', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(isRate(text)).toBe(expected);
  });
});

describe('checkMandate', () => {
  it('accepts valid terms', () => {
    expect(checkMandate(valid)).toEqual([]);
    expect(
      checkMandate({
        ...valid,
        commission: {
          kind: 'age',
          measuredAt: 'placement',
          bands: [
            { fromDays: 0, rate: '10' },
            { fromDays: 91, rate: '18' },
          ],
        },
      }),
    ).toEqual([]);
  });

  it.each([
    ['a date that is none', { signedOn: '05/01/2026' }, 'signedOn', 'signed_on_invalid'],
    ['a rate over 100 %', { commission: { kind: 'flat', rate: '150' } }, 'commission.rate', 'rate_invalid'],
    ['an empty scale', { commission: { kind: 'amount', bands: [] } }, 'commission.bands', 'bands_empty'],
    [
      'a scale not starting at 0',
      { commission: { kind: 'amount', bands: [{ fromMinor: 100, rate: '10' }] } },
      'commission.bands.0',
      'bands_must_start_at_zero',
    ],
    [
      'bands out of order',
      {
        commission: {
          kind: 'age',
          measuredAt: 'payment',
          bands: [
            { fromDays: 0, rate: '10' },
            { fromDays: 180, rate: '15' },
            { fromDays: 90, rate: '20' },
          ],
        },
      },
      'commission.bands.2',
      'bands_not_increasing',
    ],
    ['a bad VAT rate', { vatRate: '20%' }, 'vatRate', 'vat_rate_invalid'],
    ['no strategy', { allowedStrategies: [] }, 'allowedStrategies', 'strategies_empty'],
    [
      'no instalment allowed',
      { planLimits: { maxInstalments: 0, minInstalmentMinor: 0 } },
      'planLimits.maxInstalments',
      'max_instalments_invalid',
    ],
    [
      'a negative smallest instalment',
      { planLimits: { maxInstalments: 3, minInstalmentMinor: -1 } },
      'planLimits.minInstalmentMinor',
      'min_instalment_invalid',
    ],
    [
      'a remittance later than a month after the period (R124-6)',
      { remittance: { frequency: 'monthly', delayDays: 31 } },
      'remittance.delayDays',
      'delay_invalid',
    ],
    ['no scope (R124-3 1°)', { scope: '  ' }, 'scope', 'scope_missing'],
    [
      'no power to receive funds (R124-3)',
      { powerToReceiveFunds: false },
      'powerToReceiveFunds',
      'power_to_receive_funds_missing',
    ],
  ] as const)('refuses %s', (_name, change, field, code) => {
    const issues = checkMandate({ ...valid, ...(change as Partial<MandateTerms>) });
    expect(issues).toContainEqual({ field, code });
    for (const issue of issues) {
      expect(describeMandateIssue(issue, 'fr')).not.toBe('');
      expect(describeMandateIssue(issue, 'en')).not.toBe('');
    }
  });
});

describe('statementTotals', () => {
  // Three lines: 100.00 at 15 % (15.00 + 3.00 VAT), 40.00 at 15 % (6.00 + 1.20) and its reversal.
  const entries = [
    { baseMinor: 100_00, commissionMinor: 15_00, vatMinor: 3_00 },
    { baseMinor: 40_00, commissionMinor: 6_00, vatMinor: 1_20 },
    { baseMinor: -40_00, commissionMinor: -6_00, vatMinor: -1_20 },
  ];

  it('deducts the fee and its VAT from what is remitted', () => {
    // 100.00 − 15.00 − 3.00 = 82.00
    expect(statementTotals(entries, 'deduct')).toEqual({
      collectedMinor: 100_00,
      commissionMinor: 15_00,
      vatMinor: 3_00,
      netMinor: 82_00,
      invoicedMinor: 0,
    });
  });

  it('remits everything and invoices the fee when the mandate says so', () => {
    expect(statementTotals(entries, 'invoice')).toEqual({
      collectedMinor: 100_00,
      commissionMinor: 15_00,
      vatMinor: 3_00,
      netMinor: 100_00,
      invoicedMinor: 18_00,
    });
  });

  it('is zero for a period without payments', () => {
    expect(statementTotals([], 'deduct').netMinor).toBe(0);
  });
});
