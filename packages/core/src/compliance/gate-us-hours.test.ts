import { describe, expect, it } from 'vitest';
import { expectedOutcome, type GateCase, gateOutcome, requestWith } from './gate-fixtures.ts';
import { COMPLIANCE_POLICIES } from './policies.ts';

const US = COMPLIANCE_POLICIES['us-reg-f'];
const EASTERN = ['America/New_York'];
const EASTERN_MOBILE_PACIFIC_ADDRESS = ['America/New_York', 'America/Los_Angeles'];
const EASTERN_MOBILE_MOUNTAIN_LANDLINE = ['America/New_York', 'America/Denver'];

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

describe('us-reg-f: 8:00–21:00 local time, §1006.6(b)(1)(i)', () => {
  const cases: GateCase[] = [
    {
      name: '07:59 EDT',
      request: { at: '2026-04-01T11:59:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-01T12:00:00Z',
    },
    { name: '08:00 EDT', request: { at: '2026-04-01T12:00:00Z' }, code: 'allowed' },
    { name: '20:59 EDT', request: { at: '2026-04-02T00:59:00Z' }, code: 'allowed' },
    {
      name: '21:00 EDT',
      request: { at: '2026-04-02T01:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-02T12:00:00Z',
    },
    { name: 'Sunday 10:00 is allowed', request: { at: '2026-04-05T14:00:00Z' }, code: 'allowed' },
    { name: 'Independence Day is not a block', request: { at: '2026-07-04T14:00:00Z' }, code: 'allowed' },
    { name: 'Thanksgiving is not a block', request: { at: '2026-11-26T15:00:00Z' }, code: 'allowed' },
    {
      name: 'an e-mail sent at 22:00 (comment 6(b)(1)(i)-1)',
      request: { channel: 'email', at: '2026-04-02T02:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-02T12:00:00Z',
    },
    {
      name: 'an SMS sent at 07:00',
      request: {
        channel: 'sms',
        at: '2026-04-01T11:00:00Z',
        contact: { consent: 'granted', validity: 'valid', optedOut: false },
      },
      code: 'outside_window',
      retryAt: '2026-04-01T12:00:00Z',
    },
    {
      name: 'a letter at any time',
      request: { channel: 'letter', at: '2026-04-05T07:00:00Z', timeZones: [] },
      code: 'allowed',
    },
    {
      name: 'business debtor on Saturday',
      request: { debtorKind: 'business', at: '2026-04-04T14:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-06T13:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('us-reg-f: DST in America/New_York', () => {
  const cases: GateCase[] = [
    {
      name: 'Sat 7 Mar 07:30 EST',
      request: { at: '2026-03-07T12:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-03-07T13:00:00Z',
    },
    {
      name: 'Sun 8 Mar 08:00 EDT (spring forward)',
      request: { at: '2026-03-08T12:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'Sat 7 Mar 21:30 EST → Sun 8 Mar 08:00 EDT',
      request: { at: '2026-03-08T02:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-03-08T12:00:00Z',
    },
    { name: 'Sat 31 Oct 08:30 EDT', request: { at: '2026-10-31T12:30:00Z' }, code: 'allowed' },
    {
      name: 'Sun 1 Nov 07:30 EST (fall back)',
      request: { at: '2026-11-01T12:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-01T13:00:00Z',
    },
    {
      name: 'Sat 31 Oct 21:30 EDT → Sun 1 Nov 08:00 EST',
      request: { at: '2026-11-01T01:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-01T13:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('us-reg-f: conflicting locations, comment 6(b)(1)(i)-2', () => {
  const cases: GateCase[] = [
    {
      name: 'Eastern mobile + Pacific address, 10:59 ET',
      request: { timeZones: EASTERN_MOBILE_PACIFIC_ADDRESS, at: '2026-04-01T14:59:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-01T15:00:00Z',
    },
    {
      name: 'Eastern mobile + Pacific address, 11:00 ET',
      request: { timeZones: EASTERN_MOBILE_PACIFIC_ADDRESS, at: '2026-04-01T15:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'Eastern mobile + Pacific address, 20:59 ET',
      request: { timeZones: EASTERN_MOBILE_PACIFIC_ADDRESS, at: '2026-04-02T00:59:00Z' },
      code: 'allowed',
    },
    {
      name: 'Eastern mobile + Pacific address, 21:00 ET',
      request: { timeZones: EASTERN_MOBILE_PACIFIC_ADDRESS, at: '2026-04-02T01:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-02T15:00:00Z',
    },
    {
      name: 'Eastern mobile + Mountain landline, 09:59 ET',
      request: { timeZones: EASTERN_MOBILE_MOUNTAIN_LANDLINE, at: '2026-04-01T13:59:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-01T14:00:00Z',
    },
    {
      name: 'Eastern mobile + Mountain landline, 10:00 ET',
      request: { timeZones: EASTERN_MOBILE_MOUNTAIN_LANDLINE, at: '2026-04-01T14:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'the order of the zones does not matter',
      request: { timeZones: ['America/Los_Angeles', 'America/New_York'], at: '2026-04-01T14:59:00Z' },
      code: 'outside_window',
      retryAt: '2026-04-01T15:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});
