import { describe, expect, it } from 'vitest';
import { evaluateContact } from './gate.ts';
import { expectedOutcome, type GateCase, gateOutcome, NO_HISTORY, requestWith } from './gate-fixtures.ts';
import { COMPLIANCE_POLICIES } from './policies.ts';
import type { ContactAttempt, ContactHistory } from './types.ts';

const US = COMPLIANCE_POLICIES['us-reg-f'];
const EASTERN = ['America/New_York'];
const EASTERN_MOBILE_PACIFIC_ADDRESS = ['America/New_York', 'America/Los_Angeles'];

const request = requestWith({
  channel: 'call',
  purpose: 'reminder',
  at: '2026-04-01T14:00:00Z', // Wednesday 10:00 EDT
  debtorKind: 'consumer',
  timeZones: EASTERN,
  startedBy: 'engine',
  contact: { consent: 'unknown', validity: 'valid', optedOut: false },
  case: { ceaseContact: false, timeBarred: false, debtId: 'CARD-1' },
});

function check(c: GateCase): void {
  expect(gateOutcome(US, request, c)).toEqual(expectedOutcome(US, c));
}

const call = (at: string, countsTowardCap?: boolean): ContactAttempt =>
  countsTowardCap === undefined ? { channel: 'call', at } : { channel: 'call', at, countsTowardCap };
const history = (...attempts: ContactAttempt[]): ContactHistory => ({ attempts, lastConversationAt: null });
// Official example 14(b)(2)(i)-1.i: a first call on Wednesday 1 April, six more through Tuesday 7 April.
const SEVEN_CALLS = history(
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => call(`2026-04-${d}T14:00:00Z`)),
);

describe('us-reg-f: 7 calls within 7 consecutive days, §1006.14(b)(2)(i)(A)', () => {
  const cases: GateCase[] = [
    {
      name: '8th call on Tuesday 7 April → Wednesday 8 April 08:00',
      request: { at: '2026-04-07T19:00:00Z' },
      history: SEVEN_CALLS,
      code: 'cap_reached',
      retryAt: '2026-04-08T12:00:00Z',
    },
    {
      name: 'no further call until Wednesday 8 April: compliant',
      request: { at: '2026-04-08T13:00:00Z' },
      history: SEVEN_CALLS,
      code: 'allowed',
    },
    {
      name: 'an IVR call counts as a call',
      request: {
        channel: 'ivr_call',
        at: '2026-04-07T19:00:00Z',
        contact: { consent: 'granted', validity: 'valid', optedOut: false },
      },
      history: SEVEN_CALLS,
      code: 'cap_reached',
    },
    {
      name: 'texts are not calls',
      request: {
        channel: 'sms',
        at: '2026-04-07T19:00:00Z',
        contact: { consent: 'granted', validity: 'valid', optedOut: false },
      },
      history: SEVEN_CALLS,
      code: 'allowed',
    },
    {
      name: 'a misdirected call does not count',
      request: { at: '2026-04-07T19:00:00Z' },
      history: history(...SEVEN_CALLS.attempts.slice(1), call('2026-04-01T14:00:00Z', false)),
      code: 'allowed',
    },
    {
      name: 'comment 14(b)(2)(ii)-1.i: 1 + 2 + 2 + 2 calls, the one on 7 April would be the 8th',
      request: { at: '2026-04-07T14:00:00Z' },
      history: history(
        call('2026-04-01T14:00:00Z'),
        call('2026-04-02T14:00:00Z'),
        call('2026-04-02T18:00:00Z'),
        call('2026-04-03T14:00:00Z'),
        call('2026-04-03T18:00:00Z'),
        call('2026-04-06T14:00:00Z'),
        call('2026-04-06T18:00:00Z'),
      ),
      code: 'cap_reached',
      retryAt: '2026-04-08T12:00:00Z',
    },
    {
      name: 'policy: a 4th call the same day',
      request: { at: '2026-04-01T22:00:00Z' },
      history: history(
        call('2026-04-01T13:00:00Z'),
        call('2026-04-01T16:00:00Z'),
        call('2026-04-01T19:00:00Z'),
      ),
      code: 'cap_reached',
      retryAt: '2026-04-02T12:00:00Z',
    },
    {
      name: 'days are counted on the debtor’s calendar: 23:00 ET on 31 March is 31 March',
      request: { at: '2026-04-07T19:00:00Z' },
      history: history(call('2026-04-01T03:00:00Z'), ...SEVEN_CALLS.attempts.slice(1)),
      code: 'allowed',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('us-reg-f: 7 days after a telephone conversation, §1006.14(b)(2)(i)(B)', () => {
  // Official example 14(b)(2)(i)-1.ii: a conversation on Thursday 13 August.
  const talked: ContactHistory = { attempts: [], lastConversationAt: '2026-08-13T19:00:00Z' };
  const cases: GateCase[] = [
    {
      name: 'call on Wednesday 19 August',
      request: { at: '2026-08-19T16:00:00Z' },
      history: talked,
      code: 'quiet_period',
      retryAt: '2026-08-20T12:00:00Z',
    },
    {
      name: 'call on Thursday 20 August 08:00: compliant',
      request: { at: '2026-08-20T12:00:00Z' },
      history: talked,
      code: 'allowed',
    },
    {
      name: 'an e-mail the next day is not a call',
      request: { channel: 'email', at: '2026-08-14T14:00:00Z' },
      history: talked,
      code: 'allowed',
    },
    {
      name: 'comment 14(b)(2)(ii)-1.ii: conversation Friday 14 August → not before Friday 21 August',
      request: { at: '2026-08-20T16:00:00Z' },
      history: { attempts: [], lastConversationAt: '2026-08-14T15:00:00Z' },
      code: 'quiet_period',
      retryAt: '2026-08-21T12:00:00Z',
    },
    {
      name: 'a call with the consumer’s direct consent, §1006.14(b)(3)(i)',
      request: { at: '2026-08-14T14:00:00Z' },
      history: { ...talked, callConsentUntil: '2026-08-20T19:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'the consent has ended',
      request: { at: '2026-08-19T14:00:00Z' },
      history: { ...talked, callConsentUntil: '2026-08-14T19:00:00Z' },
      code: 'quiet_period',
      retryAt: '2026-08-20T12:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('us-reg-f: consent, opt-out, cease communication, time-barred debt', () => {
  const contact = (consent: 'granted' | 'withdrawn' | 'unknown', optedOut = false) =>
    ({ consent, validity: 'valid', optedOut }) as const;
  const cease = { ceaseContact: true, timeBarred: false, debtId: 'CARD-1' };
  const barred = { ceaseContact: false, timeBarred: true, debtId: 'CARD-1' };
  const cases: GateCase[] = [
    {
      name: 'SMS without consent',
      request: { channel: 'sms', contact: contact('unknown') },
      code: 'no_consent',
      retryAt: null,
    },
    { name: 'SMS with consent', request: { channel: 'sms', contact: contact('granted') }, code: 'allowed' },
    {
      name: 'IVR call without consent',
      request: { channel: 'ivr_call', contact: contact('unknown') },
      code: 'no_consent',
    },
    {
      name: 'a live call needs no recorded consent',
      request: { contact: contact('unknown') },
      code: 'allowed',
    },
    { name: 'calls refused', request: { contact: contact('withdrawn') }, code: 'no_consent' },
    {
      name: 'e-mail opted out, §1006.6(e)',
      request: { channel: 'email', contact: contact('unknown', true) },
      code: 'opted_out',
      retryAt: null,
    },
    { name: 'cease: engine call', request: { case: cease }, code: 'cease_contact', retryAt: null },
    {
      name: 'cease: agent letter ending efforts, §1006.6(c)(2)(i)',
      request: { channel: 'letter', purpose: 'confirmation', startedBy: 'agent', case: cease },
      code: 'allowed',
    },
    {
      name: 'cease: agent letter naming a remedy, §1006.6(c)(2)(iii)',
      request: { channel: 'letter', purpose: 'handover_notice', startedBy: 'agent', case: cease },
      code: 'allowed',
    },
    {
      name: 'cease: agent reminder letter',
      request: { channel: 'letter', startedBy: 'agent', case: cease },
      code: 'cease_contact',
    },
    {
      name: 'cease: agent e-mail',
      request: { channel: 'email', purpose: 'confirmation', startedBy: 'agent', case: cease },
      code: 'cease_contact',
    },
    {
      name: 'time-barred: threat of legal action, §1006.26(b)',
      request: { channel: 'letter', purpose: 'legal_threat', case: barred },
      code: 'time_barred_threat',
      retryAt: null,
    },
    {
      name: 'time-barred: hand-over to legal',
      request: { channel: 'letter', purpose: 'handover_notice', case: barred },
      code: 'time_barred_threat',
    },
    { name: 'time-barred: a reminder', request: { case: barred }, code: 'allowed' },
  ];
  it.each(cases)('$name → $code', check);
});

describe('us-reg-f: explanations', () => {
  it('names both zones of a conflict and the next time in the first one', () => {
    const decision = evaluateContact(
      US,
      request({ timeZones: EASTERN_MOBILE_PACIFIC_ADDRESS, at: '2026-04-01T14:00:00Z' }),
      NO_HISTORY,
    );
    expect(decision.explanation.en).toBe(
      'Call outside the permitted hours: it is Wednesday 1 Apr 07:00 (America/Los_Angeles); permitted: every day 08:00–21:00 (America/New_York and America/Los_Angeles time — the time must suit every one of these zones). Next permitted time: Wednesday 1 Apr 11:00 (America/New_York).',
    );
  });

  it('cites the rule of a block', () => {
    const decision = evaluateContact(US, request({ at: '2026-04-07T19:00:00Z' }), SEVEN_CALLS);
    expect(decision.explanation.en).toBe(
      'Cap reached for this debt: 7 contact(s) (call, IVR call) within 7 consecutive days, at most 7 (12 CFR 1006.14(b)(2)(i)(A)). Next permitted time: Wednesday 8 Apr 08:00 (America/New_York).',
    );
    const talked = { attempts: [], lastConversationAt: '2026-08-13T19:00:00Z' };
    const quiet = evaluateContact(US, request({ at: '2026-08-19T16:00:00Z' }), talked);
    expect(quiet.explanation.fr).toBe(
      'Délai de calme après la conversation du jeudi 13/08 : pas de contact (appel, appel SVI) pendant 7 jours, le jour de la conversation étant le premier (12 CFR 1006.14(b)(2)(i)(B)). Prochain créneau : jeudi 20/08 08:00 (America/New_York).',
    );
  });
});
