import type { FastifyRequest } from 'fastify';
import { PORTAL_COOKIE } from '../../use-cases/portal/portal-session.ts';
import type { createPortalLimiter } from './portal-limiter.ts';

/** What the portal's route files share: no staff session, one tag, the portal cookie, the limiter's hook. */
export const pub = { public: true } as const;
export const tags = ['portal'];

export const cookieOf = (request: FastifyRequest): string | undefined => request.cookies[PORTAL_COOKIE];

export type Limited = {
  readonly config: typeof pub;
  readonly onRequest: ReturnType<ReturnType<typeof createPortalLimiter>['hook']>;
};
