import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { evaluateContact, nextAllowedInstant } from './gate.ts';
import { COMPLIANCE_POLICIES, policyFor } from './policies.ts';
import { PROFILE_WINDOWS } from './profiles.ts';
import type {
  CompliancePolicy,
  ContactChannel,
  ContactHistory,
  ContactRequest,
  GateBlockCode,
} from './types.ts';

const FR = COMPLIANCE_POLICIES['fr-default'];
const US = COMPLIANCE_POLICIES['us-reg-f'];
const NONE: ContactHistory = { attempts: [], lastConversationAt: null };

function request(over: Partial<ContactRequest> = {}): ContactRequest {
  return {
    channel: 'call',
    purpose: 'reminder',
    at: '2026-11-23T15:00:00Z',
    debtorKind: 'consumer',
    timeZones: ['Europe/Paris'],
    startedBy: 'engine',
    contact: { consent: 'granted', validity: 'valid', optedOut: false },
    case: { ceaseContact: false, timeBarred: false, debtId: 'D-1' },
    ...over,
  };
}

describe('policyFor', () => {
  it.each([
    ['FR', 'fr-default'],
    ['fr', 'fr-default'],
    ['US', 'us-reg-f'],
    [' us ', 'us-reg-f'],
    ['USA', 'us-reg-f'],
    ['US-CA', 'us-reg-f'],
    ['GB', 'fr-default'],
    ['DE', 'fr-default'],
    ['', 'fr-default'],
    ['USSR', 'fr-default'],
  ])('%j → %s', (jurisdiction, key) => {
    expect(policyFor(jurisdiction).key).toBe(key);
  });
});

describe('policies are data', () => {
  const channels: ContactChannel[] = ['call', 'ivr_call', 'sms', 'email', 'letter', 'registered_letter'];
  const instants = [
    '2026-11-23T15:00:00Z',
    '2026-11-28T10:00:00Z',
    '2026-11-11T10:00:00Z',
    '2026-04-01T03:00:00Z',
  ];
  const history: ContactHistory = {
    attempts: [{ channel: 'call', at: '2026-11-23T09:00:00Z' }],
    lastConversationAt: '2026-11-20T10:00:00Z',
  };

  it.each(['fr-default', 'us-reg-f'] as const)('%s decides the same after a JSON round trip', (key) => {
    const original = COMPLIANCE_POLICIES[key];
    const parsed = JSON.parse(JSON.stringify(original)) as CompliancePolicy;
    expect(parsed).toEqual(original);
    for (const channel of channels) {
      for (const at of instants) {
        const r = request({ channel, at, timeZones: ['Europe/Paris', 'America/New_York'] });
        expect(evaluateContact(parsed, r, history)).toEqual(evaluateContact(original, r, history));
        expect(nextAllowedInstant(parsed, r, history, { preferred: PROFILE_WINDOWS.active })).toBe(
          nextAllowedInstant(original, r, history, { preferred: PROFILE_WINDOWS.active }),
        );
      }
    }
  });

  it('a changed value changes the decision, with no code change', () => {
    const strict: CompliancePolicy = {
      ...FR,
      key: 'fr-strict',
      caps: [{ ...(FR.caps[0] as CompliancePolicy['caps'][number]), max: 1 }],
    };
    const h: ContactHistory = {
      attempts: [{ channel: 'sms', at: '2026-11-20T09:00:00Z' }],
      lastConversationAt: null,
    };
    expect(evaluateContact(FR, request(), h).kind).toBe('allowed');
    expect(evaluateContact(strict, request(), h)).toMatchObject({
      kind: 'blocked',
      policy: 'fr-strict',
      code: 'cap_reached',
      retryAt: '2026-11-27T09:00:00Z',
    });
  });

  it.each([
    ['an unknown sender zone', { ...FR, senderTimeZone: 'Atlantis/Capital' }],
    [
      'a malformed window',
      {
        ...FR,
        channels: {
          ...FR.channels,
          sms: {
            ...FR.channels.sms,
            windows: { consumer: [{ days: [1], from: '9:00', to: '20:00' }], business: [] },
          },
        },
      },
    ],
    [
      'a window ending before it starts',
      {
        ...FR,
        channels: {
          ...FR.channels,
          sms: {
            ...FR.channels.sms,
            windows: { consumer: [{ days: [1], from: '20:00', to: '09:00' }], business: [] },
          },
        },
      },
    ],
    [
      'a weekday 8',
      {
        ...FR,
        channels: {
          ...FR.channels,
          sms: {
            ...FR.channels.sms,
            windows: { consumer: [{ days: [8], from: '09:00', to: '20:00' }], business: [] },
          },
        },
      },
    ],
    ['a cap of zero', { ...FR, caps: [{ ...(FR.caps[0] as CompliancePolicy['caps'][number]), max: 0 }] }],
    [
      'a quiet period of 1.5 days',
      {
        ...FR,
        quietPeriods: [{ ...(FR.quietPeriods[0] as CompliancePolicy['quietPeriods'][number]), days: 1.5 }],
      },
    ],
  ] as [string, CompliancePolicy][])('refuses %s', (_name, policy) => {
    expect(() => evaluateContact(policy, request({ channel: 'sms' }), NONE)).toThrow(DomainError);
  });

  it('refuses a malformed instant', () => {
    expect(() => evaluateContact(FR, request({ at: '2026-11-23 15:00' }), NONE)).toThrow(DomainError);
  });
});

describe('every block explains itself in both languages', () => {
  const barred = { ceaseContact: false, timeBarred: true, debtId: 'D-1' };
  const cases: [GateBlockCode, CompliancePolicy, Partial<ContactRequest>, ContactHistory][] = [
    ['outside_window', FR, { at: '2026-11-23T20:00:00Z' }, NONE],
    ['holiday', FR, { at: '2026-11-11T10:00:00Z' }, NONE],
    [
      'cap_reached',
      FR,
      {},
      { attempts: [{ channel: 'call', at: '2026-11-23T09:00:00Z' }], lastConversationAt: null },
    ],
    ['quiet_period', FR, {}, { attempts: [], lastConversationAt: '2026-11-22T10:00:00Z' }],
    ['cease_contact', US, { case: { ceaseContact: true, timeBarred: false, debtId: 'D-1' } }, NONE],
    ['opted_out', FR, { contact: { consent: 'granted', validity: 'valid', optedOut: true } }, NONE],
    [
      'no_consent',
      US,
      { channel: 'sms', contact: { consent: 'unknown', validity: 'valid', optedOut: false } },
      NONE,
    ],
    ['no_contact', FR, { contact: null }, NONE],
    ['invalid_contact', FR, { contact: { consent: 'granted', validity: 'invalid', optedOut: false } }, NONE],
    ['time_barred_threat', FR, { purpose: 'formal_notice', case: barred }, NONE],
    ['unknown_time_zone', US, { timeZones: [] }, NONE],
  ];
  it.each(cases)('%s', (code, policy, over, history) => {
    const decision = evaluateContact(policy, request(over), history);
    expect(decision).toMatchObject({ kind: 'blocked', code });
    expect(decision.explanation.fr.length).toBeGreaterThan(20);
    expect(decision.explanation.en.length).toBeGreaterThan(20);
    expect(decision.explanation.fr).not.toMatch(/undefined|\[object/);
    expect(decision.explanation.en).not.toMatch(/undefined|\[object/);
  });
});

describe('PROFILE_WINDOWS', () => {
  it('gives every profile some hours on weekdays', () => {
    for (const windows of Object.values(PROFILE_WINDOWS)) {
      expect(windows.some((w) => w.days.includes(1) && w.from < w.to)).toBe(true);
    }
  });
});
