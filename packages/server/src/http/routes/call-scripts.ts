import { SCRIPT_ACTIONS, SCRIPT_REASONS, SUGGESTED_DISPOSITIONS } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getScript, listScripts } from '../../use-cases/workspace/scripts/list-scripts.ts';
import { resolveScriptForCase } from '../../use-cases/workspace/scripts/resolve-script.ts';
import { saveScript } from '../../use-cases/workspace/scripts/save-script.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, localeSchema } from '../schemas.ts';

const keySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
  .describe('Lower-case letters, digits, - and _');

const answerSchema = z.object({
  label: z.string().max(500),
  next: z.string().max(100).optional(),
  reason: z.enum(SCRIPT_REASONS).optional().describe('The reason for non-payment the answer qualifies'),
  suggest: z.enum(SUGGESTED_DISPOSITIONS).optional().describe('The call outcome it suggests'),
  action: z.enum(SCRIPT_ACTIONS).optional().describe('What the case screen offers next'),
});

const nodeSchema = z.object({
  say: z.string().max(5000).describe('What the agent says; may use {{variables}} of the template catalog'),
  arguments: z.array(z.string().max(5000)).max(50).readonly().optional().describe('Answers to objections'),
  answers: z.array(answerSchema).max(50).readonly().optional().describe('None: the node ends the call'),
});

const definitionSchema = z.object({
  start: z.string().min(1).max(100),
  nodes: z.record(z.string().min(1).max(100), nodeSchema),
});

const summary = z.object({
  key: z.string(),
  language: localeSchema,
  version: z.number().int().describe('0: the shipped default'),
  title: z.string(),
  strategyKey: z.string().nullable(),
  stepKey: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});

/** The agent workspace's call scripts (issue #5). */
export function callScriptRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/call-scripts',
    {
      schema: {
        tags: ['scripts'],
        summary:
          'The call scripts: the latest version of each key and language (the shipped default included)',
        response: { 200: z.array(summary).readonly(), ...errors(401, 403) },
      },
    },
    async (request) => listScripts(deps, actorOf(request)),
  );
  api.get(
    '/call-scripts/:key',
    {
      schema: {
        tags: ['scripts'],
        summary: 'One call script (its latest version, or ?version=) and the list of its versions',
        params: z.object({ key: keySchema }),
        querystring: z.object({
          language: localeSchema.default('fr'),
          version: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: summary.extend({
            definition: definitionSchema,
            versions: z
              .array(
                z.object({
                  version: z.number().int(),
                  title: z.string(),
                  createdBy: z.string().nullable(),
                  createdAt: z.string(),
                }),
              )
              .readonly(),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      getScript(deps, actorOf(request), request.params.key, request.query.language, request.query.version),
  );
  api.put(
    '/call-scripts/:key',
    {
      schema: {
        tags: ['scripts'],
        summary:
          'Save a new version of a call script (supervisors and admins); 400 with the mistakes located by node',
        params: z.object({ key: keySchema }),
        body: z.object({
          language: localeSchema,
          title: z.string().trim().min(1).max(200),
          strategyKey: z.string().max(100).nullable().optional(),
          stepKey: z.string().max(100).nullable().optional(),
          definition: definitionSchema,
        }),
        response: {
          200: z.object({ key: z.string(), language: localeSchema, version: z.number().int() }),
          ...errors(400, 401, 403, 409),
        },
      },
    },
    async (request) => saveScript(deps, actorOf(request), request.params.key, request.body),
  );
  api.get(
    '/cases/:caseId/script',
    {
      schema: {
        tags: ['scripts'],
        summary: 'The script for the case’s current strategy step, its texts filled in for the case',
        params: z.object({ caseId: idParam }),
        querystring: z.object({ language: localeSchema.optional() }),
        response: {
          200: z.object({
            key: z.string(),
            language: localeSchema,
            version: z.number().int(),
            title: z.string(),
            strategyKey: z.string().nullable(),
            stepKey: z.string().nullable(),
            start: z.string(),
            nodes: z.record(z.string(), nodeSchema),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) =>
      resolveScriptForCase(deps, actorOf(request), request.params.caseId, request.query.language),
  );
}
