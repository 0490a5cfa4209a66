import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getLive } from '../../use-cases/kpis/get-live.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

const int = z.number().int();
const counts = z.array(z.object({ key: z.string(), count: int })).readonly();

const liveSchema = z.object({
  asOf: z.string(),
  today: z.string(),
  run: z
    .object({
      id: z.string(),
      status: z.string(),
      trigger: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      batches: int,
      casesEvaluated: int,
      casesRemaining: int.describe('Open cases due today not evaluated yet (0 once the run is over)'),
      blocked: int,
      actionsByChannel: counts,
      error: z.string().nullable(),
    })
    .nullable()
    .describe('Today’s latest run; null before it starts'),
  outbox: z.object({
    today: z.array(z.object({ channel: z.string(), status: z.string(), count: int })).readonly(),
    backlog: z.object({ count: int, oldestScheduledAt: z.string().nullable() }),
  }),
  callQueue: z.object({
    depth: int,
    oldestWaitingSince: z.string().nullable(),
    groups: z
      .array(
        z.object({
          team: z.string().nullable(),
          segment: z.string().nullable(),
          language: z.string().nullable(),
          count: int,
          oldestWaitingSince: z.string(),
        }),
      )
      .readonly(),
  }),
  agents: z.object({ signedIn: int, onCase: int }),
  callbacks: z.object({ dueToday: int, overdue: int }),
  payments: z.object({
    byCurrency: z
      .array(
        z.object({
          currency: z.string(),
          count: int,
          amountMinor: int,
          byChannel: z.array(z.object({ channel: z.string(), count: int, amountMinor: int })).readonly(),
        }),
      )
      .readonly(),
  }),
  portal: z.object({ linksOpened: int, verified: int, attempts: counts, inputErrors: int }),
});

export function liveRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/live',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Now: today’s run, the outbox and its backlog, the call queue, agents, callbacks, payments and the portal today',
        description: 'Supervisors and admins. Read from the rows on every call: poll it every few seconds.',
        response: { 200: liveSchema, ...errors(401, 403) },
      },
    },
    async (request) => getLive(deps, actorOf(request)),
  );
}
