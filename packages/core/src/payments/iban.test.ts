import { describe, expect, it } from 'vitest';
import { formatIban, isValidBic, isValidIban, makeIban } from './iban.ts';

describe('IBAN and BIC', () => {
  it('accepts published example IBANs, with spaces and any case', () => {
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('de89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(makeIban('fr', '20041010050500013M02606')).toBe('FR1420041010050500013M02606');
  });

  it('refuses a wrong check digit, a wrong length for the country and bad characters', () => {
    expect(isValidIban('FR15 2004 1010 0505 0001 3M02 606')).toBe(false);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 60')).toBe(false);
    expect(isValidIban('GB82-WEST-1234-5698-7654-32')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('groups by four, and checks BIC shapes', () => {
    expect(formatIban('fr1420041010050500013m02606')).toBe('FR14 2004 1010 0505 0001 3M02 606');
    expect(isValidBic('AGRIFRPP')).toBe(true);
    expect(isValidBic('BNPAFRPPXXX')).toBe(true);
    expect(isValidBic('AGRIFRP')).toBe(false);
    expect(isValidBic('1GRIFRPP')).toBe(false);
  });
});
