import { describe, expect, it } from 'vitest';
import { allocate, claim, RECEIVED_ON } from './allocation-fixtures.ts';
import type { Allocation, AllocationClaim, AllocationOrder } from './allocation-types.ts';

type Case = {
  readonly name: string;
  readonly amountMinor: number;
  readonly claims: readonly AllocationClaim[];
  readonly designated?: readonly string[];
  readonly order?: AllocationOrder;
  /** Expected lines as 'claimId:part:amount', in the order they are made. */
  readonly lines: readonly string[];
  readonly creditMinor?: number;
  readonly settled?: readonly string[];
};

function run(c: Case): Allocation {
  return allocate({
    payment: {
      amountMinor: c.amountMinor,
      currency: 'EUR',
      receivedOn: RECEIVED_ON,
      designatedClaimIds: c.designated,
    },
    claims: c.claims,
    order: c.order,
  });
}

const cases: readonly Case[] = [
  {
    name: 'full payment of one claim: interest, fees, principal, settled',
    amountMinor: 105_200,
    claims: [claim('a', { principalMinor: 100_000, interestMinor: 1_200, feesMinor: 4_000 })],
    lines: ['a:interest:1200', 'a:fees:4000', 'a:principal:100000'],
    settled: ['a'],
  },
  {
    name: 'partial payment: interest first, then fees, nothing on principal (1343-1)',
    amountMinor: 3_000,
    claims: [claim('a', { principalMinor: 100_000, interestMinor: 1_200, feesMinor: 4_000 })],
    lines: ['a:interest:1200', 'a:fees:1800'],
  },
  {
    name: 'consumer claim with no fees: interest then principal, no fee line',
    amountMinor: 5_000,
    claims: [claim('a', { principalMinor: 80_000, interestMinor: 700 })],
    lines: ['a:interest:700', 'a:principal:4300'],
  },
  {
    name: 'legal order: a claim already due before one not yet due, whatever the ids',
    amountMinor: 600,
    claims: [
      claim('a', { dueDate: '2026-04-01', issueDate: '2025-11-01', principalMinor: 500 }),
      claim('b', { dueDate: '2026-02-01', principalMinor: 500 }),
    ],
    lines: ['b:principal:500', 'a:principal:100'],
    settled: ['b'],
  },
  {
    name: 'legal order: a claim due on the day of receipt counts as due',
    amountMinor: 500,
    claims: [
      claim('a', { dueDate: '2026-03-02', principalMinor: 500 }),
      claim('b', { dueDate: RECEIVED_ON, principalMinor: 500 }),
    ],
    lines: ['b:principal:500'],
    settled: ['b'],
  },
  {
    name: 'legal order: the claim bearing interest before an older one that bears none',
    amountMinor: 300,
    claims: [
      claim('a', { dueDate: '2025-10-01', principalMinor: 1_000 }),
      claim('b', { dueDate: '2026-01-01', principalMinor: 1_000, interestMinor: 100 }),
    ],
    lines: ['b:interest:100', 'b:principal:200'],
  },
  {
    name: 'legal order: the oldest due date, then the oldest issue date (an unknown one last)',
    amountMinor: 1_500,
    claims: [
      claim('a', { dueDate: '2026-01-10', issueDate: null, principalMinor: 500 }),
      claim('b', { dueDate: '2026-01-10', issueDate: '2025-12-20', principalMinor: 500 }),
      claim('c', { dueDate: '2026-01-05', issueDate: '2025-12-30', principalMinor: 500 }),
    ],
    lines: ['c:principal:500', 'b:principal:500', 'a:principal:500'],
    settled: ['c', 'b', 'a'],
  },
  {
    name: 'interest and fees across all the claims first, then principal in the same order',
    amountMinor: 500,
    claims: [
      claim('a', { dueDate: '2025-11-01', principalMinor: 1_000, interestMinor: 100 }),
      claim('b', { dueDate: '2025-12-01', principalMinor: 1_000, interestMinor: 150, feesMinor: 50 }),
    ],
    lines: ['a:interest:100', 'b:interest:150', 'b:fees:50', 'a:principal:200'],
  },
  {
    name: 'equal claims: pro rata in exact cents, the odd cent to the smallest id',
    amountMinor: 10_000,
    claims: [
      claim('c3', { principalMinor: 50_000 }),
      claim('c1', { principalMinor: 50_000 }),
      claim('c2', { principalMinor: 50_000 }),
    ],
    lines: ['c1:principal:3334', 'c2:principal:3333', 'c3:principal:3333'],
  },
  {
    name: 'equal claims owing different amounts: pro rata to what is owed',
    amountMinor: 1_000,
    claims: [claim('a', { principalMinor: 3_000 }), claim('b', { principalMinor: 1_000 })],
    lines: ['a:principal:750', 'b:principal:250'],
  },
  {
    name: 'the designation overrides the legal order, and the rest follows the legal order',
    amountMinor: 1_300,
    designated: ['b'],
    claims: [
      claim('a', { dueDate: '2025-10-01', principalMinor: 1_000, interestMinor: 100 }),
      claim('b', { dueDate: '2026-02-01', principalMinor: 1_000, feesMinor: 40 }),
    ],
    lines: ['b:fees:40', 'b:principal:1000', 'a:interest:100', 'a:principal:160'],
    settled: ['b'],
  },
  {
    name: 'several designated claims are paid in the debtor’s order',
    amountMinor: 700,
    designated: ['b', 'a'],
    claims: [claim('a', { principalMinor: 500 }), claim('b', { principalMinor: 500 })],
    lines: ['b:principal:500', 'a:principal:200'],
    settled: ['b'],
  },
  {
    name: 'a disputed claim gets nothing unless designated',
    amountMinor: 800,
    claims: [
      claim('a', { dueDate: '2025-06-01', principalMinor: 1_000, interestMinor: 200, disputed: true }),
      claim('b', { principalMinor: 500 }),
    ],
    lines: ['b:principal:500'],
    creditMinor: 300,
    settled: ['b'],
  },
  {
    name: 'a debtor may pay a disputed claim by designating it',
    amountMinor: 800,
    designated: ['a'],
    claims: [
      claim('a', { dueDate: '2025-06-01', principalMinor: 1_000, interestMinor: 200, disputed: true }),
      claim('b', { principalMinor: 500 }),
    ],
    lines: ['a:interest:200', 'a:principal:600'],
  },
  {
    name: 'an overpayment is kept as a credit',
    amountMinor: 11_500,
    claims: [claim('a', { principalMinor: 10_000 })],
    lines: ['a:principal:10000'],
    creditMinor: 1_500,
    settled: ['a'],
  },
  {
    name: 'the creditor’s oldest due first ignores interest, ties broken by issue date then id',
    amountMinor: 900,
    order: 'oldest_due_first',
    claims: [
      claim('a', { dueDate: '2026-01-01', principalMinor: 500, interestMinor: 100 }),
      claim('b', { dueDate: '2025-12-01', principalMinor: 500 }),
      claim('c', { dueDate: '2025-12-01', principalMinor: 500 }),
    ],
    lines: ['a:interest:100', 'b:principal:500', 'c:principal:300'],
    settled: ['b'],
  },
  {
    name: 'the creditor’s proportional split: accessories pro rata, then principal pro rata',
    amountMinor: 2_000,
    order: 'proportional',
    claims: [
      claim('a', { dueDate: '2026-05-01', principalMinor: 3_000, interestMinor: 300 }),
      claim('b', { principalMinor: 1_000, interestMinor: 100, feesMinor: 100 }),
    ],
    lines: ['a:interest:300', 'b:interest:100', 'b:fees:100', 'a:principal:1125', 'b:principal:375'],
  },
];

describe('allocatePayment', () => {
  it.each(cases)('$name', (c) => {
    const allocation = run(c);
    const lines = allocation.lines.map((line) => `${line.claimId}:${line.part}:${line.amountMinor}`);
    expect(lines).toEqual(c.lines);
    expect(allocation.creditMinor).toBe(c.creditMinor ?? 0);
    expect(allocation.settledClaimIds).toEqual(c.settled ?? []);
  });

  it('gives every line the rule that chose its claim', () => {
    const rules = (c: Case) => run(c).lines.map((line) => `${line.claimId}:${line.rule}`);
    const byName = (name: string) => cases.find((c) => c.name.startsWith(name))!;
    expect(rules(byName('the designation overrides'))).toEqual([
      'b:debtor_designation',
      'b:debtor_designation',
      'a:legal_order',
      'a:legal_order',
    ]);
    expect(rules(byName('equal claims: pro rata'))).toEqual([
      'c1:legal_pro_rata',
      'c2:legal_pro_rata',
      'c3:legal_pro_rata',
    ]);
    expect(new Set(rules(byName('the creditor’s oldest')).map((r) => r.split(':')[1]))).toEqual(
      new Set(['creditor_oldest_due']),
    );
    expect(new Set(rules(byName('the creditor’s proportional')).map((r) => r.split(':')[1]))).toEqual(
      new Set(['creditor_pro_rata']),
    );
  });

  it('notes an unknown, a settled and a repeated designation, and pays the rest by the legal order', () => {
    const allocation = allocate({
      payment: {
        amountMinor: 500,
        currency: 'EUR',
        receivedOn: RECEIVED_ON,
        designatedClaimIds: ['nope', 'paid', 'b', 'b'],
      },
      claims: [
        claim('paid'),
        claim('a', { dueDate: '2025-01-01', principalMinor: 1_000 }),
        claim('b', { principalMinor: 200 }),
      ],
    });
    expect(allocation.explanation.slice(0, 4)).toEqual([
      { kind: 'designation_ignored', claimId: 'nope', invoiceNumber: null, reason: 'unknown' },
      { kind: 'designation_ignored', claimId: 'paid', invoiceNumber: 'F-paid', reason: 'settled' },
      { kind: 'designated', claimId: 'b', invoiceNumber: 'F-b' },
      {
        kind: 'allocated',
        claimId: 'b',
        invoiceNumber: 'F-b',
        part: 'principal',
        amountMinor: 200,
        rule: 'debtor_designation',
      },
    ]);
    expect(allocation.explanation[4]).toEqual({
      kind: 'designation_ignored',
      claimId: 'b',
      invoiceNumber: 'F-b',
      reason: 'repeated',
    });
    expect(allocation.lines.map((line) => `${line.claimId}:${line.amountMinor}`)).toEqual(['b:200', 'a:300']);
  });

  it('explains the claim order, the pro-rata split, the disputed claim and the credit', () => {
    const allocation = allocate({
      payment: { amountMinor: 2_150, currency: 'EUR', receivedOn: RECEIVED_ON },
      claims: [
        claim('x', { principalMinor: 500, disputed: true }),
        claim('n', { dueDate: '2026-06-01', principalMinor: 100 }),
        claim('b', { principalMinor: 1_000 }),
        claim('a', { principalMinor: 1_000 }),
      ],
    });
    const kinds = allocation.explanation.map((step) => step.kind);
    expect(kinds).toEqual([
      'disputed_skipped',
      'claim_order',
      'pro_rata',
      'allocated',
      'allocated',
      'allocated',
      'settled',
      'settled',
      'settled',
      'credit',
    ]);
    const order = allocation.explanation[1];
    expect(
      order?.kind === 'claim_order' && order.claims.map((c) => `${c.rank}:${c.claimId}:${c.due}`),
    ).toEqual(['1:a:true', '1:b:true', '2:n:false']);
    expect(allocation.explanation[2]).toEqual({
      kind: 'pro_rata',
      phase: 'principal',
      rule: 'legal_pro_rata',
      amountMinor: 2_000,
      invoiceNumbers: ['F-a', 'F-b'],
    });
    expect(allocation.creditMinor).toBe(50);
    expect(allocation.explanation.at(-1)).toEqual({ kind: 'credit', amountMinor: 50 });
  });
});
