import { describe, expect, it } from 'vitest';
import { expectedOutcome, type GateCase, gateOutcome, requestWith } from './gate-fixtures.ts';
import { COMPLIANCE_POLICIES } from './policies.ts';

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

describe('fr-default: hours (debtor time, Monday–Friday 10:00–13:00 and 14:00–20:00 for consumers)', () => {
  const cases: GateCase[] = [
    {
      name: 'Mon 09:59 Paris',
      request: { at: '2026-11-23T08:59:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-23T09:00:00Z',
    },
    { name: 'Mon 10:00 Paris', request: { at: '2026-11-23T09:00:00Z' }, code: 'allowed' },
    { name: 'Mon 12:59 Paris', request: { at: '2026-11-23T11:59:00Z' }, code: 'allowed' },
    {
      name: 'Mon 13:00 Paris: lunch',
      request: { at: '2026-11-23T12:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-23T13:00:00Z',
    },
    { name: 'Mon 19:59 Paris', request: { at: '2026-11-23T18:59:00Z' }, code: 'allowed' },
    {
      name: 'Mon 20:00 Paris',
      request: { at: '2026-11-23T19:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-24T09:00:00Z',
    },
    {
      name: 'Fri 20:30 → Monday',
      request: { at: '2026-11-27T19:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-30T09:00:00Z',
    },
    {
      name: 'Sat 11:00 → Monday',
      request: { at: '2026-11-28T10:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-30T09:00:00Z',
    },
    {
      name: 'IVR call, same hours',
      request: { channel: 'ivr_call', at: '2026-11-23T12:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-23T13:00:00Z',
    },
    {
      name: 'business: Mon 09:00',
      request: { debtorKind: 'business', at: '2026-11-23T08:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'business: Mon 12:30',
      request: { debtorKind: 'business', at: '2026-11-23T11:30:00Z' },
      code: 'allowed',
    },
    {
      name: 'business: Mon 18:00',
      request: { debtorKind: 'business', at: '2026-11-23T17:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-24T08:00:00Z',
    },
    { name: 'SMS Saturday 10:00', request: { channel: 'sms', at: '2026-11-28T09:00:00Z' }, code: 'allowed' },
    {
      name: 'SMS Sunday → Monday 09:00',
      request: { channel: 'sms', at: '2026-11-29T09:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-30T08:00:00Z',
    },
    {
      name: 'SMS 20:00 → 09:00 next day',
      request: { channel: 'sms', at: '2026-11-24T19:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-25T08:00:00Z',
    },
    {
      name: 'e-mail Sunday 03:00',
      request: { channel: 'email', at: '2026-11-29T02:00:00Z' },
      code: 'allowed',
    },
    { name: 'e-mail with no zone', request: { channel: 'email', timeZones: [] }, code: 'allowed' },
    {
      name: 'letter Monday, no debtor zone needed',
      request: { channel: 'letter', timeZones: [] },
      code: 'allowed',
    },
    {
      name: 'letter Saturday → Monday 00:00 Paris',
      request: { channel: 'letter', at: '2026-11-28T10:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-29T23:00:00Z',
    },
    {
      name: 'registered letter Sunday',
      request: { channel: 'registered_letter', at: '2026-11-29T10:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-29T23:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('fr-default: DST changes in Europe/Paris', () => {
  const cases: GateCase[] = [
    { name: 'Fri 27 Mar 10:00 CET', request: { at: '2026-03-27T09:00:00Z' }, code: 'allowed' },
    {
      name: 'Fri 27 Mar 09:30 CET',
      request: { at: '2026-03-27T08:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-03-27T09:00:00Z',
    },
    {
      name: 'Fri 27 Mar 20:30 CET → Mon 30 Mar 10:00 CEST',
      request: { at: '2026-03-27T19:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-03-30T08:00:00Z',
    },
    { name: 'Mon 30 Mar 10:00 CEST', request: { at: '2026-03-30T08:00:00Z' }, code: 'allowed' },
    { name: 'Mon 30 Mar 09:00Z = 11:00 CEST', request: { at: '2026-03-30T09:00:00Z' }, code: 'allowed' },
    { name: 'Fri 23 Oct 10:30 CEST', request: { at: '2026-10-23T08:30:00Z' }, code: 'allowed' },
    {
      name: 'Fri 23 Oct 20:30 CEST → Mon 26 Oct 10:00 CET',
      request: { at: '2026-10-23T18:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-10-26T09:00:00Z',
    },
    {
      name: 'Mon 26 Oct 08:30Z = 09:30 CET',
      request: { at: '2026-10-26T08:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-10-26T09:00:00Z',
    },
    {
      name: 'SMS Sat 28 Mar 19:30 CET → Mon 30 Mar 09:00 CEST',
      request: { channel: 'sms', at: '2026-03-28T19:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-03-30T07:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('fr-default: public holidays', () => {
  const cases: GateCase[] = [
    {
      name: 'Armistice, Wed 11 Nov',
      request: { at: '2026-11-11T09:30:00Z' },
      code: 'holiday',
      retryAt: '2026-11-12T09:00:00Z',
    },
    {
      name: 'Easter Monday 6 Apr',
      request: { at: '2026-04-06T08:00:00Z' },
      code: 'holiday',
      retryAt: '2026-04-07T08:00:00Z',
    },
    {
      name: 'Ascension Thu 14 May',
      request: { at: '2026-05-14T08:00:00Z' },
      code: 'holiday',
      retryAt: '2026-05-15T08:00:00Z',
    },
    {
      name: 'Whit Monday 25 May',
      request: { at: '2026-05-25T12:00:00Z' },
      code: 'holiday',
      retryAt: '2026-05-26T08:00:00Z',
    },
    {
      name: 'SMS on Bastille Day',
      request: { channel: 'sms', at: '2026-07-14T08:00:00Z' },
      code: 'holiday',
      retryAt: '2026-07-15T07:00:00Z',
    },
    {
      name: 'letter on Bastille Day → midnight Paris',
      request: { channel: 'letter', at: '2026-07-14T08:00:00Z' },
      code: 'holiday',
      retryAt: '2026-07-14T22:00:00Z',
    },
    {
      name: 'e-mail on Christmas',
      request: { channel: 'email', at: '2026-12-25T10:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'Sunday 1 Nov is reported as outside the hours',
      request: { at: '2026-11-01T10:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-02T09:00:00Z',
    },
  ];
  it.each(cases)('$name → $code', check);
});

describe('fr-default: conflicting zones must all be open', () => {
  const parisMartinique = ['Europe/Paris', 'America/Martinique'];
  const cases: GateCase[] = [
    {
      name: 'Paris 11:00 = Martinique 06:00',
      request: { timeZones: parisMartinique, at: '2026-11-23T10:00:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-23T14:00:00Z',
    },
    {
      name: 'Paris 15:00 = Martinique 10:00',
      request: { timeZones: parisMartinique, at: '2026-11-23T14:00:00Z' },
      code: 'allowed',
    },
    {
      name: 'Paris 18:30 = Martinique 13:30',
      request: { timeZones: parisMartinique, at: '2026-11-23T17:30:00Z' },
      code: 'outside_window',
      retryAt: '2026-11-23T18:00:00Z',
    },
    {
      name: 'Paris and Honolulu never overlap',
      request: { timeZones: ['Europe/Paris', 'Pacific/Honolulu'] },
      code: 'outside_window',
      retryAt: null,
    },
    { name: 'no zone for a call', request: { timeZones: [] }, code: 'unknown_time_zone', retryAt: null },
    {
      name: 'an unknown zone',
      request: { timeZones: ['Mars/Olympus'] },
      code: 'unknown_time_zone',
      retryAt: null,
    },
    {
      name: 'one unknown zone among good ones',
      request: { timeZones: ['Europe/Paris', 'Nowhere/City'] },
      code: 'unknown_time_zone',
      retryAt: null,
    },
  ];
  it.each(cases)('$name → $code', check);
});
