import { describe, expect, it } from 'vitest';
import { allocatePayment } from './allocate.ts';
import { claim, RECEIVED_ON } from './allocation-fixtures.ts';

describe('allocatePayment refuses', () => {
  it('a claim in another currency, as data', () => {
    const result = allocatePayment({
      payment: { amountMinor: 1_000, currency: 'EUR', receivedOn: RECEIVED_ON },
      claims: [claim('a', { principalMinor: 500 }), claim('b', { principalMinor: 500, currency: 'GBP' })],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'currency_mismatch', expected: 'EUR', actual: 'GBP', claimId: 'b' },
    });
  });

  it.each([
    ['a zero payment', { amountMinor: 0 }, [], 'payment.amountMinor'],
    ['a fractional payment', { amountMinor: 10.5 }, [], 'payment.amountMinor'],
    ['a bad receipt date', { receivedOn: '2026-02-30' }, [], 'payment.receivedOn'],
    ['a negative amount owed', {}, [claim('a', { feesMinor: -1 })], 'claim.amounts'],
    ['a claim given twice', {}, [claim('a'), claim('a')], 'claim.claimId'],
  ] as const)('%s', (_name, payment, claims, field) => {
    const result = allocatePayment({
      payment: { amountMinor: 1_000, currency: 'EUR', receivedOn: RECEIVED_ON, ...payment },
      claims,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input', field } });
  });
});
