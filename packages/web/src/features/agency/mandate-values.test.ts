import { describe, expect, it } from 'vitest';
import type { MandateTerms } from './api.ts';
import { formOf, minorOf, termsOf, unitsText } from './mandate-values.ts';

const terms: MandateTerms = {
  signedOn: '2026-01-05',
  commission: {
    kind: 'amount',
    bands: [
      { fromMinor: 0, rate: '20' },
      { fromMinor: 1500_50, rate: '12.5' },
    ],
  },
  vatRate: '20',
  feeSettlement: 'invoice',
  allowedStrategies: ['b2b-standard'],
  planLimits: { maxInstalments: 6, minInstalmentMinor: 50_00 },
  remittance: { frequency: 'weekly', delayDays: 10 },
  scope: 'Factures',
  powerToReceiveFunds: true,
};

describe('mandate form', () => {
  it('gives back the same terms after a round trip through the form', () => {
    const form = formOf(terms, '2026-03-01');
    expect(form.bands).toBe('0 20\n1500.50 12.5');
    expect(form.minInstalment).toBe('50');
    expect(termsOf(form)).toEqual({ terms });
  });

  it('reads age bands and a flat rate', () => {
    const form = { ...formOf(null, '2026-03-01'), kind: 'age' as const, bands: '0 10\n 91: 20 \n' };
    const result = termsOf(form);
    expect('terms' in result && result.terms.commission).toEqual({
      kind: 'age',
      measuredAt: 'placement',
      bands: [
        { fromDays: 0, rate: '10' },
        { fromDays: 91, rate: '20' },
      ],
    });
  });

  it('names the fields it cannot read', () => {
    const form = {
      ...formOf(null, '2026-03-01'),
      kind: 'amount' as const,
      bands: 'x',
      maxInstalments: '0',
      minInstalment: '1,234',
    };
    expect(termsOf(form)).toEqual({ problems: ['bands', 'maxInstalments', 'minInstalment'] });
  });

  it.each([
    ['50', 5000],
    ['12,5', 1250],
    ['12.05', 1205],
    ['1 000', 100000],
    ['-1', null],
    ['1.234', null],
  ])('reads %s as %s minor units', (text, minor) => {
    expect(minorOf(text)).toBe(minor);
  });

  it('writes minor units as a person types them', () => {
    expect([unitsText(5000), unitsText(1205), unitsText(0)]).toEqual(['50', '12.05', '0']);
  });
});
