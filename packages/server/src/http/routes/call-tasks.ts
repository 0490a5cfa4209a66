import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCallTasks } from '../../channels/voice/list-call-tasks.ts';
import { CALL_OUTCOMES, recordCallOutcome } from '../../channels/voice/record-call-outcome.ts';
import type { Deps } from '../../shared/deps.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, isoDate, minor } from '../schemas.ts';

const statusSchema = z.enum(['open', 'done', 'cancelled', 'expired']);
const kindSchema = z.enum(['agent_call', 'ivr_call']);

const taskView = z.object({
  id: z.string(),
  actionId: z.string(),
  caseId: z.string(),
  debtorName: z.string(),
  kind: kindSchema,
  phone: z.string().nullable(),
  windowStart: z.string().describe('UTC instant from which the call is allowed'),
  windowEnd: z.string().describe('UTC instant after which the task expires'),
  priority: z.number().int(),
  status: statusSchema,
  script: z.string().nullable(),
  outcome: z.string().nullable(),
  assignedTo: z.string().nullable(),
});

export function callTaskRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/call-tasks',
    {
      schema: {
        tags: ['calls'],
        summary: 'The call queue (agents and IVR), by window then priority',
        querystring: z.object({
          status: statusSchema.default('open'),
          kind: kindSchema.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.array(taskView).readonly(), ...errors(400, 401, 403) },
      },
    },
    async (request) => listCallTasks(deps, actorOf(request), request.query),
  );
  api.post(
    '/call-tasks/:taskId/outcome',
    {
      schema: {
        tags: ['calls'],
        summary: 'Record what came of a call; the strategy reacts (unanswered calls, wrong number, promise)',
        params: z.object({ taskId: idParam }),
        body: z.object({
          outcome: z.enum(CALL_OUTCOMES),
          note: z.string().max(5000).optional(),
          promise: z.object({ dueOn: isoDate, amountMinor: minor.positive() }).optional(),
        }),
        response: {
          200: z.object({ taskId: z.string(), outcome: z.enum(CALL_OUTCOMES), eventId: z.string() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => recordCallOutcome(deps, actorOf(request), request.params.taskId, request.body),
  );
}
