import { describe, expect, it } from 'vitest';
import { evaluateContact } from './gate.ts';
import {
  attempt,
  expectedOutcome,
  type GateCase,
  gateOutcome,
  NO_HISTORY,
  requestWith,
} from './gate-fixtures.ts';
import { COMPLIANCE_POLICIES } from './policies.ts';
import type { ContactHistory } from './types.ts';

const FR = COMPLIANCE_POLICIES['fr-default'];

const request = requestWith({
  channel: 'call',
  purpose: 'reminder',
  at: '2026-11-23T09:00:00Z', // Monday 10:00 in Paris
  debtorKind: 'consumer',
  timeZones: ['Europe/Paris'],
  startedBy: 'engine',
  contact: { consent: 'unknown', validity: 'valid', optedOut: false },
  case: { ceaseContact: false, timeBarred: false, debtId: 'D-1' },
});

function check(c: GateCase): void {
  expect(gateOutcome(FR, request, c)).toEqual(expectedOutcome(FR, c));
}

describe('fr-default: caps (3 calls/IVR/SMS per 7 days, 1 call a day) and quiet period (3 days)', () => {
  const week: ContactHistory = {
    lastConversationAt: null,
    attempts: [
      attempt('call', '2026-11-23T09:00:00Z'),
      attempt('sms', '2026-11-24T09:00:00Z'),
      attempt('ivr_call', '2026-11-25T09:00:00Z'),
    ],
  };
  const thursday = '2026-11-26T09:00:00Z';
  const oneCall: ContactHistory = {
    lastConversationAt: null,
    attempts: [attempt('call', '2026-11-23T09:00:00Z')],
  };
  const talked: ContactHistory = { attempts: [], lastConversationAt: '2026-11-23T10:00:00Z' };
  const cases: GateCase[] = [
    {
      name: '4th contact in the week → the Monday attempt drops out',
      request: { at: thursday },
      history: week,
      code: 'cap_reached',
      retryAt: '2026-11-30T09:00:00Z',
    },
    {
      name: '4th contact by SMS too',
      request: { channel: 'sms', at: thursday },
      history: week,
      code: 'cap_reached',
      retryAt: '2026-11-30T08:00:00Z',
    },
    {
      name: 'e-mail is not capped',
      request: { channel: 'email', at: thursday },
      history: week,
      code: 'allowed',
    },
    {
      name: 'a thank-you SMS is exempt',
      request: { channel: 'sms', purpose: 'thanks', at: thursday },
      history: week,
      code: 'allowed',
    },
    {
      name: 'an attempt that does not count',
      request: { at: thursday },
      history: {
        ...week,
        attempts: week.attempts.map((a, i) => (i === 1 ? { ...a, countsTowardCap: false } : a)),
      },
      code: 'allowed',
    },
    {
      name: 'second call the same day',
      request: { at: '2026-11-23T14:00:00Z' },
      history: oneCall,
      code: 'cap_reached',
      retryAt: '2026-11-24T09:00:00Z',
    },
    {
      name: 'an SMS after the day’s call',
      request: { channel: 'sms', at: '2026-11-23T14:00:00Z' },
      history: oneCall,
      code: 'allowed',
    },
    {
      name: 'a call the next day',
      request: { at: '2026-11-24T09:00:00Z' },
      history: oneCall,
      code: 'allowed',
    },
    {
      name: 'call the day after a conversation',
      request: { at: '2026-11-24T09:00:00Z' },
      history: talked,
      code: 'quiet_period',
      retryAt: '2026-11-26T09:00:00Z',
    },
    {
      name: 'SMS on day 3',
      request: { channel: 'sms', at: '2026-11-25T09:00:00Z' },
      history: talked,
      code: 'quiet_period',
      retryAt: '2026-11-26T08:00:00Z',
    },
    { name: 'call on day 4', request: { at: '2026-11-26T09:00:00Z' }, history: talked, code: 'allowed' },
    {
      name: 'confirmation SMS right after',
      request: { channel: 'sms', purpose: 'confirmation', at: '2026-11-23T10:30:00Z' },
      history: talked,
      code: 'allowed',
    },
    {
      name: 'e-mail right after',
      request: { channel: 'email', at: '2026-11-23T10:30:00Z' },
      history: talked,
      code: 'allowed',
    },
    {
      name: 'a call the debtor asked for',
      request: { at: '2026-11-24T09:00:00Z' },
      history: { ...talked, callConsentUntil: '2026-11-24T22:59:00Z' },
      code: 'allowed',
    },
    {
      name: 'the consent does not lift the hours',
      request: { at: '2026-11-24T07:00:00Z' },
      history: { ...talked, callConsentUntil: '2026-11-24T22:59:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-24T09:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('fr-default: permanent blocks', () => {
  const ok = { consent: 'unknown', validity: 'valid', optedOut: false } as const;
  const cease = { ceaseContact: true, timeBarred: false, debtId: 'D-1' };
  const barred = { ceaseContact: false, timeBarred: true, debtId: 'D-1' };
  const cases: GateCase[] = [
    { name: 'no contact', request: { contact: null }, code: 'no_contact', retryAt: null },
    {
      name: 'invalid number',
      request: { contact: { ...ok, validity: 'invalid' } },
      code: 'invalid_contact',
      retryAt: null,
    },
    { name: 'unverified number', request: { contact: { ...ok, validity: 'unverified' } }, code: 'allowed' },
    {
      name: 'opted out of SMS',
      request: { channel: 'sms', contact: { ...ok, optedOut: true } },
      code: 'opted_out',
      retryAt: null,
    },
    {
      name: 'SMS consent withdrawn',
      request: { channel: 'sms', contact: { ...ok, consent: 'withdrawn' } },
      code: 'no_consent',
    },
    { name: 'SMS consent unknown is enough', request: { channel: 'sms' }, code: 'allowed' },
    {
      name: 'letter ignores consent',
      request: { channel: 'letter', contact: { ...ok, consent: 'withdrawn' } },
      code: 'allowed',
    },
    {
      name: 'time-barred: formal notice',
      request: { channel: 'registered_letter', purpose: 'formal_notice', case: barred },
      code: 'time_barred_threat',
      retryAt: null,
    },
    {
      name: 'time-barred: legal threat',
      request: { purpose: 'legal_threat', case: barred },
      code: 'time_barred_threat',
    },
    {
      name: 'time-barred: hand-over notice',
      request: { channel: 'email', purpose: 'handover_notice', case: barred },
      code: 'time_barred_threat',
    },
    { name: 'time-barred: a plain reminder', request: { channel: 'email', case: barred }, code: 'allowed' },
    {
      name: 'cease: engine e-mail',
      request: { channel: 'email', case: cease },
      code: 'cease_contact',
      retryAt: null,
    },
    { name: 'cease: agent call', request: { startedBy: 'agent', case: cease }, code: 'cease_contact' },
    {
      name: 'cease: before a missing contact',
      request: { contact: null, case: cease },
      code: 'cease_contact',
    },
    {
      name: 'cease: agent formal notice',
      request: { channel: 'registered_letter', purpose: 'formal_notice', startedBy: 'agent', case: cease },
      code: 'allowed',
    },
    {
      name: 'cease: engine formal notice',
      request: { channel: 'registered_letter', purpose: 'formal_notice', case: cease },
      code: 'cease_contact',
    },
    {
      name: 'cease: agent reminder letter',
      request: { channel: 'letter', startedBy: 'agent', case: cease },
      code: 'cease_contact',
    },
    {
      name: 'cease and time-barred: agent formal notice',
      request: {
        channel: 'registered_letter',
        purpose: 'formal_notice',
        startedBy: 'agent',
        case: { ...cease, timeBarred: true },
      },
      code: 'time_barred_threat',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('fr-default: explanations', () => {
  it('names the hours, the zone and the next slot', () => {
    const decision = evaluateContact(FR, request({ at: '2026-11-28T10:00:00Z' }), NO_HISTORY);
    expect(decision.explanation.fr).toBe(
      'Appel hors des heures permises : il est samedi 28/11 11:00 (Europe/Paris) ; heures permises : du lundi au vendredi 10:00–13:00 et 14:00–20:00, hors jours fériés (heure de Europe/Paris). Prochain créneau : lundi 30/11 10:00 (Europe/Paris).',
    );
    expect(decision.explanation.en).toBe(
      'Call outside the permitted hours: it is Saturday 28 Nov 11:00 (Europe/Paris); permitted: Monday to Friday 10:00–13:00 and 14:00–20:00, except public holidays (Europe/Paris time). Next permitted time: Monday 30 Nov 10:00 (Europe/Paris).',
    );
  });

  it('names the rule of an allowed contact, and reuses the decision', () => {
    const first = evaluateContact(FR, request(), NO_HISTORY);
    expect(first).toMatchObject({ kind: 'allowed', rule: 'fr-default/call/consumer' });
    expect(first.explanation.fr).toContain('C. conso. D223-9');
    expect(first.explanation.en).toContain('3 per 7 days, 1 a day');
    expect(evaluateContact(FR, request({ at: '2026-11-23T10:00:00Z' }), NO_HISTORY)).toBe(first);
  });

  it('marks an agent letter sent despite a cease-contact request', () => {
    const cease = { ceaseContact: true, timeBarred: false, debtId: 'D-1' };
    const decision = evaluateContact(
      FR,
      request({ channel: 'registered_letter', purpose: 'formal_notice', startedBy: 'agent', case: cease }),
      NO_HISTORY,
    );
    expect(decision).toMatchObject({
      kind: 'allowed',
      rule: 'fr-default/registered_letter/consumer/cease-exception',
    });
    expect(decision.explanation.fr).toContain('malgré la demande d’arrêt des contacts');
  });

  it('says which cap and which holiday', () => {
    const holiday = evaluateContact(FR, request({ at: '2026-05-14T08:00:00Z' }), NO_HISTORY);
    expect(holiday.explanation.fr).toBe(
      'Pas d’appel un jour férié (jeudi 14/05, Europe/Paris). Prochain créneau : vendredi 15/05 10:00 (Europe/Paris).',
    );
    const history = { lastConversationAt: null, attempts: [attempt('call', '2026-11-23T09:00:00Z')] };
    const cap = evaluateContact(FR, request({ at: '2026-11-23T14:00:00Z' }), history);
    expect(cap.explanation.en).toContain('1 contact(s) (call, IVR call) today, at most 1 a day');
    expect(cap.explanation.en).toContain('Next permitted time: Tuesday 24 Nov 10:00 (Europe/Paris)');
  });
});
