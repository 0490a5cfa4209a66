import {
  DISPOSITION_RULES,
  DISPOSITIONS,
  NON_PAYMENT_REASON_LABELS,
  NON_PAYMENT_REASONS,
} from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { assignCallTask } from '../../use-cases/workspace/queue/assign-task.ts';
import { listQueueAgents } from '../../use-cases/workspace/queue/list-agents.ts';
import { listOutcomes } from '../../use-cases/workspace/queue/list-outcomes.ts';
import { listQueue } from '../../use-cases/workspace/queue/list-queue.ts';
import { lockCase, releaseCase } from '../../use-cases/workspace/queue/lock-case.ts';
import { nextCase } from '../../use-cases/workspace/queue/next-case.ts';
import { recordOutcome } from '../../use-cases/workspace/queue/record-outcome.ts';
import { getMyRouting } from '../../use-cases/workspace/queue/user-routing.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, localizedSchema } from '../schemas.ts';

const scorePart = z.object({
  key: z.enum(['amount', 'age', 'promises', 'contact', 'hour']),
  points: z.number().int(),
  detail: localizedSchema,
});
const instant = z.iso.datetime({ offset: true });

const nextTask = z.object({
  id: z.string(),
  caseId: z.string(),
  debtorName: z.string(),
  kind: z.enum(['agent_call', 'ivr_call']),
  phone: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  priority: z.number().int(),
  scoreParts: z.array(scorePart).readonly(),
  lockedUntil: z.string().nullable(),
  script: z.string().nullable(),
});

const queueEntry = z.object({
  id: z.string(),
  caseId: z.string(),
  debtorName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled', 'expired']),
  priority: z.number().int(),
  scoreParts: z.array(scorePart).readonly(),
  windowStart: z.string(),
  windowEnd: z.string(),
  segment: z.string().nullable(),
  language: z.string().nullable(),
  team: z.string().nullable(),
  pinnedTo: z.string().nullable(),
  lockedBy: z.string().nullable(),
  lockedUntil: z.string().nullable(),
});

const lockView = z.object({
  caseId: z.string(),
  lockedBy: z.string(),
  lockedByName: z.string(),
  lockedUntil: z.string(),
});

const outcomeBody = z.object({
  taskId: idParam.optional().describe('The task called; default: the open task the agent holds on the case'),
  disposition: z.enum(DISPOSITIONS),
  reason: z.enum(NON_PAYMENT_REASONS).optional(),
  note: z.string().max(5000).optional(),
  callbackAt: instant.optional().describe('callback_requested: future instant inside the allowed call hours'),
  callbackToMe: z
    .boolean()
    .optional()
    .describe('false: any agent may take the callback (default: the caller)'),
  phone: z.string().max(40).optional().describe('The number called (default: the task’s)'),
  scriptAnswers: z
    .array(z.object({ question: z.string().max(500), answer: z.string().max(2000) }))
    .max(100)
    .optional(),
  promiseId: idParam.optional(),
  planId: idParam.optional(),
  disputeId: idParam.optional(),
});

const outcomeView = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  agentId: z.string(),
  agentName: z.string(),
  phone: z.string().nullable(),
  disposition: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  callbackAt: z.string().nullable(),
  scriptAnswers: z.array(z.object({ question: z.string(), answer: z.string() })).readonly(),
  promiseId: z.string().nullable(),
  planId: z.string().nullable(),
  disputeId: z.string().nullable(),
  callbackActionId: z.string().nullable(),
  at: z.string(),
});

const dispositionList = z.object({
  dispositions: z.array(
    z.object({
      code: z.enum(DISPOSITIONS),
      label: localizedSchema,
      rightParty: z.boolean(),
      needs: z.object({
        reason: z.boolean(),
        callback: z.boolean(),
        promise: z.boolean(),
        plan: z.boolean(),
        dispute: z.boolean(),
      }),
    }),
  ),
  reasons: z.array(z.object({ code: z.enum(NON_PAYMENT_REASONS), label: localizedSchema })),
});

/** The agent workspace's call queue: next case, locks, assignment, dispositions and outcomes (issue #5). */
export function callQueueRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/queue/next',
    {
      schema: {
        tags: ['calls'],
        summary: 'Take the best case the agent may call now, locked for them (204 when none)',
        description:
          'Open agent calls inside their window, within the agent’s skills and team, not pinned to someone else, ' +
          'not held by another agent; highest priority first. Asking again returns the task already held.',
        response: { 200: z.object({ task: nextTask }), 204: z.null(), ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      const task = await nextCase(deps, actorOf(request));
      return task ? { task } : reply.code(204).send(null);
    },
  );
  api.get(
    '/queue',
    {
      schema: {
        tags: ['calls'],
        summary: 'The agent call queue in hand-out order, with score parts, holders and routing',
        description: 'Supervisors and admins see every task; an agent sees the tasks they may take.',
        querystring: z.object({
          status: z.enum(['open', 'done', 'cancelled', 'expired']).default('open'),
          team: z.string().max(100).optional(),
          agentId: idParam.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.array(queueEntry).readonly(), ...errors(400, 401, 403) },
      },
    },
    async (request) => listQueue(deps, actorOf(request), request.query),
  );
  api.get(
    '/queue/agents',
    {
      schema: {
        tags: ['calls'],
        summary:
          'The active agents and supervisors a call can be given to, with their routing (supervisor, admin)',
        response: {
          200: z
            .array(
              z.object({
                id: z.string(),
                name: z.string(),
                role: z.enum(['agent', 'supervisor']),
                team: z.string().nullable(),
                skills: z.array(z.string()).readonly(),
              }),
            )
            .readonly(),
          ...errors(401, 403),
        },
      },
    },
    async (request) => listQueueAgents(deps, actorOf(request)),
  );
  api.get(
    '/queue/me',
    {
      schema: {
        tags: ['calls'],
        summary: 'The caller’s routing: team and skills',
        response: {
          200: z.object({
            userId: z.string(),
            team: z.string().nullable(),
            skills: z.array(z.string()).readonly(),
          }),
          ...errors(401),
        },
      },
    },
    async (request) => getMyRouting(deps, actorOf(request)),
  );
  api.post(
    '/call-tasks/:taskId/assign',
    {
      schema: {
        tags: ['calls'],
        summary: 'Give an open call to one agent, or back to the queue (supervisor, admin)',
        params: z.object({ taskId: idParam }),
        body: z.object({ agentId: idParam.nullable() }),
        response: {
          200: z.object({ taskId: z.string(), pinnedTo: z.string().nullable() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => assignCallTask(deps, actorOf(request), request.params.taskId, request.body.agentId),
  );
  api.post(
    '/cases/:caseId/lock',
    {
      schema: {
        tags: ['calls'],
        summary:
          'Take or renew the lock on a case opened by hand (409 case_locked when another agent holds it)',
        params: z.object({ caseId: idParam }),
        response: { 200: lockView, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => lockCase(deps, actorOf(request), request.params.caseId),
  );
  api.delete(
    '/cases/:caseId/lock',
    {
      schema: {
        tags: ['calls'],
        summary: 'Let a case go (one’s own lock; any lock for a supervisor or an admin)',
        params: z.object({ caseId: idParam }),
        response: { 200: z.object({ caseId: z.string(), released: z.boolean() }), ...errors(401, 403) },
      },
    },
    async (request) => releaseCase(deps, actorOf(request), request.params.caseId),
  );
  api.get(
    '/dispositions',
    {
      schema: {
        tags: ['calls'],
        summary: 'The disposition codes (with what each needs) and the reasons for non-payment',
        response: { 200: dispositionList, ...errors(401) },
      },
    },
    async (request) => {
      actorOf(request);
      return {
        dispositions: DISPOSITIONS.map((code) => ({ code, ...DISPOSITION_RULES[code] })).map(
          ({ code, label, rightParty, needs }) => ({ code, label, rightParty, needs }),
        ),
        reasons: NON_PAYMENT_REASONS.map((code) => ({ code, label: NON_PAYMENT_REASON_LABELS[code] })),
      };
    },
  );
  api.post(
    '/cases/:caseId/outcomes',
    {
      schema: {
        tags: ['calls'],
        summary: 'Record what came of a call; the task closes, the locks go, the strategy reacts',
        params: z.object({ caseId: idParam }),
        body: outcomeBody,
        response: {
          200: z.object({
            outcomeId: z.string(),
            disposition: z.enum(DISPOSITIONS),
            eventId: z.string(),
            callbackActionId: z.string().nullable(),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => recordOutcome(deps, actorOf(request), request.params.caseId, request.body),
  );
  api.get(
    '/cases/:caseId/outcomes',
    {
      schema: {
        tags: ['calls'],
        summary: 'A case’s call outcomes, newest first',
        params: z.object({ caseId: idParam }),
        response: { 200: z.array(outcomeView).readonly(), ...errors(401, 403, 404) },
      },
    },
    async (request) => listOutcomes(deps, actorOf(request), request.params.caseId),
  );
}
