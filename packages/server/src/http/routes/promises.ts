import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { cancelPromise } from '../../use-cases/workspace/promises/cancel-promise.ts';
import { listPromises } from '../../use-cases/workspace/promises/list-promises.ts';
import { PROMISE_CHANNELS } from '../../use-cases/workspace/promises/promise-view.ts';
import { recordPromise } from '../../use-cases/workspace/promises/record-promise.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, isoDate, minor } from '../schemas.ts';

const dateSchema = z.object({ dueOn: isoDate, amountMinor: minor });

const promiseView = z.object({
  id: z.string(),
  caseId: z.string(),
  schedule: z.array(dateSchema).readonly(),
  amountMinor: minor,
  currency: z.string(),
  baselineMinor: minor.describe('What was owed when the promise was made'),
  status: z.enum(['open', 'kept', 'partly_kept', 'broken', 'cancelled']),
  paidMinor: minor.describe('Paid since the promise, as the daily run last measured it'),
  checkedOn: z.string().nullable(),
  endReason: z.string().nullable().describe("'superseded' or 'cancelled' when it ended without a check"),
  madeOn: z.string(),
  madeBy: z.string().describe("'user:<id>', 'debtor' (portal) or 'system'"),
  channel: z.string(),
  note: z.string().nullable(),
});

const historySchema = z.object({
  kept: z.number().int(),
  broken: z.number().int(),
  partlyKept: z.number().int(),
});

/** The agent workspace's promises to pay (issue #5). */
export function promiseRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/cases/:caseId/promises',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Record a promise to pay (one date or several); the written confirmation is queued at once',
        description:
          'Dates strictly increasing, from today, within the horizon (90 days unless the creditor allows more); ' +
          'the total at most what is owed on undisputed claims. An open promise of the case is superseded.',
        params: z.object({ caseId: idParam }),
        body: z.object({
          schedule: z
            .array(z.object({ dueOn: isoDate, amountMinor: minor.positive() }))
            .min(1)
            .max(12),
          channel: z.enum(PROMISE_CHANNELS),
          note: z.string().max(2000).optional(),
        }),
        response: {
          201: promiseView.extend({
            confirmation: z
              .object({ actionId: z.string(), channel: z.string(), status: z.string() })
              .nullable()
              .describe('The confirmation in the outbox; null when the strategy sends none'),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const created = await recordPromise(deps, actorOf(request), request.params.caseId, request.body);
      return reply.code(201).send(created);
    },
  );
  api.get(
    '/cases/:caseId/promises',
    {
      schema: {
        tags: ['workspace'],
        summary: "A case's promises, newest first, with the debtor's promise history",
        params: z.object({ caseId: idParam }),
        response: {
          200: z.object({
            caseId: z.string(),
            promises: z.array(promiseView).readonly(),
            history: historySchema,
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => listPromises(deps, actorOf(request), request.params.caseId),
  );
  api.post(
    '/promises/:promiseId/cancel',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Cancel an open promise (it stops holding the ladder and counts nothing against the debtor)',
        params: z.object({ promiseId: idParam }),
        body: z.object({ note: z.string().max(2000).optional() }).default({}),
        response: { 200: promiseView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelPromise(deps, actorOf(request), request.params.promiseId, request.body),
  );
}
