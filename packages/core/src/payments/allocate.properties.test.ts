import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocation-fixtures.ts';
import type { Allocation, AllocationClaim, AllocationInput, AllocationPart } from './allocation-types.ts';
import { ALLOCATION_ORDERS } from './allocation-types.ts';
import { splitProRata } from './pro-rata.ts';

// Few dates, so that ties (and the pro-rata split) happen often.
const DATES = ['2025-11-30', '2026-01-15', '2026-03-01', '2026-04-30'];
const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

const amount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 200_000 }),
  fc.integer({ min: 0, max: 2 ** 40 }),
);

const claimsArb = fc
  .uniqueArray(fc.constantFrom(...IDS), { minLength: 0, maxLength: IDS.length })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((claimId) =>
        fc.record({
          claimId: fc.constant(claimId),
          invoiceNumber: fc.constant(`F-${claimId}`),
          dueDate: fc.constantFrom(...DATES),
          issueDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
          principalMinor: amount,
          interestMinor: fc.oneof(fc.constant(0), amount),
          feesMinor: fc.oneof(fc.constant(0), fc.constant(4_000), amount),
          disputed: fc.boolean(),
          currency: fc.constant('EUR'),
        }),
      ),
    ),
  );

const inputArb: fc.Arbitrary<AllocationInput> = fc.record({
  payment: fc.record({
    amountMinor: fc.oneof(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 2 ** 42 })),
    currency: fc.constant('EUR'),
    receivedOn: fc.constantFrom(...DATES),
    designatedClaimIds: fc.option(fc.array(fc.constantFrom(...IDS, 'unknown'), { maxLength: 4 }), {
      nil: undefined,
    }),
  }),
  claims: claimsArb,
  order: fc.option(fc.constantFrom(...ALLOCATION_ORDERS), { nil: undefined }),
  instalments: fc.option(
    fc.uniqueArray(
      fc.record({
        seq: fc.integer({ min: 0, max: 12 }),
        dueOn: fc.constantFrom(...DATES),
        amountMinor: fc.integer({ min: 0, max: 100_000 }),
        paidMinor: fc.integer({ min: 0, max: 100_000 }),
      }),
      { selector: (instalment) => instalment.seq, maxLength: 6 },
    ),
    { nil: undefined },
  ),
});

function paidOn(allocation: Allocation, claimId: string, part: AllocationPart): number {
  return allocation.lines
    .filter((line) => line.claimId === claimId && line.part === part)
    .reduce((sum, line) => sum + line.amountMinor, 0);
}

function leftOn(allocation: Allocation, claim: AllocationClaim, parts: readonly AllocationPart[]): number {
  const owed = { interest: claim.interestMinor, fees: claim.feesMinor, principal: claim.principalMinor };
  return parts.reduce((sum, part) => sum + owed[part] - paidOn(allocation, claim.claimId, part), 0);
}

const RUNS = { numRuns: 400 };

describe('allocatePayment, for any payment over any claims', () => {
  it('puts every cent in exactly one line or in the credit, no line negative or above what was owed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const allocation = allocate(input);
        const total = allocation.lines.reduce((sum, line) => sum + line.amountMinor, 0);
        expect(total + allocation.creditMinor).toBe(input.payment.amountMinor);
        expect(allocation.creditMinor).toBeGreaterThanOrEqual(0);
        for (const line of allocation.lines) expect(line.amountMinor).toBeGreaterThan(0);
        for (const claim of input.claims) {
          expect(leftOn(allocation, claim, ['interest'])).toBeGreaterThanOrEqual(0);
          expect(leftOn(allocation, claim, ['fees'])).toBeGreaterThanOrEqual(0);
          expect(leftOn(allocation, claim, ['principal'])).toBeGreaterThanOrEqual(0);
        }
        const keys = allocation.lines.map((line) => `${line.claimId}:${line.part}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      RUNS,
    );
  });

  it('keeps a credit only when every claim it may pay is paid, and pays no undesignated disputed claim', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const allocation = allocate(input);
        const designated = new Set(input.payment.designatedClaimIds ?? []);
        for (const claim of input.claims) {
          const payable = designated.has(claim.claimId) || !claim.disputed;
          if (!payable) expect(allocation.lines.some((line) => line.claimId === claim.claimId)).toBe(false);
          if (payable && allocation.creditMinor > 0) {
            expect(leftOn(allocation, claim, ['interest', 'fees', 'principal'])).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('pays principal only once interest and fees are paid: on the claim, and across the undesignated claims', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const allocation = allocate(input);
        const designated = new Set(input.payment.designatedClaimIds ?? []);
        const others = input.claims.filter((claim) => !designated.has(claim.claimId) && !claim.disputed);
        for (const claim of input.claims) {
          if (paidOn(allocation, claim.claimId, 'principal') === 0) continue;
          expect(leftOn(allocation, claim, ['interest', 'fees'])).toBe(0);
          if (!designated.has(claim.claimId)) {
            for (const other of others) expect(leftOn(allocation, other, ['interest', 'fees'])).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and does not depend on the order the claims are given in', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, stream) => {
        const keys = input.claims.map(() => stream.next().value as number);
        const shuffled = input.claims
          .map((claim, index) => ({ claim, key: keys[index] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.claim);
        expect(allocate(input)).toEqual(allocate(input));
        expect(allocate({ ...input, claims: shuffled })).toEqual(allocate(input));
      }),
      RUNS,
    );
  });

  it('covers instalments with at most the amount put on claims, none beyond what it still owes', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const allocation = allocate(input);
        const covered = allocation.instalments.reduce((sum, instalment) => sum + instalment.amountMinor, 0);
        expect(covered).toBeLessThanOrEqual(input.payment.amountMinor - allocation.creditMinor);
        const owedTotal = (input.instalments ?? []).reduce(
          (sum, i) => sum + Math.max(0, i.amountMinor - i.paidMinor),
          0,
        );
        expect(covered).toBe(Math.min(owedTotal, input.payment.amountMinor - allocation.creditMinor));
        for (const coverage of allocation.instalments) {
          const instalment = (input.instalments ?? []).find((i) => i.seq === coverage.seq);
          const due = (instalment?.amountMinor ?? 0) - (instalment?.paidMinor ?? 0);
          expect(coverage.amountMinor).toBeGreaterThan(0);
          expect(coverage.amountMinor + coverage.leftMinor).toBe(due);
          expect(coverage.settles).toBe(coverage.leftMinor === 0);
        }
      }),
      RUNS,
    );
  });
});

describe('splitProRata', () => {
  it('sums to the amount, each part within one unit of its exact share and never above its weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          const amountMinor = Math.floor(total * fraction);
          const parts = splitProRata(
            amountMinor,
            weights.map((weightMinor, index) => ({ key: String(index).padStart(2, '0'), weightMinor })),
          );
          expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total === 0 ? 0 : amountMinor);
          parts.forEach((part, index) => {
            const weight = weights[index] ?? 0;
            expect(part).toBeLessThanOrEqual(weight);
            const exact = (BigInt(amountMinor) * BigInt(weight)) / BigInt(Math.max(total, 1));
            expect(BigInt(part) - exact >= 0n && BigInt(part) - exact <= 1n).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('gives the odd cents to the smallest keys at equal remainders: 100.00 over three → 33.34, 33.33, 33.33', () => {
    const shares = ['c', 'a', 'b'].map((key) => ({ key, weightMinor: 500 }));
    expect(splitProRata(10_000, shares)).toEqual([3_333, 3_334, 3_333]);
    expect(splitProRata(10_001, shares)).toEqual([3_333, 3_334, 3_334]);
  });
});
