import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import {
  listStrategies,
  listStrategyVersions,
  saveAssignment,
  saveStrategy,
} from '../../use-cases/strategies/strategies.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

/** Responses carry the definition as stored; its shape is the request schema of POST /strategies. */
const definitionOut = z
  .record(z.string(), z.unknown())
  .describe('A strategy definition, as accepted by POST /strategies');

const strategyView = z.object({
  key: z.string(),
  version: z.number().int(),
  definition: definitionOut,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  caseCount: z.number().int(),
});

export function strategyRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/strategies',
    {
      schema: {
        tags: ['strategies'],
        summary: 'The strategies (latest version of each) and the assignment rules',
        description:
          'A tenant starts with three ready strategies: B2B, consumers "active", consumers "senior".',
        response: {
          200: z.object({
            items: z.array(strategyView).readonly(),
            assignment: z.record(z.string(), z.unknown()),
            assignmentVersion: z.number().int(),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => listStrategies(deps, actorOf(request)),
  );

  api.get(
    '/strategies/versions',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Every version of a strategy, newest first',
        querystring: z.object({ key: z.string().min(1) }),
        response: {
          200: z
            .array(
              z.object({
                version: z.number().int(),
                definition: definitionOut,
                createdAt: z.string(),
                createdBy: z.string().nullable(),
              }),
            )
            .readonly(),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => listStrategyVersions(deps, actorOf(request), request.query.key),
  );

  api.post(
    '/strategies',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Save a strategy: a new version (or a new strategy)',
        description:
          'The body is the strategy as JSON. Mistakes are refused with 400 and `details.issues`: each with its JSON path and a message in French and English.',
        body: z.unknown(),
        response: {
          201: z.object({ key: z.string(), version: z.number().int() }),
          ...errors(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await saveStrategy(deps, actorOf(request), request.body)),
  );

  api.put(
    '/strategies/assignment',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Replace the assignment rules (segment → strategy, first match wins, then the default)',
        body: z.unknown(),
        response: { 200: z.object({ version: z.number().int() }), ...errors(400, 401, 403) },
      },
    },
    async (request) => saveAssignment(deps, actorOf(request), request.body),
  );
}
