import { makeRfReference } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { parseKeyed, parseKeyedAmount } from '../../../src/use-cases/payments/ivr/keyed-reference.ts';

describe('what a caller keys', () => {
  const reference = makeRfReference('123456789012');
  const digits = reference.slice(2);

  it('the digits after RF find the reference; six digits are a transfer code', () => {
    expect(parseKeyed(digits)).toEqual({ kind: 'reference', reference });
    expect(parseKeyed(`${digits}*`)).toEqual({ kind: 'reference', reference });
    expect(parseKeyed(`73${digits}`)).toEqual({ kind: 'reference', reference });
    expect(parseKeyed('048213')).toEqual({ kind: 'transfer', code: '048213' });
  });

  it('a mistyped key or two swapped keys fail the check digits', () => {
    const typo = `${digits.slice(0, 5)}${(Number(digits[5]) + 1) % 10}${digits.slice(6)}`;
    const swapped = `${digits.slice(0, 6)}${digits[7]}${digits[6]}${digits.slice(8)}`;
    expect(parseKeyed(typo)).toEqual({ kind: 'malformed' });
    if (swapped !== digits) expect(parseKeyed(swapped)).toEqual({ kind: 'malformed' });
    expect(parseKeyed('')).toEqual({ kind: 'malformed' });
  });

  it.each([
    ['120', 12000],
    ['120*5', 12050],
    ['120*05', 12005],
    ['120*', 12000],
    ['0*99', 99],
    ['120*505', null],
    ['12a', null],
    ['', null],
  ] as const)('amount %s → %s', (keyed, minor) => {
    expect(parseKeyedAmount(keyed, 2)).toBe(minor);
  });
});
