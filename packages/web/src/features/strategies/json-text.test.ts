import { describe, expect, it } from 'vitest';
import { parseStrategyJson } from './json-text.ts';

describe('parseStrategyJson', () => {
  it('passes any object on, for the server to check', () => {
    expect(parseStrategyJson('{"key":"b2b","steps":[]}')).toEqual({
      ok: true,
      value: { key: 'b2b', steps: [] },
    });
  });

  it.each([
    ['{"key":', 'invalid'],
    ['', 'invalid'],
    ['[1, 2]', 'notObject'],
    ['null', 'notObject'],
    ['"b2b"', 'notObject'],
  ])('refuses %j (%s)', (text, error) => {
    expect(parseStrategyJson(text)).toEqual({ ok: false, error });
  });
});
