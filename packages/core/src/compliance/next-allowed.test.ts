import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateContact, nextAllowedInstant } from './gate.ts';
import { COMPLIANCE_POLICIES } from './policies.ts';
import { PROFILE_WINDOWS } from './profiles.ts';
import type { CompliancePolicy, ContactHistory, ContactRequest, DebtorProfile } from './types.ts';

const FR = COMPLIANCE_POLICIES['fr-default'];
const US = COMPLIANCE_POLICIES['us-reg-f'];
const NONE: ContactHistory = { attempts: [], lastConversationAt: null };

function request(over: Partial<ContactRequest> = {}): ContactRequest {
  return {
    channel: 'call',
    purpose: 'reminder',
    at: '2026-11-23T08:00:00Z', // Monday 09:00 in Paris
    debtorKind: 'consumer',
    timeZones: ['Europe/Paris'],
    startedBy: 'engine',
    contact: { consent: 'granted', validity: 'valid', optedOut: false },
    case: { ceaseContact: false, timeBarred: false, debtId: 'D-1' },
    ...over,
  };
}

type Case = {
  readonly name: string;
  readonly policy?: CompliancePolicy;
  readonly request: Partial<ContactRequest>;
  readonly history?: ContactHistory;
  readonly profile?: DebtorProfile;
  readonly horizonDays?: number;
  readonly expected: string | null;
};

describe('nextAllowedInstant with a debtor profile', () => {
  const cases: Case[] = [
    {
      name: 'active, Mon 09:00 Paris → 12:00 the same day',
      request: {},
      profile: 'active',
      expected: '2026-11-23T11:00:00Z',
    },
    {
      name: 'active, Mon 14:30 → 18:00',
      request: { at: '2026-11-23T13:30:00Z' },
      profile: 'active',
      expected: '2026-11-23T17:00:00Z',
    },
    {
      name: 'active, Mon 12:30 → now',
      request: { at: '2026-11-23T11:30:00Z' },
      profile: 'active',
      expected: '2026-11-23T11:30:00Z',
    },
    {
      name: 'active, Mon 20:15 → Tue 12:00',
      request: { at: '2026-11-23T19:15:00Z' },
      profile: 'active',
      expected: '2026-11-24T11:00:00Z',
    },
    {
      name: 'active call, Fri 20:30 → Mon 12:00 (no call on Saturday)',
      request: { at: '2026-11-27T19:30:00Z' },
      profile: 'active',
      expected: '2026-11-30T11:00:00Z',
    },
    {
      name: 'active SMS, Fri 20:30 → Sat 09:00',
      request: { channel: 'sms', at: '2026-11-27T19:30:00Z' },
      profile: 'active',
      expected: '2026-11-28T08:00:00Z',
    },
    {
      name: 'active, Whit Monday → Tue 12:00',
      request: { at: '2026-05-25T06:00:00Z' },
      profile: 'active',
      expected: '2026-05-26T10:00:00Z',
    },
    {
      name: 'active, Wed before Ascension, 20:00 → Fri 12:00',
      request: { at: '2026-05-13T18:00:00Z' },
      profile: 'active',
      expected: '2026-05-15T10:00:00Z',
    },
    {
      name: 'active, across Easter weekend → Tue 7 Apr 12:00',
      request: { at: '2026-04-03T19:00:00Z' },
      profile: 'active',
      expected: '2026-04-07T10:00:00Z',
    },
    {
      name: 'active, Fri 27 Mar 20:30 CET → Mon 30 Mar 12:00 CEST',
      request: { at: '2026-03-27T19:30:00Z' },
      profile: 'active',
      expected: '2026-03-30T10:00:00Z',
    },
    {
      name: 'active, Fri 23 Oct 20:30 CEST → Mon 26 Oct 12:00 CET',
      request: { at: '2026-10-23T18:30:00Z' },
      profile: 'active',
      expected: '2026-10-26T11:00:00Z',
    },
    {
      name: 'senior, Mon 09:00 → 10:00 (the policy opens later)',
      request: {},
      profile: 'senior',
      expected: '2026-11-23T09:00:00Z',
    },
    {
      name: 'senior, Mon 12:00 → 14:00',
      request: { at: '2026-11-23T11:00:00Z' },
      profile: 'senior',
      expected: '2026-11-23T13:00:00Z',
    },
    {
      name: 'senior, Mon 17:30 → Tue 10:00',
      request: { at: '2026-11-23T16:30:00Z' },
      profile: 'senior',
      expected: '2026-11-24T09:00:00Z',
    },
    {
      name: 'standard, Mon 09:00 → 10:00',
      request: {},
      profile: 'standard',
      expected: '2026-11-23T09:00:00Z',
    },
    {
      name: 'senior e-mail, Sun 03:00 → Mon 09:30',
      request: { channel: 'email', at: '2026-11-29T02:00:00Z' },
      profile: 'senior',
      expected: '2026-11-30T08:30:00Z',
    },
    {
      name: 'senior e-mail, no zone → the sender’s',
      request: { channel: 'email', timeZones: [], at: '2026-11-29T02:00:00Z' },
      profile: 'senior',
      expected: '2026-11-30T08:30:00Z',
    },
    {
      name: 'business office hours ∩ active → Mon 12:00',
      request: { debtorKind: 'business' },
      profile: 'active',
      expected: '2026-11-23T11:00:00Z',
    },
    {
      name: 'US active, Eastern + Pacific, Mon 08:00 ET → 12:00 ET',
      policy: US,
      request: { at: '2026-04-06T12:00:00Z', timeZones: ['America/New_York', 'America/Los_Angeles'] },
      profile: 'active',
      expected: '2026-04-06T16:00:00Z',
    },
    {
      name: 'US active e-mail, Sat 13:00 ET → Mon 12:00 ET',
      policy: US,
      request: { channel: 'email', at: '2026-04-04T17:00:00Z', timeZones: ['America/New_York'] },
      profile: 'active',
      expected: '2026-04-06T16:00:00Z',
    },
    {
      name: 'a cap lifted next Monday, active → Mon 12:00',
      request: { at: '2026-11-26T08:00:00Z' },
      history: {
        lastConversationAt: null,
        attempts: [
          { channel: 'call', at: '2026-11-23T09:00:00Z' },
          { channel: 'sms', at: '2026-11-24T09:00:00Z' },
          { channel: 'ivr_call', at: '2026-11-25T09:00:00Z' },
        ],
      },
      profile: 'active',
      expected: '2026-11-30T11:00:00Z',
    },
  ];
  it.each(cases)(
    '$name',
    ({ policy = FR, request: over, history = NONE, profile, horizonDays, expected }) => {
      const options = {
        ...(profile ? { preferred: PROFILE_WINDOWS[profile] } : {}),
        ...(horizonDays ? { horizonDays } : {}),
      };
      expect(nextAllowedInstant(policy, request(over), history, options)).toBe(expected);
    },
  );
});

describe('nextAllowedInstant without a profile, and its limits', () => {
  const talkedUs: ContactHistory = { attempts: [], lastConversationAt: '2026-08-13T19:00:00Z' };
  const cases: Case[] = [
    { name: 'allowed now → now', request: { at: '2026-11-23T09:15:00Z' }, expected: '2026-11-23T09:15:00Z' },
    { name: 'blocked → the next slot', request: {}, expected: '2026-11-23T09:00:00Z' },
    {
      name: 'US quiet period, 14-day horizon',
      policy: US,
      request: { at: '2026-08-14T14:00:00Z', timeZones: ['America/New_York'] },
      history: talkedUs,
      expected: '2026-08-20T12:00:00Z',
    },
    {
      name: 'US quiet period beyond a 3-day horizon',
      policy: US,
      request: { at: '2026-08-14T14:00:00Z', timeZones: ['America/New_York'] },
      history: talkedUs,
      horizonDays: 3,
      expected: null,
    },
    {
      name: 'a permanent block',
      request: { contact: { consent: 'granted', validity: 'valid', optedOut: true } },
      expected: null,
    },
    {
      name: 'cease-contact',
      request: { case: { ceaseContact: true, timeBarred: false, debtId: 'D-1' } },
      expected: null,
    },
    { name: 'an unknown zone', request: { timeZones: ['Nowhere/City'] }, expected: null },
    {
      name: 'zones that never overlap',
      request: { timeZones: ['Europe/Paris', 'Pacific/Honolulu'] },
      expected: null,
    },
    {
      name: 'SMS on Sunday → Monday 09:00',
      request: { channel: 'sms', at: '2026-11-29T08:00:00Z' },
      expected: '2026-11-30T08:00:00Z',
    },
  ];
  it.each(cases)('$name', ({ policy = FR, request: over, history = NONE, horizonDays, expected }) => {
    expect(
      nextAllowedInstant(policy, request(over), history, horizonDays ? { horizonDays } : undefined),
    ).toBe(expected);
  });

  it('agrees with evaluateContact: the retryAt of a block is allowed, the instant before it is not', () => {
    const starts = [
      '2026-11-21T10:00:00Z',
      '2026-11-23T12:30:00Z',
      '2026-11-11T09:00:00Z',
      '2026-03-28T22:00:00Z',
    ];
    for (const at of starts) {
      const next = nextAllowedInstant(FR, request({ at }), NONE);
      const decision = evaluateContact(FR, request({ at }), NONE);
      expect(decision).toMatchObject({ kind: 'blocked', retryAt: next });
      expect(next).not.toBeNull();
      expect(evaluateContact(FR, request({ at: next ?? '' }), NONE).kind).toBe('allowed');
      const before = new Date(Date.parse(next ?? '') - 60_000).toISOString();
      expect(evaluateContact(FR, request({ at: before }), NONE).kind).toBe('blocked');
    }
  });

  it('an empty preferred set means never', () => {
    expect(nextAllowedInstant(FR, request(), NONE, { preferred: [] })).toBeNull();
  });
});

describe('evaluateContact and nextAllowedInstant agree (property)', () => {
  const zoneSets = [
    ['Europe/Paris'],
    ['America/New_York'],
    ['America/New_York', 'America/Los_Angeles'],
    ['Europe/Paris', 'America/Martinique'],
    ['Australia/Lord_Howe'],
    ['America/Santiago', 'Asia/Kolkata'],
  ];
  const channels = ['call', 'ivr_call', 'sms', 'email', 'letter'] as const;
  const start = Date.UTC(2026, 0, 1);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('retryAt is allowed, a minute before it is not, and an allowed instant is its own next one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(FR, US),
        fc.constantFrom(...channels),
        fc.constantFrom('consumer', 'business'),
        fc.constantFrom(...zoneSets),
        fc.integer({ min: start, max: start + 360 * 86_400_000 }),
        fc.array(fc.integer({ min: -10 * 86_400_000, max: 0 }), { maxLength: 9 }),
        fc.option(fc.integer({ min: -9 * 86_400_000, max: 0 })),
        (policy, channel, debtorKind, timeZones, at, attemptOffsets, conversationOffset) => {
          const r = request({ channel, debtorKind, timeZones, at: iso(at) });
          const history: ContactHistory = {
            attempts: attemptOffsets.map((o, i) => ({ channel: channels[i % 3] ?? 'call', at: iso(at + o) })),
            lastConversationAt: conversationOffset === null ? null : iso(at + conversationOffset),
          };
          const decision = evaluateContact(policy, r, history);
          const next = nextAllowedInstant(policy, r, history, { horizonDays: 31 });
          if (decision.kind === 'allowed') {
            expect(Date.parse(next ?? '')).toBe(at);
            return;
          }
          expect(next).toBe(decision.retryAt);
          if (decision.retryAt === null) return;
          const retry = Date.parse(decision.retryAt);
          expect(evaluateContact(policy, { ...r, at: decision.retryAt }, history).kind).toBe('allowed');
          if (retry - 60_000 >= at) {
            expect(evaluateContact(policy, { ...r, at: iso(retry - 60_000) }, history).kind).toBe('blocked');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
