import { DomainError } from '@relance/core';
import type { FastifyRequest } from 'fastify';
import { readLinkToken } from '../../channels/payments/payment-links.ts';
import type { Deps } from '../../shared/deps.ts';
import { opportunisticSweep, type RateLimit, takeHit } from '../../use-cases/access/rate-limits.ts';

/**
 * Requests per payment link, counted in the database so that every server process shares the budget
 * (migration 0023): a debtor's page makes a few calls a minute; a script trying many answers or hammering one
 * link is refused for a while. The count goes under the tenant the link's token names — read, not verified:
 * nothing is looked up before the limit — or '' for a key that names none (an RF reference typed by hand).
 * Wrong identity answers are also counted on the link's row (five lock the link).
 */
export function createPortalLimiter(
  options: { max: number; windowMs: number } = { max: 120, windowMs: 60_000 },
) {
  const limit: RateLimit = { name: 'portal', ...options };
  return {
    /** The onRequest hook of the portal's routes; the clock is the server's. */
    hook(deps: Deps) {
      const sweep = opportunisticSweep(deps.database.db);
      return async (request: FastifyRequest): Promise<void> => {
        const key = (request.params as { key?: unknown }).key;
        if (typeof key !== 'string') return;
        const nowMs = Date.parse(deps.clock.now());
        await sweep(nowMs);
        const tenantId = readLinkToken(key)?.tenantId ?? '';
        const retryAfterSeconds = await takeHit(deps.database.db, limit, { tenantId, key, nowMs });
        if (retryAfterSeconds !== null) {
          throw new DomainError('rate_limited', 'Too many requests for this link.', {
            reason: 'portal_too_many_requests',
            retryAfterSeconds,
          });
        }
      };
    },
  };
}
