/** The waits before each retry: 1 min, 5 min, 30 min, 2 h, then 6 h. */
const DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000] as const;

/** After this many attempts, an action that keeps failing is given up (the dead letter: `failed`). */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** How long a dispatcher holds an action it claimed; past it, another dispatcher may recover it. */
export const LEASE_MS = 5 * 60_000;

/** When to try again after the `attempts`-th attempt failed (1-based). */
export function retryAfter(now: string, attempts: number): string {
  const index = Math.min(Math.max(attempts, 1), DELAYS_MS.length) - 1;
  const delay = DELAYS_MS[index] ?? DELAYS_MS[DELAYS_MS.length - 1];
  return new Date(Date.parse(now) + (delay as number)).toISOString();
}

export function leaseUntil(now: string): string {
  return new Date(Date.parse(now) + LEASE_MS).toISOString();
}
