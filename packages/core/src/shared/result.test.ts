import { describe, expect, it } from 'vitest';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

describe('Result', () => {
  it.each([
    [ok(1), { ok: true, value: 1 }],
    [err('nope'), { ok: false, error: 'nope' }],
  ])('%j', (result, expected) => {
    expect(result).toEqual(expected);
  });

  it('narrows on ok', () => {
    const r: Result<number, string> = ok(2);
    expect(r.ok ? r.value * 2 : r.error).toBe(4);
  });
});
