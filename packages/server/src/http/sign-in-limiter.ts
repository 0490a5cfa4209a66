import { DomainError } from '@relance/core';
import type { Db } from '../db/schema.ts';
import {
  checkHits,
  clearHits,
  countHit,
  opportunisticSweep,
  type RateLimit,
} from '../use-cases/access/rate-limits.ts';

export type SignInLimiter = {
  /** Throws `rate_limited` when this e-mail + address has failed too often lately. */
  check(key: string, nowMs: number): Promise<void>;
  recordFailure(key: string, nowMs: number): Promise<void>;
  recordSuccess(key: string): Promise<void>;
};

/** Sign-ins are counted before any tenant is known, and must not tell a known e-mail from an unknown one. */
const NO_TENANT = '';

/**
 * Failed sign-ins per e-mail + IP address, counted in the database so that every server process shares
 * them (migration 0023): after `max` failures within `windowMs`, further attempts are refused until the
 * failures fall out of the sliding window; a success clears them.
 */
export function createSignInLimiter(
  db: Db,
  options: { max: number; windowMs: number } = { max: 10, windowMs: 15 * 60_000 },
): SignInLimiter {
  const limit: RateLimit = { name: 'sign-in', ...options };
  const sweep = opportunisticSweep(db);
  return {
    async check(key, nowMs) {
      const retryAfterSeconds = await checkHits(db, limit, { tenantId: NO_TENANT, key, nowMs });
      if (retryAfterSeconds !== null) {
        throw new DomainError('rate_limited', 'Too many sign-in attempts.', {
          reason: 'too_many_sign_in_attempts',
          retryAfterSeconds,
        });
      }
    },
    async recordFailure(key, nowMs) {
      await sweep(nowMs);
      await countHit(db, limit, { tenantId: NO_TENANT, key, nowMs });
    },
    async recordSuccess(key) {
      await clearHits(db, limit, { tenantId: NO_TENANT, key });
    },
  };
}
