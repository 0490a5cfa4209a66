import { describe, expect, it } from 'vitest';
import { type CaseInterestInput, caseInterest } from './case-interest.ts';
import { computeInterest } from './compute-interest.ts';

const base: CaseInterestInput = {
  claims: [
    { invoiceNumber: 'F-1', dueDate: '2024-05-15', outstandingMinor: 1_000_000, currency: 'EUR' },
    { invoiceNumber: 'F-2', dueDate: '2024-06-30', outstandingMinor: 50_000, currency: 'EUR' },
    { invoiceNumber: 'F-3', dueDate: '2024-07-01', outstandingMinor: 0, currency: 'EUR' },
  ],
  creditorCountry: 'FR',
  creditorProfessional: true,
  debtorKind: 'business',
  interest: 'charge',
  fees: 'charge',
  contractRatePercent: null,
  formalNoticeOn: null,
  asOf: '2024-09-30',
};

describe('caseInterest', () => {
  it('adds B2B interest claim by claim from each due date, and 40 € per late invoice still owed', () => {
    const result = caseInterest(base);
    const one = computeInterest({
      regime: 'fr-b2b',
      principalMinor: 1_000_000,
      currency: 'EUR',
      from: '2024-05-15',
      to: '2024-09-30',
    });
    const two = computeInterest({
      regime: 'fr-b2b',
      principalMinor: 50_000,
      currency: 'EUR',
      from: '2024-06-30',
      to: '2024-09-30',
    });
    if (!one.ok || !two.ok) throw new Error('rates');
    expect(result).toMatchObject({
      regime: 'fr-b2b',
      feesMinor: 8_000,
      claimedFeesMinor: 8_000,
      missing: null,
    });
    expect(result.interestMinor).toBe(one.value.interestMinor + two.value.interestMinor);
    expect(result.claims.map((c) => [c.invoiceNumber, c.days])).toEqual([
      ['F-1', 138],
      ['F-2', 92],
    ]);
  });

  it('keeps the amounts but claims nothing when the creditor waives them, or keeps them as a lever', () => {
    expect(caseInterest({ ...base, interest: 'waive', fees: 'lever' })).toMatchObject({
      claimedInterestMinor: 0,
      claimedFeesMinor: 0,
      feesMinor: 8_000,
    });
  });

  it('charges a consumer nothing before a formal notice, then the legal rate, and never a collection fee', () => {
    const consumer = { ...base, debtorKind: 'consumer' as const };
    expect(caseInterest(consumer)).toMatchObject({
      regime: null,
      reason: 'no_formal_notice_yet',
      interestMinor: 0,
    });
    const noticed = caseInterest({ ...consumer, formalNoticeOn: '2024-07-15' });
    expect(noticed).toMatchObject({ regime: 'fr-legal', feesMinor: 0, claimedFeesMinor: 0 });
    expect(noticed.interestMinor).toBeGreaterThan(0);
  });

  it('reports a missing rate instead of counting it as zero', () => {
    const result = caseInterest({ ...base, asOf: '2026-11-23' });
    expect(result.missing).toMatchObject({ kind: 'missing_rate', period: '2026-S2' });
    expect(result.claimedInterestMinor).toBe(0);
  });
});
