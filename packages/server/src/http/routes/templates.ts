import { VARIABLE_CATALOG } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { previewTemplate } from '../../use-cases/templates/preview-template.ts';
import { getTemplate, listTemplates, saveTemplate } from '../../use-cases/templates/templates.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, localeSchema } from '../schemas.ts';

const channelSchema = z.enum(['email', 'sms', 'letter', 'call']);
const localized = z.object({ fr: z.string(), en: z.string() });
const issueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  field: z.enum(['subject', 'body']),
  line: z.number().int(),
  column: z.number().int(),
  path: z.string(),
  message: localized,
});
const templateParams = z.object({
  key: z.string().min(1).max(64),
  channel: channelSchema,
  language: localeSchema,
});

export function templateRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'Every template (key × channel × language): the tenant’s newest version or the shipped text',
        response: {
          200: z.object({
            items: z
              .array(
                z.object({
                  key: z.string(),
                  channel: channelSchema,
                  language: localeSchema,
                  version: z.number().int().nullable(),
                  source: z.enum(['tenant', 'shipped']),
                  shipped: z.boolean(),
                  updatedAt: z.string().nullable(),
                }),
              )
              .readonly(),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => ({ items: await listTemplates(deps, actorOf(request)) }),
  );

  api.get(
    '/templates/:key/:channel/:language',
    {
      schema: {
        tags: ['templates'],
        summary: 'One template in force, the shipped text, and every saved version (newest first)',
        params: templateParams,
        response: {
          200: z.object({
            key: z.string(),
            channel: channelSchema,
            language: localeSchema,
            subject: z.string().nullable(),
            body: z.string(),
            version: z.number().int().nullable(),
            source: z.enum(['tenant', 'shipped']),
            shipped: z.object({ subject: z.string().nullable(), body: z.string() }).nullable(),
            versions: z
              .array(
                z.object({
                  version: z.number().int(),
                  subject: z.string().nullable(),
                  body: z.string(),
                  createdAt: z.string(),
                  createdBy: z.string().nullable(),
                }),
              )
              .readonly(),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => getTemplate(deps, actorOf(request), request.params),
  );

  api.put(
    '/templates/:key/:channel/:language',
    {
      schema: {
        tags: ['templates'],
        summary: 'Save a new version of a template',
        description:
          'Refused with 400 and `details.issues` (line, column, variable, a sentence in French and English) when the template names an unknown variable or is malformed. Warnings (an optional value printed unguarded) are returned but do not refuse.',
        params: templateParams,
        body: z.object({ subject: z.string().max(300).nullable().optional(), body: z.string().max(50_000) }),
        response: {
          201: z.object({ version: z.number().int(), issues: z.array(issueSchema).readonly() }),
          ...errors(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await saveTemplate(deps, actorOf(request), request.params, request.body)),
  );

  api.post(
    '/templates/preview',
    {
      schema: {
        tags: ['templates'],
        summary: 'Render a template being edited on a real case (or a sample case), or list its issues',
        body: z.object({
          channel: channelSchema,
          language: localeSchema,
          subject: z.string().max(300).nullable().optional(),
          body: z.string().max(50_000),
          caseId: idParam.nullable().optional(),
        }),
        response: {
          200: z.object({
            issues: z.array(issueSchema).readonly(),
            rendered: z
              .object({ subject: z.string().nullable(), text: z.string(), html: z.string().nullable() })
              .nullable(),
            sample: z.boolean(),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => previewTemplate(deps, actorOf(request), request.body),
  );

  api.get(
    '/template-variables',
    {
      schema: {
        tags: ['templates'],
        summary: 'The variables a template may name, with their type and a description in French and English',
        response: {
          200: z.object({
            items: z
              .array(
                z.object({
                  path: z.string(),
                  type: z.string(),
                  optional: z.boolean(),
                  items: z.enum(['object', 'text']).optional(),
                  description: localized,
                }),
              )
              .readonly(),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      requirePermission(actorOf(request), 'strategies:read');
      return { items: VARIABLE_CATALOG };
    },
  );
}
