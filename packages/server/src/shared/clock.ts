import { Temporal } from 'temporal-polyfill';

/** The one place the server reads time; use cases receive it, so tests can set the day. */
export type Clock = {
  /** ISO-8601 UTC instant, e.g. 2026-11-22T09:30:00.000Z. */
  now(): string;
  /** The calendar day in a time zone, 'YYYY-MM-DD'. */
  today(timeZone?: string): string;
};

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: (timeZone = 'Europe/Paris') => Temporal.Now.plainDateISO(timeZone).toString(),
};

/** A clock stopped at a given instant (tests, demo runs, replays). */
export function fixedClock(instant: string): Clock {
  return {
    now: () => instant,
    today: (timeZone = 'Europe/Paris') =>
      Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString(),
  };
}

/**
 * A clock that starts at `start` and runs at real speed (RELANCE_CLOCK): the demo and browser tests can
 * live on a weekday morning whatever the hour, with time still passing for leases, locks and callbacks.
 */
export function startedClock(start: string, realNow: () => number = Date.now): Clock {
  const offset = Date.parse(start) - realNow();
  const now = () => new Date(realNow() + offset).toISOString();
  return {
    now,
    today: (timeZone = 'Europe/Paris') =>
      Temporal.Instant.from(now()).toZonedDateTimeISO(timeZone).toPlainDate().toString(),
  };
}
