import { describe, expect, it } from 'vitest';
import { formatRfReference, isValidRfReference, makeRfReference } from './rf-reference.ts';

describe('ISO 11649 RF references', () => {
  // Published examples: the standard's RF18 5390 0754 7034 and RF71 2348 231 (EPC guidance), and the
  // examples of the node-iso11649 / iso-11649 libraries' documentation.
  it.each([
    ['539007547034', 'RF18539007547034'],
    ['2348231', 'RF712348231'],
    ['AB2G5', 'RF68AB2G5'],
    ['12345 12345', 'RF451234512345'],
    ['X2HU4TC28XTYLHASYWT91', 'RF14X2HU4TC28XTYLHASYWT91'],
    ['ab2g5', 'RF68AB2G5'],
  ])('makes the check digits of %s: %s', (body, expected) => {
    expect(makeRfReference(body)).toBe(expected);
    expect(isValidRfReference(expected)).toBe(true);
  });

  it('accepts spaces and any case, refuses wrong digits, letters, lengths and prefixes', () => {
    expect(isValidRfReference('rf18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('RF720HYA6')).toBe(true);
    expect(isValidRfReference('RF19GAX8WS5JYOOUJ87')).toBe(false);
    expect(isValidRfReference('RF19539007547034')).toBe(false);
    expect(isValidRfReference('RF18539007547043')).toBe(false);
    expect(isValidRfReference('RF18')).toBe(false);
    expect(isValidRfReference('FR18539007547034')).toBe(false);
    expect(isValidRfReference(`RF00${'1'.repeat(22)}`)).toBe(false);
    expect(isValidRfReference('RF18-5390-0754-7034')).toBe(false);
  });

  it('round-trips random bodies and refuses bad ones', () => {
    for (const body of ['0', 'ZZZZZZZZZZZZZZZZZZZZZ', 'K7Q2M9X4', '000000000000000000001']) {
      expect(isValidRfReference(makeRfReference(body))).toBe(true);
    }
    expect(() => makeRfReference('')).toThrow(RangeError);
    expect(() => makeRfReference('é')).toThrow(RangeError);
    expect(() => makeRfReference('1'.repeat(22))).toThrow(RangeError);
  });

  it('groups the printed form by four', () => {
    expect(formatRfReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(formatRfReference('rf712348231')).toBe('RF71 2348 231');
  });
});
