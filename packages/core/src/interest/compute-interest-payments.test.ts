import { describe, expect, it } from 'vitest';
import { computeInterest } from './compute-interest.ts';
import type { InterestComputation, InterestInput } from './types.ts';

function computed(input: InterestInput): InterestComputation {
  const result = computeInterest(input);
  if (!result.ok) throw new Error(`expected a computation, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** [days, rate, interest in minor units] of each segment: the figures a person checks by hand. */
function segmentsOf(c: InterestComputation) {
  return c.segments.map((s) => [s.days, s.ratePercent, s.interestMinor]);
}

describe('partial payments: interest first, then the fixed compensation, then principal (C. civ. 1343-1, Q5)', () => {
  // 10,000.00 € due 2024-05-15; 3,000.00 € paid 2024-07-31; computed to 2024-09-30.
  //   (15 May, 30 Jun] 46 d × 14.50 % on 10,000.00 → 182.74
  //   (30 Jun, 31 Jul] 31 d × 14.25 % on 10,000.00 → 121.03
  //   payment 3,000.00 → 303.77 interest, 40.00 indemnity, 2,656.23 principal → principal 7,343.77
  //   (31 Jul, 30 Sep] 61 d × 14.25 % on 7,343.77 → 174.89
  it('imputes the payment and runs interest on the reduced principal from the payment date', () => {
    const c = computed({
      regime: 'fr-b2b',
      principalMinor: 1_000_000,
      currency: 'EUR',
      from: '2024-05-15',
      to: '2024-09-30',
      payments: [{ date: '2024-07-31', amountMinor: 300_000 }],
    });
    expect(c.segments.map((s) => [s.to, s.days, s.ratePercent, s.principalMinor, s.interestMinor])).toEqual([
      ['2024-06-30', 46, '14.50', 1_000_000, 18_274],
      ['2024-07-31', 31, '14.25', 1_000_000, 12_103],
      ['2024-09-30', 61, '14.25', 734_377, 17_489],
    ]);
    expect(c.payments).toEqual([
      {
        date: '2024-07-31',
        amountMinor: 300_000,
        toInterestMinor: 30_377,
        toFeesMinor: 4000,
        toPrincipalMinor: 265_623,
        unimputedMinor: 0,
      },
    ]);
    expect(c.interestMinor).toBe(47_866);
    expect(c.outstandingPrincipalMinor).toBe(734_377);
    expect(c.outstandingInterestMinor).toBe(17_489);
    expect(c.outstandingFeesMinor).toBe(0);
    expect(c.outstandingTotalMinor).toBe(751_866);
  });

  it('a payment of everything stops the interest; the excess is reported', () => {
    const c = computed({
      regime: 'fr-b2b',
      principalMinor: 100_000,
      currency: 'EUR',
      from: '2024-05-15',
      to: '2026-12-31',
      payments: [{ date: '2024-05-25', amountMinor: 110_000 }],
    });
    // 10 days × 14.50 % on 1,000.00 = 3.97; then 40.00; then 1,000.00; 66.03 left over.
    expect(segmentsOf(c)).toEqual([[10, '14.50', 397]]);
    expect(c.payments[0]).toMatchObject({
      toInterestMinor: 397,
      toFeesMinor: 4000,
      toPrincipalMinor: 100_000,
    });
    expect(c.payments[0]?.unimputedMinor).toBe(5603);
    expect(c.outstandingTotalMinor).toBe(0);
    expect(c.notes).toContain('overpayment');
  });

  it('a payment on the start day goes to the fixed compensation, then principal', () => {
    const c = computed({
      regime: 'eu',
      principalMinor: 100_000,
      currency: 'EUR',
      from: '2023-01-01',
      to: '2023-01-02',
      payments: [{ date: '2023-01-01', amountMinor: 5000 }],
    });
    expect(c.payments[0]).toMatchObject({ toInterestMinor: 0, toFeesMinor: 4000, toPrincipalMinor: 1000 });
    expect(c.segments[0]?.principalMinor).toBe(99_000);
  });
});

describe('the amounts of a contract rate (Q2) impute payments the same way', () => {
  it('at the contract rate as written and at the statutory default, with the same fixed compensation', () => {
    const input: InterestInput = {
      regime: 'fr-b2b',
      principalMinor: 1_000_000,
      currency: 'EUR',
      from: '2024-01-31',
      to: '2024-06-30',
      payments: [{ date: '2024-03-31', amountMinor: 500_000 }],
    };
    const statutory = computed(input);
    const above = computed({ ...input, contractRatePercent: '16' });
    expect(above.contractRate).toEqual({
      ratePercent: '16.00',
      belowFloor: false,
      interestAtContractRateMinor: above.interestMinor,
      interestAtStatutoryRateMinor: statutory.interestMinor,
    });
    expect(above.payments[0]?.toFeesMinor).toBe(4000);
  });
});

describe('refusals', () => {
  const b2b: InterestInput = {
    regime: 'fr-b2b',
    principalMinor: 100_000,
    currency: 'EUR',
    from: '2026-06-15',
    to: '2026-07-15',
  };

  it.each([
    ['fr-b2b, 2026 S2 (ECB rate on 1 Jul 2026 unknown)', b2b, '2026-S2', 'ecb-mro'],
    ['fr-b2b before 2020', { ...b2b, from: '2019-11-01', to: '2019-12-01' }, '2019-S2', 'ecb-mro'],
    [
      'fr-legal in a semester not in the table (2016 S2)',
      { ...b2b, regime: 'fr-legal', creditor: 'individual', from: '2016-07-01', to: '2016-08-01' },
      '2016-S2',
      'fr-legal-rate',
    ],
    [
      'uk, interest starting in 2026 H2',
      { ...b2b, regime: 'uk', currency: 'GBP', from: '2026-06-30' },
      '2026-S2',
      'uk-boe-reference',
    ],
    [
      'fr-b2b floor check needs the legal rate of 2026 S2',
      { ...b2b, contractRatePercent: '20' },
      '2026-S2',
      'fr-legal-rate',
    ],
  ] as const)('a missing rate is an error, never zero: %s', (_, input, period, table) => {
    const result = computeInterest(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'missing_rate', regime: input.regime, period, table });
    expect(result.error.message).toContain(period);
  });

  it.each([
    [{ principalMinor: 0 }, 'principalMinor', 'not_positive'],
    [{ currency: 'GBP' }, 'currency', 'currency_not_supported'],
    [{ from: '2024-02-30' }, 'from', 'not_a_date'],
    [{ from: '2024-03-01', to: '2024-02-01' }, 'to', 'to_before_from'],
    [{ creditor: 'individual' }, 'creditor', 'not_for_regime'],
    [{ regime: 'fr-legal' }, 'creditor', 'required'],
    [{ judgmentEnforceable: '2024-01-01' }, 'judgmentEnforceable', 'not_for_regime'],
    [{ contractRatePercent: '12,5' }, 'contractRatePercent', 'not_a_rate'],
    [{ regime: 'eu', contractRatePercent: '12' }, 'contractRatePercent', 'not_for_regime'],
    [{ payments: [{ date: '2023-01-01', amountMinor: 10 }] }, 'payments', 'payment_outside_period'],
    [{ payments: [{ date: '2024-02-01', amountMinor: -10 }] }, 'payments', 'not_positive'],
  ] as const)('refuses %j: %s %s', (change, field, reason) => {
    const input = { ...b2b, from: '2024-01-01', to: '2024-03-01', ...change } as InterestInput;
    const result = computeInterest(input);
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'invalid_input', field, reason });
  });

  it('no day, no interest (from = to)', () => {
    const c = computed({ ...b2b, from: '2024-01-01', to: '2024-01-01' });
    expect(c.segments).toEqual([]);
    expect(c.interestMinor).toBe(0);
    expect(c.interestExact).toBe('0.0000000000');
  });
});
