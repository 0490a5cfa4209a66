import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base36Pair } from './row-hash.ts';

describe('base36Pair', () => {
  it('writes two 32-bit numbers as toString(36) does, joined by a dot', () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(u32, u32, (a, b) => {
        expect(base36Pair(a, b)).toBe(`${a.toString(36)}.${b.toString(36)}`);
      }),
    );
    expect(base36Pair(0, 0xffffffff)).toBe('0.1z141z3');
  });
});
