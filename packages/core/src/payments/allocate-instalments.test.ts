import { describe, expect, it } from 'vitest';
import { allocate, claim, RECEIVED_ON } from './allocation-fixtures.ts';
import type { AllocationInstalment } from './allocation-types.ts';

describe('allocatePayment over a plan’s instalments', () => {
  const claims = [claim('a', { principalMinor: 100_000 })];
  const instalments: readonly AllocationInstalment[] = [
    { seq: 3, dueOn: '2026-05-01', amountMinor: 10_000, paidMinor: 0 },
    { seq: 1, dueOn: '2026-03-01', amountMinor: 10_000, paidMinor: 10_000 },
    { seq: 2, dueOn: '2026-04-01', amountMinor: 10_000, paidMinor: 4_000 },
  ];

  it('covers the instalments in order of seq, a partly paid one first, the next partially', () => {
    const allocation = allocate({
      payment: { amountMinor: 9_000, currency: 'EUR', receivedOn: RECEIVED_ON },
      claims,
      instalments,
    });
    expect(allocation.instalments).toEqual([
      { seq: 2, dueOn: '2026-04-01', amountMinor: 6_000, settles: true, leftMinor: 0 },
      { seq: 3, dueOn: '2026-05-01', amountMinor: 3_000, settles: false, leftMinor: 7_000 },
    ]);
    expect(allocation.explanation.filter((step) => step.kind === 'instalment')).toHaveLength(2);
  });

  it('leaves the credit out of the instalments', () => {
    const allocation = allocate({
      payment: { amountMinor: 30_000, currency: 'EUR', receivedOn: RECEIVED_ON },
      claims: [claim('a', { principalMinor: 5_000 })],
      instalments,
    });
    expect(allocation.creditMinor).toBe(25_000);
    expect(allocation.instalments.map((i) => `${i.seq}:${i.amountMinor}:${i.settles}`)).toEqual([
      '2:5000:false',
    ]);
  });
});
