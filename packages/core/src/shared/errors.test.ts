import { describe, expect, it } from 'vitest';
import { assertNever, DomainError } from './errors.ts';

describe('DomainError', () => {
  it.each([
    ['not_found', undefined],
    ['invalid_input', { field: 'amount' }],
  ] as const)('%s carries its code and details', (code, details) => {
    const error = new DomainError(code, 'message', details);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe(code);
    expect(error.message).toBe('message');
    expect(error.details).toEqual(details);
  });

  it('assertNever throws when reached', () => {
    expect(() => assertNever('surprise' as never)).toThrow('surprise');
  });
});
