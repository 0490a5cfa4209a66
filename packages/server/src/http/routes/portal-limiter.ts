import { DomainError } from '@relance/core';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/**
 * Requests per payment link, in memory (one server process): a debtor's page makes a few calls a minute; a
 * script trying many answers or hammering one link is refused for a while. Wrong identity answers are also
 * counted in the database (five lock the link), which holds across processes.
 */
export function createPortalLimiter(
  options: { max: number; windowMs: number } = { max: 120, windowMs: 60_000 },
) {
  const hits = new Map<string, number[]>();
  const recent = (key: string, nowMs: number): number[] => {
    const kept = (hits.get(key) ?? []).filter((t) => nowMs - t < options.windowMs);
    if (kept.length === 0) hits.delete(key);
    else hits.set(key, kept);
    return kept;
  };
  const sweep = (nowMs: number) => {
    if (hits.size < 10_000) return;
    for (const key of [...hits.keys()]) recent(key, nowMs);
  };
  return {
    /** The onRequest hook of the portal's routes; the clock is the server's. */
    hook(deps: Deps) {
      return async (request: FastifyRequest): Promise<void> => {
        const key = (request.params as { key?: unknown }).key;
        if (typeof key !== 'string') return;
        const nowMs = Date.parse(deps.clock.now());
        sweep(nowMs);
        const list = recent(key, nowMs);
        if (list.length >= options.max) {
          throw new DomainError('rate_limited', 'Too many requests for this link.', {
            reason: 'portal_too_many_requests',
            retryAfterSeconds: Math.ceil((list[0]! + options.windowMs - nowMs) / 1000),
          });
        }
        hits.set(key, [...list, nowMs]);
      };
    },
  };
}
