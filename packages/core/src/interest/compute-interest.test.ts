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

describe('service-public.fr worked examples (legal-rules.md A2), fr-legal, creditor individual', () => {
  const example2: InterestInput = {
    regime: 'fr-legal',
    principalMinor: 200_000,
    currency: 'EUR',
    creditor: 'individual',
    from: '2015-09-17',
    judgmentEnforceable: '2015-09-17',
    to: '2016-04-09',
  };

  it('example 2 with the official day count (205 days: to = 2016-04-09, the day before payment) → 89.01 €', () => {
    const c = computed(example2);
    expect(segmentsOf(c)).toEqual([
      [61, '4.29', 1434],
      [44, '9.29', 2240],
      [100, '9.54', 5227],
    ]);
    expect(c.segments.map((s) => [s.from, s.to, s.basis])).toEqual([
      ['2015-09-17', '2015-11-17', 'legal-individual'],
      ['2015-11-17', '2015-12-31', 'legal-individual+5'],
      ['2015-12-31', '2016-04-09', 'legal-individual+5'],
    ]);
    expect(c.days).toBe(205);
    expect(c.interestMinor).toBe(8901);
    expect(c.interestExact).toBe('89.0109589041');
    expect(c.fixedCompensation).toMatchObject({ amountMinor: 0, basis: 'none-legal-interest' });
    expect(c.notes).toEqual(['judgment_majoration']);
  });

  it('example 2 with our (start, end] convention, paid 2016-04-10: 206 days → 89.54 €', () => {
    const c = computed({ ...example2, to: '2016-04-10' });
    expect(segmentsOf(c)).toEqual([
      [61, '4.29', 1434],
      [44, '9.29', 2240],
      [101, '9.54', 5280],
    ]);
    expect(c.interestMinor).toBe(8954);
  });

  it('example 1 with the official day count (30 days, both ends: from = 2020-08-31) → 5.11 €', () => {
    const c = computed({ ...example2, from: '2020-08-31', to: '2020-09-30', judgmentEnforceable: undefined });
    expect(segmentsOf(c)).toEqual([[30, '3.11', 511]]);
    expect(c.interestMinor).toBe(511);
  });

  it('example 1 with our convention (from = judgment day 2020-09-01): 29 days → 4.94 €', () => {
    const c = computed({ ...example2, from: '2020-09-01', to: '2020-09-30', judgmentEnforceable: undefined });
    expect(segmentsOf(c)).toEqual([[29, '3.11', 494]]);
  });

  it('a professional creditor gets the "other cases" rate, majorated as well', () => {
    const c = computed({ ...example2, creditor: 'professional' });
    expect(c.segments.map((s) => [s.ratePercent, s.basis])).toEqual([
      ['0.99', 'legal-other'],
      ['5.99', 'legal-other+5'],
      ['6.01', 'legal-other+5'],
    ]);
  });
});

describe('fr-b2b: ECB rate in force on 1 Jan / 1 Jul + 10, split by semester, 40 € indemnity', () => {
  // 10,000.00 € due 2024-05-15, paid 2024-09-30:
  //   (15 May, 30 Jun]  46 days × 14.50 % → 1,000,000 × 14.50 × 46 / 36,500 = 18,273.97 c → 182.74 €
  //   (30 Jun, 30 Sep]  92 days × 14.25 % → 1,000,000 × 14.25 × 92 / 36,500 = 35,917.81 c → 359.18 €
  //   total 541.92 € (unrounded 541.9178…), plus the 40 € indemnity.
  const invoice: InterestInput = {
    regime: 'fr-b2b',
    principalMinor: 1_000_000,
    currency: 'EUR',
    from: '2024-05-15',
    to: '2024-09-30',
  };

  it('across the 1 July 2024 boundary → 541.92 € + 40 €', () => {
    const c = computed(invoice);
    expect(segmentsOf(c)).toEqual([
      [46, '14.50', 18_274],
      [92, '14.25', 35_918],
    ]);
    expect(c.segments.map((s) => s.basis)).toEqual(['ecb+10', 'ecb+10']);
    expect(c.interestMinor).toBe(54_192);
    expect(c.interestExact).toBe('541.9178082192');
    expect(c.fixedCompensation).toMatchObject({ amountMinor: 4000, basis: 'fr-indemnity-40' });
    expect(c.outstandingTotalMinor).toBe(1_000_000 + 54_192 + 4000);
    expect(c.contractRate).toBeNull();
    expect(c.notes).toEqual([]);
  });

  it('ACT/365 even in a leap year: 366 days of 2024 on 1,000.00 € → 72.30 + 71.84 €', () => {
    const c = computed({ ...invoice, principalMinor: 100_000, from: '2023-12-31', to: '2024-12-31' });
    expect(c.days).toBe(366);
    expect(segmentsOf(c)).toEqual([
      [182, '14.50', 7230],
      [184, '14.25', 7184],
    ]);
  });

  it('rounds each segment half-up: 0.73 € × 10 % × 25 days = 0.5 c exactly → 1 c', () => {
    const c = computed({ ...invoice, principalMinor: 73, from: '2021-01-01', to: '2021-01-26' });
    expect(segmentsOf(c)).toEqual([[25, '10.00', 1]]);
    expect(c.interestExact).toBe('0.0050000000');
  });

  it('marks the semesters whose B2B rate is DERIVED', () => {
    const c = computed({ ...invoice, from: '2025-05-15', to: '2025-09-30' });
    expect(segmentsOf(c).map(([, rate]) => rate)).toEqual(['13.15', '12.15']);
    expect(c.segments.map((s) => s.status)).toEqual(['derived', 'derived']);
    expect(c.notes).toEqual(['derived_rate']);
  });

  it('a consumer debtor pays no fixed compensation', () => {
    const c = computed({ ...invoice, debtor: 'consumer' });
    expect(c.fixedCompensation).toMatchObject({ amountMinor: 0, basis: 'none-consumer' });
    expect(c.notes).toEqual(['consumer_no_fixed_compensation', 'b2b_regime_consumer_debtor']);
  });
});

describe('fr-b2b contract rate against the floor of 3 × legal rate (OPEN QUESTION Q2: the floor applies)', () => {
  // 10,000.00 € from 2024-01-31 to 2024-03-31 (60 days). 2024 S1 floor: 3 × 5.07 = 15.21 % > 14.50 % default.
  //   at 15.21 % → 25,002.74 c → 250.03 €; at 12.00 % → 197.26 €; at 14.50 % → 238.36 €.
  const base: InterestInput = {
    regime: 'fr-b2b',
    principalMinor: 1_000_000,
    currency: 'EUR',
    from: '2024-01-31',
    to: '2024-03-31',
  };

  it('below the floor: the floor is applied, flagged, and both amounts given', () => {
    const c = computed({ ...base, contractRatePercent: '12' });
    expect(c.segments.map((s) => [s.days, s.ratePercent, s.basis, s.interestMinor])).toEqual([
      [60, '15.21', 'legal-floor', 25_003],
    ]);
    expect(c.contractRate).toEqual({
      ratePercent: '12.00',
      belowFloor: true,
      interestAtContractRateMinor: 19_726,
      interestAtStatutoryRateMinor: 23_836,
    });
    expect(c.notes).toContain('contract_rate_below_floor');
  });

  it('above the floor: the contract rate applies', () => {
    const c = computed({ ...base, contractRatePercent: '16.5' });
    expect(c.segments.map((s) => [s.ratePercent, s.basis])).toEqual([['16.50', 'contract']]);
    expect(c.contractRate?.belowFloor).toBe(false);
    expect(c.notes).not.toContain('contract_rate_below_floor');
  });

  it('judged semester by semester: 15 % is below the 2024 S1 floor (15.21) but not the S2 one (14.76)', () => {
    const c = computed({ ...base, to: '2024-08-31', contractRatePercent: '15.00' });
    expect(c.segments.map((s) => [s.ratePercent, s.basis])).toEqual([
      ['15.21', 'legal-floor'],
      ['15.00', 'contract'],
    ]);
    expect(c.contractRate?.belowFloor).toBe(true);
  });
});

describe('eu and uk', () => {
  it('eu: ECB + 8 per semester — 10,000 € over 1 Jul 2023: 91 d × 10.50 % + 62 d × 12.00 %, plus 40 €', () => {
    const c = computed({
      regime: 'eu',
      principalMinor: 1_000_000,
      currency: 'EUR',
      from: '2023-03-31',
      to: '2023-08-31',
    });
    expect(segmentsOf(c)).toEqual([
      [91, '10.50', 26_178],
      [62, '12.00', 20_384],
    ]);
    expect(c.segments.map((s) => s.basis)).toEqual(['ecb+8', 'ecb+8']);
    expect(c.fixedCompensation).toMatchObject({ amountMinor: 4000, basis: 'eu-compensation-40' });
  });

  it('uk: BoE reference of the half-year interest starts in + 8, not reset on 1 July; £70 for £5,000', () => {
    // Starts 16 Mar 2024 → reference 31 Dec 2023 (5.25) → 13.25 % for the whole 184 days: £333.97.
    const c = computed({
      regime: 'uk',
      principalMinor: 500_000,
      currency: 'GBP',
      from: '2024-03-15',
      to: '2024-09-15',
    });
    expect(segmentsOf(c)).toEqual([[184, '13.25', 33_397]]);
    expect(c.segments[0]?.basis).toBe('boe+8');
    expect(c.fixedCompensation).toMatchObject({
      amountMinor: 7000,
      currency: 'GBP',
      basis: 'uk-fixed-sum-70',
    });
  });

  it('uk: due on 31 Dec 2024, interest starts 1 Jan 2025 → H1 2025 reference 4.75, fixed through 2025', () => {
    const c = computed({
      regime: 'uk',
      principalMinor: 100_000,
      currency: 'GBP',
      from: '2024-12-31',
      to: '2025-12-31',
    });
    expect(segmentsOf(c)).toEqual([[365, '12.75', 12_750]]);
  });
});
