import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { createApiKey } from '../../use-cases/access/create-api-key.ts';
import { listApiKeys } from '../../use-cases/access/list-api-keys.ts';
import { revokeApiKey } from '../../use-cases/access/revoke-api-key.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, roleSchema } from '../schemas.ts';

const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to tell keys apart'),
  role: roleSchema,
  creditorId: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  creditorId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('Required for role client, refused otherwise'),
});

export function apiKeyRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'List the API keys of the tenant (admin)',
        description: 'Revoked keys included; tokens are never shown again.',
        response: { 200: z.object({ items: z.array(apiKeySchema).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listApiKeys(deps, actorOf(request)) }),
  );

  api.post(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (admin)',
        description:
          'The token (`rk_live_…`) is in this answer only: store it now. Use it as `Authorization: Bearer <token>`.',
        body: createApiKeyBody,
        response: {
          201: z.object({ id: z.string(), token: z.string(), key: apiKeySchema }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const created = await createApiKey(deps, actorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  api.delete(
    '/api-keys/:id',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key (admin)',
        params: z.object({ id: idParam }),
        response: { 204: z.null().describe('Revoked'), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiKey(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
