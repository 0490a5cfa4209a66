import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { listPaymentLinks, revokePaymentLink } from '../../use-cases/portal/payment-links-of-case.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam } from '../schemas.ts';
import { tags } from './portal-common.ts';
import { linkView } from './portal-schemas.ts';

/** For the people of the tenant: the links of a case the debtor opened, and revoking one. */
export function paymentLinkAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/cases/:caseId/payment-links',
    {
      schema: {
        tags,
        summary: 'The payment links of a case the debtor opened: openings, failed checks, revocation',
        params: z.object({ caseId: idParam }),
        response: { 200: z.array(linkView).readonly(), ...errors(401, 403, 404) },
      },
    },
    async (request) => listPaymentLinks(deps, actorOf(request), request.params.caseId),
  );
  api.post(
    '/payment-links/:linkId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a link (one opened, or the link of an outbox message: its id is the action’s)',
        params: z.object({ linkId: idParam }),
        response: { 200: linkView, ...errors(401, 403, 404) },
      },
    },
    async (request) => revokePaymentLink(deps, actorOf(request), request.params.linkId),
  );
}
