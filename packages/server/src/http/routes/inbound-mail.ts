import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { ingestMail } from '../../use-cases/dispatch/ingest-mail.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

/**
 * `POST /inbound/email`: a raw message (Content-Type message/rfc822), e.g. piped by the MTA that receives the
 * bounces of the sending address, authenticated with an API key. Delivery reports and read receipts are
 * recorded once each.
 */
export function inboundMailRoutes(app: FastifyInstance, deps: Deps): void {
  app.addContentTypeParser(
    'message/rfc822',
    { parseAs: 'buffer', bodyLimit: 25 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/inbound/email',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Ingest an inbound e-mail: a delivery status notification (bounce) or a read receipt',
        consumes: ['message/rfc822'],
        response: {
          200: z.object({
            kind: z.enum(['report', 'other']),
            reports: z
              .array(
                z.object({
                  kind: z.enum(['bounced', 'delayed', 'delivered', 'read']),
                  actionId: z.string().nullable(),
                  outcome: z.enum(['recorded', 'duplicate', 'unknown']),
                }),
              )
              .readonly(),
          }),
          ...errors(400, 401, 403, 413),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'cases:act');
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? ''));
      return ingestMail(deps, actor.tenantId, raw);
    },
  );
}
