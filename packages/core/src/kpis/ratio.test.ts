import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRatios, decimalQuotient, formatPercent, percent, ratio } from './ratio.ts';

describe('percent', () => {
  it.each([
    // 3/7 = 42.857… → 42.9
    { n: 3, d: 7, decimals: 1, expected: '42.9' },
    // 1/3 = 33.333… → 33.3
    { n: 1, d: 3, decimals: 1, expected: '33.3' },
    // 2/3 = 66.666… → 66.7
    { n: 2, d: 3, decimals: 1, expected: '66.7' },
    // 5/8 = 62.5 exactly
    { n: 5, d: 8, decimals: 1, expected: '62.5' },
    // 5/8 = 62.5 → 63 with no decimal: the tie goes up
    { n: 5, d: 8, decimals: 0, expected: '63' },
    // 1/16 = 6.25 → 6.3 (a float would say 6.25 → "6.2" or "6.3" depending on representation)
    { n: 1, d: 16, decimals: 1, expected: '6.3' },
    // 1/200 = 0.5 % → 0.50 with 2 decimals
    { n: 1, d: 200, decimals: 2, expected: '0.50' },
    // 0/5 = 0
    { n: 0, d: 5, decimals: 1, expected: '0.0' },
    // 7/4 = 175 %: rates above 100 % stay (interest recovered on top of principal)
    { n: 7, d: 4, decimals: 1, expected: '175.0' },
    // −1/8 = −12.5 %; −1/16 = −6.25 → −6.3 (away from zero, symmetric)
    { n: -1, d: 8, decimals: 1, expected: '-12.5' },
    { n: -1, d: 16, decimals: 1, expected: '-6.3' },
    // −1/3000 = −0.0333 % → '0.0', never '-0.0'
    { n: -1, d: 3000, decimals: 1, expected: '0.0' },
    // 1/−4 = −25 %
    { n: 1, d: -4, decimals: 0, expected: '-25' },
    // 0.1 + 0.2 of a float: 3/10 → 30.0 exactly
    { n: 3, d: 10, decimals: 1, expected: '30.0' },
  ])('$n/$d with $decimals decimals → $expected', ({ n, d, decimals, expected }) => {
    expect(percent(ratio(n, d), decimals)).toBe(expected);
  });

  it('is null without a basis, and 1 decimal by default', () => {
    expect(percent(ratio(0, 0), 1)).toBeNull();
    expect(percent(ratio(5, 0))).toBeNull();
    expect(percent(ratio(1, 3))).toBe('33.3');
  });

  it('stays exact where floats are not', () => {
    // 201/20000 = 1.005 % exactly → 1.01 (the float 1.005 rounds to "1.00" with toFixed)
    expect(percent(ratio(201, 20_000), 2)).toBe('1.01');
    // (2^53 − 1) / (2·10^15) × 100 = 450.359962737049550 exactly → 450.359962737050 with 12 decimals
    // (the float quotient is 450.3599627370496)
    expect(percent(ratio(Number.MAX_SAFE_INTEGER, 2_000_000_000_000_000), 12)).toBe('450.359962737050');
  });

  it('refuses non-integers and silly precision', () => {
    expect(() => ratio(0.5, 2)).toThrow(/integers/);
    expect(() => percent(ratio(1, 2), -1)).toThrow(/decimals/);
    expect(() => percent(ratio(1, 2), 1.5)).toThrow(/decimals/);
  });

  it('matches an exact rational reference (property)', () => {
    // Reference: round half up of n·100·10^k / d, computed as floor((2·|n|·100·10^k + d) / 2d) by a
    // different route: the remainder compared with half the divisor.
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (n, d, k) => {
          const scaledN = BigInt(Math.abs(n)) * 100n * 10n ** BigInt(k);
          const q = scaledN / BigInt(d);
          const r = scaledN % BigInt(d);
          const rounded = 2n * r >= BigInt(d) ? q + 1n : q;
          const signed = n < 0 && rounded !== 0n ? -rounded : rounded;
          const text = percent(ratio(n, d), k) ?? '';
          const digits = text.replace('-', '').replace('.', '');
          expect(BigInt(text.startsWith('-') ? `-${digits}` : digits)).toBe(signed);
          expect(text.split('.')[1]?.length ?? 0).toBe(k);
        },
      ),
    );
  });
});

describe('decimalQuotient', () => {
  it('rounds any exact fraction half up', () => {
    // 49 + 3/8 = 49.375 → 49.4; 1/2 → 1 with 0 decimals; 3/2 → 2
    expect(decimalQuotient(395n, 8n, 1)).toBe('49.4');
    expect(decimalQuotient(1n, 2n, 0)).toBe('1');
    expect(decimalQuotient(3n, 2n, 0)).toBe('2');
    expect(decimalQuotient(-3n, 2n, 0)).toBe('-2');
    expect(() => decimalQuotient(1n, 0n, 1)).toThrow(/zero/);
  });
});

describe('addRatios', () => {
  it('adds the parts, not the rates', () => {
    // 1/2 (50 %) and 9/10 (90 %) together are 10/12 = 83.3 %, not the mean 70 %
    expect(addRatios(ratio(1, 2), ratio(9, 10))).toEqual({ numerator: 10, denominator: 12 });
    expect(percent(addRatios(ratio(1, 2), ratio(9, 10)))).toBe('83.3');
  });
});

describe('formatPercent', () => {
  it.each([
    { n: 3, d: 7, locale: 'fr', expected: '42,9\u00a0%' },
    { n: 3, d: 7, locale: 'en', expected: '42.9%' },
    // 12345/1000 = 1234.5 %: French groups thousands with a narrow no-break space
    { n: 12_345, d: 1000, locale: 'fr', expected: '1\u202f234,5\u00a0%' },
    { n: 12_345, d: 1000, locale: 'en', expected: '1,234.5%' },
    { n: -1, d: 20, locale: 'fr', expected: '-5,0\u00a0%' },
  ] as const)('$n/$d in $locale → $expected', ({ n, d, locale, expected }) => {
    expect(formatPercent(ratio(n, d), locale)).toBe(expected);
  });

  it('lays out the same digits as percent, the way Intl does', () => {
    const intl = new Intl.NumberFormat('fr-FR', {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    // 2/3 → 66.67 %; Intl on the float 0.6667 gives the same text
    expect(formatPercent(ratio(2, 3), 'fr', 2)).toBe(intl.format(0.6667));
    expect(formatPercent(ratio(5, 8), 'en', 0)).toBe('63%');
    expect(formatPercent(ratio(5, 0), 'en')).toBeNull();
  });
});
