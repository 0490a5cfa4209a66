import { describe, expect, it } from 'vitest';
import type {
  ClaimFacts,
  Collectability,
  CollectabilityBlock,
  CollectabilityWarning,
  ContactFacts,
} from './collectability.ts';
import {
  assessCase,
  assessClaim,
  claimCaseVerdict,
  deriveClaimStatus,
  disputedPart,
  undisputedPart,
} from './collectability.ts';

const today = '2025-03-01';
const claim = (extra: Partial<ClaimFacts> = {}): ClaimFacts => ({
  status: 'open',
  dueDate: '2025-01-31',
  outstandingMinor: 12_000,
  currency: 'EUR',
  prescriptionEnd: '2027-01-31',
  ...extra,
});
const contacts = (extra: Partial<ContactFacts> = {}): ContactFacts => ({
  validEmails: 1,
  invalidEmails: 0,
  validPhones: 1,
  invalidPhones: 0,
  postalAddresses: 1,
  ...extra,
});

describe('assessClaim blocks', () => {
  const cases: {
    name: string;
    claim: ClaimFacts;
    verdict: Collectability['verdict'];
    blocks: CollectabilityBlock[];
  }[] = [
    { name: 'open, due, in time', claim: claim(), verdict: 'collectable', blocks: [] },
    {
      name: 'paid',
      claim: claim({ status: 'paid', outstandingMinor: 0 }),
      verdict: 'blocked',
      blocks: [{ code: 'paid' }, { code: 'non_positive_balance', outstandingMinor: 0, currency: 'EUR' }],
    },
    {
      name: 'cancelled',
      claim: claim({ status: 'cancelled' }),
      verdict: 'blocked',
      blocks: [{ code: 'cancelled' }],
    },
    {
      name: 'credit balance',
      claim: claim({ outstandingMinor: -500 }),
      verdict: 'blocked',
      blocks: [{ code: 'non_positive_balance', outstandingMinor: -500, currency: 'EUR' }],
    },
    {
      name: 'disputed',
      claim: claim({ status: 'disputed' }),
      verdict: 'blocked',
      blocks: [{ code: 'disputed' }],
    },
    {
      name: 'partly disputed: the rest is still collectable',
      claim: claim({ disputedMinor: 4_000 }),
      verdict: 'collectable',
      blocks: [],
    },
    {
      name: 'open, but its disputes cover all that is left (a payment brought it under them)',
      claim: claim({ outstandingMinor: 3_000, disputedMinor: 4_000 }),
      verdict: 'blocked',
      blocks: [{ code: 'disputed' }],
    },
    {
      name: 'not yet due: courtesy reminders only',
      claim: claim({ dueDate: '2025-03-09' }),
      verdict: 'pre_due',
      blocks: [{ code: 'not_yet_due', dueDate: '2025-03-09', daysToDue: 8 }],
    },
    {
      name: 'due today is not late yet',
      claim: claim({ dueDate: today }),
      verdict: 'pre_due',
      blocks: [{ code: 'not_yet_due', dueDate: today, daysToDue: 0 }],
    },
    {
      name: 'due yesterday is collectable',
      claim: claim({ dueDate: '2025-02-28' }),
      verdict: 'collectable',
      blocks: [],
    },
    {
      name: 'time-barred the day after the end',
      claim: claim({ dueDate: '2023-02-27', prescriptionEnd: '2025-02-28' }),
      verdict: 'blocked',
      blocks: [{ code: 'time_barred', prescriptionEnd: '2025-02-28' }],
    },
    {
      name: 'time-barred, with its legal basis',
      claim: claim({ prescriptionEnd: '2025-02-28', prescriptionBasis: 'consumer_2y' }),
      verdict: 'blocked',
      blocks: [{ code: 'time_barred', prescriptionEnd: '2025-02-28', basis: 'consumer_2y' }],
    },
    {
      name: 'every block, in order',
      claim: claim({
        status: 'disputed',
        outstandingMinor: 0,
        dueDate: '2025-03-02',
        prescriptionEnd: '2025-02-01',
      }),
      verdict: 'blocked',
      blocks: [
        { code: 'non_positive_balance', outstandingMinor: 0, currency: 'EUR' },
        { code: 'disputed' },
        { code: 'time_barred', prescriptionEnd: '2025-02-01' },
        { code: 'not_yet_due', dueDate: '2025-03-02', daysToDue: 1 },
      ],
    },
    {
      name: 'disputed and not yet due is blocked, not pre_due',
      claim: claim({ status: 'disputed', dueDate: '2025-04-01' }),
      verdict: 'blocked',
      blocks: [{ code: 'disputed' }, { code: 'not_yet_due', dueDate: '2025-04-01', daysToDue: 31 }],
    },
  ];
  it.each(cases)('$name → $verdict', ({ claim: facts, verdict, blocks }) => {
    const result = assessClaim(facts, contacts(), today);
    expect(result.verdict).toBe(verdict);
    expect(result.blocks).toEqual(blocks);
  });
});

describe('assessClaim warnings', () => {
  const cases: {
    name: string;
    claim?: ClaimFacts;
    contacts: ContactFacts;
    warnings: CollectabilityWarning[];
  }[] = [
    { name: 'all contacts valid', contacts: contacts(), warnings: [] },
    {
      name: 'nothing valid at all',
      contacts: contacts({ validEmails: 0, validPhones: 0, postalAddresses: 0 }),
      warnings: [{ code: 'no_contact' }],
    },
    {
      name: 'nothing valid, some invalid',
      contacts: { validEmails: 0, invalidEmails: 2, validPhones: 0, invalidPhones: 1, postalAddresses: 0 },
      warnings: [{ code: 'no_contact' }, { code: 'invalid_email' }, { code: 'invalid_phone' }],
    },
    { name: 'no e-mail', contacts: contacts({ validEmails: 0 }), warnings: [{ code: 'no_valid_email' }] },
    {
      name: 'only invalid e-mails',
      contacts: contacts({ validEmails: 0, invalidEmails: 1 }),
      warnings: [{ code: 'no_valid_email' }, { code: 'invalid_email' }],
    },
    {
      name: 'one bad e-mail among good',
      contacts: contacts({ invalidEmails: 1 }),
      warnings: [{ code: 'invalid_email' }],
    },
    {
      name: 'one bad phone',
      contacts: contacts({ invalidPhones: 1 }),
      warnings: [{ code: 'invalid_phone' }],
    },
    {
      name: 'no postal address',
      contacts: contacts({ postalAddresses: 0 }),
      warnings: [{ code: 'no_postal_address' }],
    },
    {
      name: 'prescription in 90 days',
      claim: claim({ prescriptionEnd: '2025-05-30' }),
      contacts: contacts(),
      warnings: [{ code: 'prescription_soon', prescriptionEnd: '2025-05-30', daysLeft: 90 }],
    },
    {
      name: 'prescription in 91 days',
      claim: claim({ prescriptionEnd: '2025-05-31' }),
      contacts: contacts(),
      warnings: [],
    },
    {
      name: 'prescription today',
      claim: claim({ prescriptionEnd: today }),
      contacts: contacts(),
      warnings: [{ code: 'prescription_soon', prescriptionEnd: today, daysLeft: 0 }],
    },
    {
      name: 'already time-barred: a block, not a warning',
      claim: claim({ prescriptionEnd: '2025-02-28' }),
      contacts: contacts(),
      warnings: [],
    },
    {
      name: 'a disputed claim keeps its warnings',
      claim: claim({ status: 'disputed', prescriptionEnd: '2025-03-31' }),
      contacts: contacts({ validEmails: 0 }),
      warnings: [
        { code: 'no_valid_email' },
        { code: 'prescription_soon', prescriptionEnd: '2025-03-31', daysLeft: 30 },
      ],
    },
    {
      name: 'partly disputed: what is disputed and what is still chased',
      claim: claim({ disputedMinor: 4_000 }),
      contacts: contacts(),
      warnings: [{ code: 'partly_disputed', disputedMinor: 4_000, undisputedMinor: 8_000, currency: 'EUR' }],
    },
    {
      name: 'a disputed part on a claim disputed whole is no warning (the block says it)',
      claim: claim({ status: 'disputed', disputedMinor: 4_000 }),
      contacts: contacts(),
      warnings: [],
    },
    {
      name: 'a paid claim has nothing to warn about',
      claim: claim({ status: 'paid', outstandingMinor: 0, prescriptionEnd: '2025-03-31' }),
      contacts: contacts({ validEmails: 0, validPhones: 0, postalAddresses: 0 }),
      warnings: [],
    },
  ];
  it.each(cases)('$name', ({ claim: facts = claim(), contacts: contactFacts, warnings }) => {
    const result = assessClaim(facts, contactFacts, today);
    expect(result.warnings).toEqual(warnings);
  });

  it('contact problems never block', () => {
    const result = assessClaim(
      claim(),
      contacts({ validEmails: 0, validPhones: 0, postalAddresses: 0 }),
      today,
    );
    expect(result.verdict).toBe('collectable');
  });
});

describe('assessCase', () => {
  const at = (facts: ClaimFacts): Collectability => assessClaim(facts, contacts(), today);
  const collectable = at(claim());
  const preDue = at(claim({ dueDate: '2025-04-01' }));
  const disputed = at(claim({ status: 'disputed' }));
  const paid = at(claim({ status: 'paid', outstandingMinor: 0 }));
  const cancelled = at(claim({ status: 'cancelled' }));
  const credit = at(claim({ outstandingMinor: -100 }));

  it.each([
    { name: 'empty case', claims: [], verdict: 'settled', counts: [0, 0, 0, 0] },
    { name: 'all settled', claims: [paid, cancelled, credit], verdict: 'settled', counts: [0, 0, 0, 3] },
    {
      name: 'one collectable wins',
      claims: [paid, disputed, preDue, collectable],
      verdict: 'collectable',
      counts: [1, 1, 1, 1],
    },
    {
      name: 'pre_due before blocked',
      claims: [disputed, preDue, paid],
      verdict: 'pre_due',
      counts: [0, 1, 1, 1],
    },
    { name: 'only blocked', claims: [disputed, paid], verdict: 'blocked', counts: [0, 0, 1, 1] },
  ] as const)('$name → $verdict', ({ claims, verdict, counts }) => {
    const [c, p, b, s] = counts;
    expect(assessCase(claims)).toEqual({
      verdict,
      counts: { collectable: c, pre_due: p, blocked: b, settled: s },
    });
  });

  it.each([
    [collectable, 'collectable'],
    [preDue, 'pre_due'],
    [disputed, 'blocked'],
    [paid, 'settled'],
    [cancelled, 'settled'],
    [credit, 'settled'],
  ] as const)('claimCaseVerdict %# → %s', (claimResult, verdict) => {
    expect(claimCaseVerdict(claimResult)).toBe(verdict);
  });
});

describe('deriveClaimStatus', () => {
  it.each([
    [{ outstandingMinor: 100, disputed: false }, 'open'],
    [{ outstandingMinor: 100, disputed: true }, 'disputed'],
    [{ outstandingMinor: 0, disputed: false }, 'paid'],
    [{ outstandingMinor: -5, disputed: true }, 'paid'],
    [{ outstandingMinor: 100, disputed: true, cancelled: true }, 'cancelled'],
    [{ outstandingMinor: 0, disputed: false, cancelled: true }, 'cancelled'],
    [{ outstandingMinor: 100, disputed: false, cancelled: false }, 'open'],
  ] as const)('%j → %s', (input, status) => {
    expect(deriveClaimStatus(input)).toBe(status);
  });
});

describe('disputed and undisputed parts', () => {
  it.each([
    [claim(), 0, 12_000],
    [claim({ disputedMinor: 4_000 }), 4_000, 8_000],
    [claim({ disputedMinor: 20_000 }), 12_000, 0],
    [claim({ status: 'disputed' }), 12_000, 0],
    [claim({ status: 'disputed', disputedMinor: 4_000 }), 12_000, 0],
    [claim({ status: 'paid', outstandingMinor: 0, disputedMinor: 4_000 }), 0, 0],
    [claim({ status: 'cancelled', disputedMinor: 4_000 }), 0, 0],
    [claim({ outstandingMinor: -500 }), 0, 0],
  ] as const)('%# → disputed %i, chased %i', (facts, disputed, undisputed) => {
    expect(disputedPart(facts)).toBe(disputed);
    expect(undisputedPart(facts)).toBe(undisputed);
  });
});
