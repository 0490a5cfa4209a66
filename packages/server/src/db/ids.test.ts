import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes UUIDv7s: the time in the first 48 bits, version 7, the RFC variant, the rest random', () => {
    const id = newId(0x0123456789ab);
    expect(id).toMatch(UUID_V7);
    expect(id.slice(0, 13)).toBe('01234567-89ab');
  });

  it('makes ids in the order of their times, none twice, across refills of the random pool', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => newId(1_700_000_000_000 + i));
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as string))).toBe(true);
  });

  it('gives back a string of its own each time (the text is written in one shared buffer)', () => {
    const first = newId(1);
    const second = newId(1);
    expect(first).not.toBe(second);
    expect(first.slice(0, 13)).toBe('00000000-0001');
    expect(first).toMatch(UUID_V7);
  });
});
