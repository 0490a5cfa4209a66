import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import type { Money } from './money.ts';
import {
  addMoney,
  formatMoney,
  minorToDecimalString,
  minorUnitDigits,
  money,
  subtractMoney,
  sumMinor,
  sumMoney,
} from './money.ts';

const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });

describe('minorUnitDigits', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['JPY', 0],
    ['XOF', 0],
    ['XPF', 0],
    ['XAF', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['TND', 3],
    ['SEK', 2],
    ['ZZZ', 2],
  ])('%s → %i', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});

describe('minorToDecimalString', () => {
  it.each([
    [123456, 'EUR', '1234.56'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [-0, 'EUR', '0.00'],
    [1200, 'JPY', '1200'],
    [-7, 'JPY', '-7'],
    [1234567, 'TND', '1234.567'],
    [1, 'TND', '0.001'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
  ])('%i %s → %s', (minor, currency, expected) => {
    expect(minorToDecimalString(minor, currency)).toBe(expected);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d', (minor) => {
    expect(() => minorToDecimalString(minor, 'EUR')).toThrow(DomainError);
  });
});

describe('formatMoney', () => {
  it.each([
    [123456, 'EUR', 'fr', '1\u00a0234,56\u00a0€'],
    [123456, 'EUR', 'en', '€1,234.56'],
    [-123456, 'EUR', 'fr', '-1\u00a0234,56\u00a0€'],
    [-5, 'EUR', 'en', '-€0.05'],
    [0, 'EUR', 'fr', '0,00\u00a0€'],
    [1234, 'JPY', 'en', 'JP¥1,234'],
    [1234567, 'TND', 'fr', '1\u00a0234,567\u00a0TND'],
    [100, 'XOF', 'fr', '100\u00a0F\u00a0CFA'],
    [350, 'GBP', 'en', '£3.50'],
    [Number.MAX_SAFE_INTEGER, 'EUR', 'en', '€90,071,992,547,409.91'],
  ] as const)('%i %s %s → %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it('never leaves a narrow no-break space', () => {
    expect(formatMoney(123456789, 'EUR', 'fr')).not.toContain('\u202f');
  });

  it('refuses a malformed currency', () => {
    expect(() => formatMoney(100, 'eur', 'fr')).toThrow(DomainError);
  });
});

describe('adding money', () => {
  it('adds and subtracts in one currency', () => {
    expect(addMoney(eur(1050), eur(-50))).toEqual(eur(1000));
    expect(subtractMoney(eur(1050), eur(1050))).toEqual(eur(0));
  });

  it.each([
    [[], 0],
    [[eur(1)], 1],
    [[eur(10), eur(20), eur(-5)], 25],
  ])('sumMinor %j → %i', (values, total) => {
    expect(sumMinor(values)).toBe(total);
  });

  it('sumMoney keeps the currency of an empty list', () => {
    expect(sumMoney([], 'EUR')).toEqual(eur(0));
    expect(sumMoney([eur(1), eur(2)], 'EUR')).toEqual(eur(3));
  });

  it.each([
    ['addMoney', () => addMoney(eur(1), { amountMinor: 1, currency: 'USD' })],
    ['subtractMoney', () => subtractMoney(eur(1), { amountMinor: 1, currency: 'USD' })],
    ['sumMinor', () => sumMinor([eur(1), { amountMinor: 1, currency: 'USD' }])],
    ['sumMoney', () => sumMoney([eur(1)], 'USD')],
    ['overflow', () => addMoney(eur(Number.MAX_SAFE_INTEGER), eur(1))],
    ['float', () => sumMinor([eur(0.1), eur(0.2)])],
  ])('%s throws invalid_input', (_name, run) => {
    expect(run).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('money() validates its input', () => {
    expect(money(-0, 'EUR')).toEqual(eur(0));
    expect(() => money(1.5, 'EUR')).toThrow(DomainError);
    expect(() => money(1, 'Euro')).toThrow(DomainError);
  });
});
