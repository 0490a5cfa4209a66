import type { DebtorProfile, IsoWeekday, WeeklyWindow } from './types.ts';

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

/**
 * The hours each debtor profile is most likely to answer, a PRODUCT CHOICE drawn from the sources
 * (domain.md, "Timing and channel by profile"), not a legal rule: the gate intersects them with the
 * policy's windows in `nextAllowedInstant`, and the policy always has the last word.
 *
 * - active: people at work — lunch time (12:00–14:00) and the end of the day (18:00–20:30) on weekdays,
 *   and Saturday morning (09:00–12:00).
 * - senior: daytime, away from meals and the early afternoon rest — 09:30–12:00 and 14:00–17:30 on weekdays.
 * - standard: ordinary daytime on weekdays, 09:00–19:00.
 */
export const PROFILE_WINDOWS: Readonly<Record<DebtorProfile, readonly WeeklyWindow[]>> = {
  active: [
    { days: WEEKDAYS, from: '12:00', to: '14:00' },
    { days: WEEKDAYS, from: '18:00', to: '20:30' },
    { days: [6], from: '09:00', to: '12:00' },
  ],
  senior: [
    { days: WEEKDAYS, from: '09:30', to: '12:00' },
    { days: WEEKDAYS, from: '14:00', to: '17:30' },
  ],
  standard: [{ days: WEEKDAYS, from: '09:00', to: '19:00' }],
};
