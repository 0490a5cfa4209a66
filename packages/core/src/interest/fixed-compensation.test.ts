import { describe, expect, it } from 'vitest';
import { fixedCompensation } from './fixed-compensation.ts';

describe('fixedCompensation', () => {
  it.each([
    ['fr-b2b', 1, 'EUR', 4000, 'fr-indemnity-40'],
    ['fr-b2b', 100_000_000, 'EUR', 4000, 'fr-indemnity-40'],
    ['eu', 5000, 'EUR', 4000, 'eu-compensation-40'],
    ['uk', 99_999, 'GBP', 4000, 'uk-fixed-sum-40'],
    ['uk', 100_000, 'GBP', 7000, 'uk-fixed-sum-70'],
    ['uk', 999_999, 'GBP', 7000, 'uk-fixed-sum-70'],
    ['uk', 1_000_000, 'GBP', 10_000, 'uk-fixed-sum-100'],
    ['fr-legal', 100_000, 'EUR', 0, 'none-legal-interest'],
  ] as const)('%s on %i %s → %i (%s)', (regime, principal, currency, amountMinor, basis) => {
    expect(fixedCompensation(regime, principal, currency)).toEqual({
      ok: true,
      value: expect.objectContaining({ amountMinor, currency, basis }),
    });
  });

  it.each(['fr-b2b', 'eu', 'uk', 'fr-legal'] as const)('a consumer is never charged one (%s)', (regime) => {
    const currency = regime === 'uk' ? 'GBP' : 'EUR';
    const result = fixedCompensation(regime, 5_000_000, currency, 'consumer');
    expect(result.ok && result.value).toMatchObject({ amountMinor: 0, basis: 'none-consumer' });
  });

  it('refuses a currency the regime is not stated in', () => {
    expect(fixedCompensation('uk', 100, 'EUR')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'currency' },
    });
  });
});
