import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { confirmAction, retryAction } from '../../use-cases/dispatch/confirm-action.ts';
import { listOutbox, OUTBOX_STATUSES } from '../../use-cases/dispatch/list-outbox.ts';
import { listDemoMailbox, readDemoMailboxMessage } from '../../use-cases/dispatch/read-mailbox.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, idParam } from '../schemas.ts';

const statusEnum = z.enum(OUTBOX_STATUSES as [string, ...string[]]);

const outboxItem = z.object({
  id: z.string(),
  caseId: z.string(),
  debtorName: z.string(),
  creditorRef: z.string(),
  plannedOn: z.string(),
  scheduledAt: z.string().nullable(),
  channel: z.string(),
  template: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z
    .string()
    .nullable()
    .describe(
      'The provider’s or SMTP server’s own words about the last failure, or (lastErrorOurs) Relance’s note on why it cancelled or set it aside, in the reader’s language',
    ),
  lastErrorOurs: z.boolean(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  provider: z.string().nullable(),
  messageId: z.string().nullable(),
  reasonText: z.string(),
  gateText: z.string().nullable().describe('Why the compliance gate held it, in the reader’s language'),
});

const mailboxEntry = z.object({
  id: z.string(),
  actionId: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  subject: z.string().nullable(),
  date: z.string().nullable(),
  size: z.number().int(),
});

export function dispatchRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary:
          'The outbox by status, with the count of each status (planned, sending, sent, failed, unconfirmed…)',
        querystring: z.object({
          status: statusEnum.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            counts: z.record(z.string(), z.number().int()),
            items: z.array(outboxItem).readonly(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) =>
      listOutbox(deps, actorOf(request), {
        status: request.query.status as Parameters<typeof listOutbox>[2]['status'],
        limit: request.query.limit,
        offset: request.query.offset,
        locale: requestLocale(request),
      }),
  );

  api.post(
    '/actions/:actionId/confirm',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Decide an unconfirmed action: it was sent, or send it again (audited)',
        description:
          'An action is unconfirmed when a dispatcher stopped while the SMTP server (or another provider without idempotency) had the message: whether it left is unknown, so it is never re-sent automatically.',
        params: z.object({ actionId: idParam }),
        body: z.object({ answer: z.enum(['sent', 'resend']) }),
        response: {
          200: z.object({ actionId: z.string(), status: z.enum(['sent', 'planned']) }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => confirmAction(deps, actorOf(request), request.params.actionId, request.body.answer),
  );

  api.post(
    '/actions/:actionId/retry',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Put a failed action back in the outbox, due now (audited)',
        params: z.object({ actionId: idParam }),
        response: {
          200: z.object({ actionId: z.string(), status: z.literal('planned') }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => retryAction(deps, actorOf(request), request.params.actionId),
  );

  api.get(
    '/mailbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'The demo mailbox: the e-mails the dispatcher sent to the demo SMTP server, newest first',
        description:
          'With `id`, that one message with its text and HTML parts (an empty list when it is not there).',
        querystring: z.object({ id: idParam.optional() }),
        response: {
          200: z
            .array(
              mailboxEntry.extend({
                text: z.string().nullable().optional(),
                html: z.string().nullable().optional(),
                attachments: z
                  .array(
                    z.object({
                      fileName: z.string().nullable(),
                      contentType: z.string(),
                      size: z.number().int(),
                    }),
                  )
                  .readonly()
                  .optional(),
              }),
            )
            .readonly(),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.query;
      if (id === undefined) return listDemoMailbox(deps, actor);
      const message = await readDemoMailboxMessage(deps, actor, id);
      return message ? [message] : [];
    },
  );
}
