import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicUrl } from '../../channels/sms/sms-environment.ts';
import type { Deps } from '../../shared/deps.ts';
import { checkPortalIdentity } from '../../use-cases/portal/check-identity.ts';
import { openPortal } from '../../use-cases/portal/open-portal.ts';
import { payFromPortal } from '../../use-cases/portal/pay-from-portal.ts';
import { cancelPortalAttempt, getPortalAttempt } from '../../use-cases/portal/portal-attempt.ts';
import { getPortalCase } from '../../use-cases/portal/portal-case.ts';
import { PORTAL_COOKIE } from '../../use-cases/portal/portal-session.ts';
import { requestLocale } from '../locale.ts';
import { apiPrefix } from '../paths.ts';
import { errors, idParam, minor } from '../schemas.ts';
import { cookieOf, pub, tags } from './portal-common.ts';
import { createPortalLimiter } from './portal-limiter.ts';
import { agreementRoutes, requestRoutes } from './portal-requests.ts';
import { attemptView, keyParams, portalCase, portalEntry } from './portal-schemas.ts';
import { paymentLinkAdminRoutes } from './portal-staff.ts';

const COOKIE_PATH = `${apiPrefix}/portal`;

/** Where the debtor comes back after the card page: this server's public address, else the request's own. */
function returnTo(request: FastifyRequest, key: string): string {
  const origin = publicUrl() ?? `${request.protocol}://${request.host}`;
  return `${origin}/pay/${encodeURIComponent(key)}/return`;
}

/**
 * The debtor's payment portal behind a signed link (issue #6), without a staff session: `/portal/links/:key`
 * opens it, `…/check` answers the identity check and sets the portal cookie (HttpOnly, SameSite=Lax, this
 * case only, 30 minutes) that every other call needs. Rate-limited by link. Plus, for the staff, the links
 * of a case and their revocation.
 */
export function portalRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limiter = createPortalLimiter();
  const limited = { config: pub, onRequest: limiter.hook(deps) };

  api.get(
    '/portal/links/:key',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Open a payment link: what the page may show before the identity check (counts the opening)',
        params: keyParams,
        response: { 200: portalEntry, ...errors(404, 429) },
      },
    },
    async (request) => openPortal(deps, request.params.key, cookieOf(request)),
  );
  api.post(
    '/portal/links/:key/check',
    {
      ...limited,
      schema: {
        tags,
        summary:
          'The identity check: a postcode of the debtor, or the last 4 characters of an invoice number of the case',
        description:
          'Sets the portal cookie. 400 portal_check_failed (attemptsLeft); the fifth wrong answer locks the link (403).',
        params: keyParams,
        body: z.object({ answer: z.string().trim().min(1).max(40) }),
        response: { 200: z.object({ expiresAt: z.string() }), ...errors(400, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const passed = await checkPortalIdentity(deps, request.params.key, request.body.answer);
      reply.setCookie(PORTAL_COOKIE, passed.session, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: COOKIE_PATH,
        expires: new Date(passed.expiresAt),
      });
      return { expiresAt: passed.expiresAt };
    },
  );
  api.get(
    '/portal/links/:key/case',
    {
      ...limited,
      schema: {
        tags,
        summary:
          'What is owed and why, the limits of a payment, a date or a plan, and what was already agreed',
        params: keyParams,
        response: { 200: portalCase, ...errors(401, 403, 404, 429) },
      },
    },
    async (request) => getPortalCase(deps, request.params.key, cookieOf(request)),
  );
  api.post(
    '/portal/links/:key/payments',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Pay all or part by card: starts an attempt and answers the provider’s card page to go to',
        params: keyParams,
        body: z.object({ amountMinor: minor.positive() }),
        response: {
          201: z.object({ attemptId: z.string(), redirectUrl: z.string() }),
          ...errors(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const key = request.params.key;
      const started = await payFromPortal(deps, key, cookieOf(request), {
        amountMinor: request.body.amountMinor,
        locale: requestLocale(request),
        returnTo: returnTo(request, key),
      });
      return reply.code(201).send(started);
    },
  );
  const attemptParams = keyParams.extend({ attemptId: idParam });
  api.get(
    '/portal/links/:key/payments/:attemptId',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Where a card payment stands (the page the provider sends the debtor back to)',
        params: attemptParams,
        response: { 200: attemptView, ...errors(401, 403, 404, 429) },
      },
    },
    async (request) =>
      getPortalAttempt(deps, request.params.key, cookieOf(request), request.params.attemptId),
  );
  api.post(
    '/portal/links/:key/payments/:attemptId/cancel',
    {
      ...limited,
      schema: {
        tags,
        summary: 'The debtor left the card page without paying: the attempt is abandoned',
        params: attemptParams,
        response: { 200: attemptView, ...errors(401, 403, 404, 429) },
      },
    },
    async (request) =>
      cancelPortalAttempt(deps, request.params.key, cookieOf(request), request.params.attemptId),
  );
  agreementRoutes(app, deps, limited);
  requestRoutes(app, deps, limited);
  paymentLinkAdminRoutes(app, deps);
}
