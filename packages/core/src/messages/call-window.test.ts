import { describe, expect, it } from 'vitest';
import { policyFor } from '../compliance/policies.ts';
import { PROFILE_WINDOWS } from '../compliance/profiles.ts';
import { callWindow } from './call-window.ts';

const fr = policyFor('FR');

describe('callWindow', () => {
  it('runs from the scheduled instant to the first closing: the policy morning hours (13:00 Paris)', () => {
    // Tuesday 2026-11-24, 10:00 in Paris (UTC+1).
    expect(
      callWindow(fr, {
        channel: 'call',
        debtorKind: 'consumer',
        timeZones: ['Europe/Paris'],
        preferred: PROFILE_WINDOWS.standard,
        start: '2026-11-24T09:00:00.000Z',
      }),
    ).toEqual({ start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T12:00:00.000Z' });
  });

  it('ends with the profile hours when they close first (senior: 17:30 Paris)', () => {
    const window = callWindow(fr, {
      channel: 'call',
      debtorKind: 'consumer',
      timeZones: ['Europe/Paris'],
      preferred: PROFILE_WINDOWS.senior,
      start: '2026-11-24T14:00:00.000Z',
    });
    expect(window).toEqual({ start: '2026-11-24T14:00:00.000Z', end: '2026-11-24T16:30:00.000Z' });
  });

  it('is null when the call is not allowed at the start (Sunday)', () => {
    expect(
      callWindow(fr, {
        channel: 'call',
        debtorKind: 'consumer',
        timeZones: ['Europe/Paris'],
        preferred: PROFILE_WINDOWS.standard,
        start: '2026-11-22T10:00:00.000Z',
      }),
    ).toBeNull();
  });

  it('reads the hours in the debtor zone (Martinique is UTC-4)', () => {
    const window = callWindow(fr, {
      channel: 'ivr_call',
      debtorKind: 'consumer',
      timeZones: ['America/Martinique'],
      preferred: PROFILE_WINDOWS.standard,
      start: '2026-11-24T14:00:00.000Z',
    });
    // 10:00 in Fort-de-France; the policy's morning hours close at 13:00 there.
    expect(window?.end).toBe('2026-11-24T17:00:00.000Z');
  });
});
