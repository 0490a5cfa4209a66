import { describe, expect, it } from 'vitest';
import {
  assertCurrencyCode,
  currencyMarkers,
  isCurrencyCode,
  normalizeCurrencyMarker,
} from './currencies.ts';
import { DomainError } from './errors.ts';

describe('currency codes', () => {
  it.each([
    ['EUR', true],
    ['XOF', true],
    ['eur', false],
    ['EURO', false],
    ['€', false],
    ['', false],
  ])('%j → %s', (code, expected) => {
    expect(isCurrencyCode(code)).toBe(expected);
    if (expected) expect(() => assertCurrencyCode(code)).not.toThrow();
    else expect(() => assertCurrencyCode(code)).toThrow(DomainError);
  });
});

describe('currencyMarkers', () => {
  it.each([
    ['EUR', ['EUR', '€']],
    ['USD', ['USD', '$', 'US$', '$US']],
    ['GBP', ['GBP', '£']],
    ['JPY', ['JPY', '¥', 'JP¥']],
    ['XOF', ['XOF', 'FCFA']],
  ])('%s accepts %j', (currency, markers) => {
    for (const marker of markers) expect(currencyMarkers(currency).has(marker)).toBe(true);
  });

  it.each([
    ['EUR', '$'],
    ['EUR', 'USD'],
    ['GBP', '€'],
  ])('%s refuses %s', (currency, marker) => {
    expect(currencyMarkers(currency).has(marker)).toBe(false);
  });

  it.each([
    ['F\u00a0CFA', 'FCFA'],
    ['eur', 'EUR'],
    [' € ', '€'],
  ])('normalizes %j to %j', (marker, expected) => {
    expect(normalizeCurrencyMarker(marker)).toBe(expected);
  });
});
