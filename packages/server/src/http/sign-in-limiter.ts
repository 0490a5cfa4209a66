import { DomainError } from '@relance/core';

export type SignInLimiter = {
  /** Throws `rate_limited` when this e-mail + address has failed too often lately. */
  check(key: string, nowMs: number): void;
  recordFailure(key: string, nowMs: number): void;
  recordSuccess(key: string): void;
};

/**
 * Failed sign-ins per e-mail + IP address, in memory (one server process): after `max` failures
 * within `windowMs`, further attempts are refused until the oldest failure leaves the window.
 */
export function createSignInLimiter(
  options: { max: number; windowMs: number } = { max: 10, windowMs: 15 * 60_000 },
): SignInLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => nowMs - t < options.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const sweep = (nowMs: number) => {
    if (failures.size < 10_000) return;
    for (const key of [...failures.keys()]) recent(key, nowMs);
  };
  return {
    check(key, nowMs) {
      const list = recent(key, nowMs);
      if (list.length >= options.max) {
        const retryAfterSeconds = Math.ceil((list[0]! + options.windowMs - nowMs) / 1000);
        throw new DomainError('rate_limited', 'Too many sign-in attempts.', {
          reason: 'too_many_sign_in_attempts',
          retryAfterSeconds,
        });
      }
    },
    recordFailure(key, nowMs) {
      sweep(nowMs);
      failures.set(key, [...recent(key, nowMs), nowMs]);
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}
