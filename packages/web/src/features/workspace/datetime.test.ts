import { describe, expect, it } from 'vitest';
import { defaultCallback, isoToLocalInput, localInputToIso } from './datetime.ts';

describe('callback date-times', () => {
  it('proposes the next working day at ten (a Friday leads to Monday)', () => {
    expect(defaultCallback(new Date(2026, 10, 19, 15, 30))).toBe('2026-11-20T10:00');
    expect(defaultCallback(new Date(2026, 10, 20, 9, 0))).toBe('2026-11-23T10:00');
    expect(defaultCallback(new Date(2026, 10, 21, 9, 0))).toBe('2026-11-23T10:00');
  });

  it('turns the input’s wall-clock value into an instant and back; a partial value is none', () => {
    const local = isoToLocalInput(new Date(2026, 10, 23, 14, 5));
    expect(local).toBe('2026-11-23T14:05');
    expect(localInputToIso(local)).toBe(new Date(2026, 10, 23, 14, 5).toISOString());
    expect(localInputToIso('2026-11-23')).toBeNull();
  });
});
