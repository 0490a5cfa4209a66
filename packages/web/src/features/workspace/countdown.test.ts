import { describe, expect, it } from 'vitest';
import { clock, secondsLeft } from './countdown.ts';

describe('the lock’s countdown', () => {
  it('counts whole seconds down to zero, never below', () => {
    const now = Date.parse('2026-11-24T09:00:00.000Z');
    expect(secondsLeft('2026-11-24T09:15:00.000Z', now)).toBe(900);
    expect(secondsLeft('2026-11-24T09:00:00.900Z', now)).toBe(0);
    expect(secondsLeft('2026-11-24T08:59:00.000Z', now)).toBe(0);
  });

  it('reads as minutes and two-digit seconds', () => {
    expect(clock(900)).toBe('15:00');
    expect(clock(65)).toBe('1:05');
    expect(clock(0)).toBe('0:00');
  });
});
