import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, minorToDecimalString, parseMoneyInput } from './money.ts';

describe('minorToDecimalString', () => {
  it.each([
    [0, 2, '0.00'],
    [5, 2, '0.05'],
    [123456, 2, '1234.56'],
    [-7, 2, '-0.07'],
    [-123456, 2, '-1234.56'],
    [1500, 0, '1500'],
    [1234, 3, '1.234'],
    [9007199254740991, 2, '90071992547409.91'],
  ])('%d with %d digits is %s', (minor, digits, expected) => {
    expect(minorToDecimalString(minor, digits)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it('formats euros the French way with no-break spaces, never U+202F', () => {
    const text = formatMoney(123456789, 'EUR', 'fr');
    expect(text).toBe('1\u00a0234\u00a0567,89\u00a0€');
    expect(text).not.toContain('\u202f');
  });

  it('formats euros the English way', () => {
    expect(formatMoney(123456789, 'EUR', 'en')).toBe('€1,234,567.89');
  });

  it('keeps cents that a float division would lose', () => {
    // 0.1 + 0.2 style errors: 1005 cents is exactly 10.05.
    expect(formatMoney(1005, 'EUR', 'fr')).toBe('10,05\u00a0€');
    expect(formatMoney(-1, 'EUR', 'en')).toBe('-€0.01');
  });

  it('knows currencies without cents', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(formatMoney(1500, 'JPY', 'en')).toBe('JP¥1,500');
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['150', 'EUR', 15000],
    ['150,5', 'EUR', 15050],
    ['1 234,56', 'EUR', 123456],
    ['1\u00a0234.56', 'EUR', 123456],
    ['0,10', 'EUR', 10],
    ['12.', 'EUR', 1200],
    ['1500', 'JPY', 1500],
    ['1.234', 'BHD', 1234],
  ])('%j %s is %d minor units', (text, currency, minor) => {
    expect(parseMoneyInput(text, currency)).toBe(minor);
  });

  it.each([
    ['', 'EUR'],
    ['abc', 'EUR'],
    ['-5', 'EUR'],
    ['1,234', 'EUR'],
    ['12,5', 'JPY'],
    ['1e3', 'EUR'],
  ])('refuses %j in %s', (text, currency) => {
    expect(parseMoneyInput(text, currency)).toBeNull();
  });
});
