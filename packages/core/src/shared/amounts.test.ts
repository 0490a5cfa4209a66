import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AmountError, DecimalSeparator } from './amounts.ts';
import { detectDecimalSeparator, parseAmount } from './amounts.ts';
import { formatMoney } from './money.ts';

type Accepted = { text: string; currency?: string; sep?: DecimalSeparator | 'auto'; minor: number };
type Rejected = { text: string; currency?: string; sep?: DecimalSeparator | 'auto'; error: AmountError };

describe('parseAmount accepts', () => {
  const cases: Accepted[] = [
    { text: '1234,56', minor: 123456 },
    { text: '1 234,56', minor: 123456 },
    { text: '1\u00a0234,56', minor: 123456 },
    { text: '1\u202f234,56', minor: 123456 },
    { text: '1.234,56', minor: 123456 },
    { text: '1,234.56', minor: 123456 },
    { text: '1.234.567,89', minor: 123456789 },
    { text: '1,234,567.89', minor: 123456789 },
    { text: '1.234.567', minor: 123456700 },
    { text: "1'234.56", minor: 123456 },
    { text: '1234.5', minor: 123450 },
    { text: '-12,00', minor: -1200 },
    { text: '\u221212,00', minor: -1200 },
    { text: '(12.00)', minor: -1200 },
    { text: '(12,00 €)', minor: -1200 },
    { text: '12,00-', minor: -1200 },
    { text: '12,00 €', minor: 1200 },
    { text: '12,00\u00a0€', minor: 1200 },
    { text: '€12.00', minor: 1200 },
    { text: '-€12.00', minor: -1200 },
    { text: '€-12.00', minor: -1200 },
    { text: 'EUR 12', minor: 1200 },
    { text: 'eur12', minor: 1200 },
    { text: '12 EUR', minor: 1200 },
    { text: '+5', minor: 500 },
    { text: '0', minor: 0 },
    { text: '-0', minor: 0 },
    { text: '0,00', minor: 0 },
    { text: '1234', minor: 123400 },
    { text: '1234,5000', minor: 123450 },
    { text: '.5', minor: 50 },
    { text: '  42,10  ', minor: 4210 },
    { text: '1 234', minor: 123400 },
    { text: '90071992547409.91', minor: Number.MAX_SAFE_INTEGER },
    { text: '9 000 000 000 000 000', currency: 'JPY', minor: 9e15 },
    { text: '1234', currency: 'JPY', minor: 1234 },
    { text: '1234,00', currency: 'JPY', minor: 1234 },
    { text: '¥1,234', currency: 'JPY', sep: '.', minor: 1234 },
    { text: '1,234', currency: 'TND', minor: 1234 },
    { text: '1.234', currency: 'BHD', minor: 1234 },
    { text: 'US$12.00', currency: 'USD', minor: 1200 },
    { text: '$12.00', currency: 'USD', minor: 1200 },
    { text: '12,00 $US', currency: 'USD', minor: 1200 },
    { text: '£3.50', currency: 'GBP', minor: 350 },
    { text: '12 F\u00a0CFA', currency: 'XOF', minor: 12 },
    { text: "CHF 1'234.50", currency: 'CHF', minor: 123450 },
    // A lone separator before three digits: decimal in auto mode, thousands when the other one is named.
    { text: '1.234', sep: ',', minor: 123400 },
    { text: '1,234', sep: '.', minor: 123400 },
    { text: '12.345', sep: ',', minor: 1234500 },
    { text: '1.234,5', sep: ',', minor: 123450 },
    { text: '1,234.5', sep: '.', minor: 123450 },
    // …but a lone separator that cannot group thousands is still the decimal one.
    { text: '12.5', sep: ',', minor: 1250 },
    { text: '12,5', sep: '.', minor: 1250 },
    { text: '1234.567', sep: ',', currency: 'TND', minor: 1234567 },
  ];
  it.each(cases)('$text ($currency, $sep) → $minor', ({ text, currency = 'EUR', sep, minor }) => {
    expect(parseAmount(text, currency, sep)).toEqual({ ok: true, value: minor });
  });

  it('never returns a negative zero', () => {
    const result = parseAmount('-0,00', 'EUR');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });
});

describe('parseAmount refuses', () => {
  const cases: Rejected[] = [
    { text: '', error: 'empty' },
    { text: '   ', error: 'empty' },
    { text: '\u00a0', error: 'empty' },
    { text: 'abc', error: 'not_a_number' },
    { text: '€', error: 'not_a_number' },
    { text: '-', error: 'not_a_number' },
    { text: '12abc', error: 'not_a_number' },
    { text: '1e3', error: 'not_a_number' },
    { text: '--12', error: 'not_a_number' },
    { text: '-12-', error: 'not_a_number' },
    { text: '(-12)', error: 'not_a_number' },
    { text: '5.', error: 'not_a_number' },
    { text: '12 34', error: 'not_a_number' },
    { text: '1.23.4', error: 'not_a_number' },
    { text: '1,2,3', error: 'not_a_number' },
    { text: '1,234,56', error: 'not_a_number' },
    { text: '1.234.567.89', error: 'not_a_number' },
    { text: '1 234.567,89', error: 'not_a_number' },
    { text: '€12 EUR', error: 'not_a_number' },
    { text: 'USD 12', error: 'not_a_number' },
    { text: '£12', error: 'not_a_number' },
    { text: '1,234.56', sep: ',', error: 'not_a_number' },
    { text: '1.234,56', sep: '.', error: 'not_a_number' },
    { text: '1,5,0', sep: '.', error: 'not_a_number' },
    { text: '1234,5001', error: 'too_many_decimals' },
    { text: '12,345', error: 'too_many_decimals' },
    { text: '1.234', error: 'too_many_decimals' },
    { text: '1,234', error: 'too_many_decimals' },
    { text: '0,001', error: 'too_many_decimals' },
    { text: '12,5', currency: 'JPY', error: 'too_many_decimals' },
    { text: '1,2345', currency: 'TND', error: 'too_many_decimals' },
    { text: '90071992547409.92', error: 'out_of_range' },
    { text: '99999999999999999999', error: 'out_of_range' },
    { text: '-90071992547409.92', error: 'out_of_range' },
    { text: `1${' '.repeat(100)}2`, error: 'not_a_number' },
  ];
  it.each(cases)('$text ($currency, $sep) → $error', ({ text, currency = 'EUR', sep, error }) => {
    expect(parseAmount(text, currency, sep)).toEqual({ ok: false, error });
  });

  it('throws on a malformed currency code, a programming error', () => {
    expect(() => parseAmount('12', 'euro')).toThrow(/currency/);
  });
});

describe('formatMoney then parseAmount', () => {
  it.each([
    ['EUR', 'fr'],
    ['EUR', 'en'],
    ['USD', 'en'],
    ['GBP', 'fr'],
    ['JPY', 'en'],
    ['TND', 'fr'],
    ['XOF', 'fr'],
  ] as const)('round-trips %s in %s', (currency, locale) => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        const text = formatMoney(minor, currency, locale);
        expect(parseAmount(text, currency, locale === 'fr' ? ',' : '.')).toEqual({ ok: true, value: minor });
      }),
    );
  });
});

describe('detectDecimalSeparator', () => {
  const cases: { samples: string[]; expected: DecimalSeparator }[] = [
    { samples: ['1.234,56', '12,5'], expected: ',' },
    { samples: ['1,234.56'], expected: '.' },
    { samples: ['12,50', '3,00', '1 200,00'], expected: ',' },
    { samples: ['12.50', '3.00', '1 200.00'], expected: '.' },
    { samples: ['12', '300', '-4'], expected: '.' },
    { samples: [], expected: '.' },
    { samples: ['12,5', '12.5'], expected: ',' },
    { samples: ['1.234.567'], expected: ',' },
    { samples: ['1,234,567'], expected: '.' },
    // Lone separators before three digits are weak evidence, read as thousands separators…
    { samples: ['1.234', '5.678'], expected: ',' },
    { samples: ['1,234'], expected: '.' },
    // …and give way to any decisive value.
    { samples: ['1.234', '12.5'], expected: '.' },
    { samples: ['1,234', '12,50'], expected: ',' },
    { samples: ['€1,234.00', 'EUR 12.00'], expected: '.' },
    { samples: ['12,00 €', '', 'n/a'], expected: ',' },
  ];
  it.each(cases)('$samples → $expected', ({ samples, expected }) => {
    expect(detectDecimalSeparator(samples)).toBe(expected);
  });
});
