import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { createUser } from '../../use-cases/access/create-user.ts';
import { listUsers } from '../../use-cases/access/list-users.ts';
import { minPasswordLength } from '../../use-cases/access/users.ts';
import { actorOf } from '../auth.ts';
import { errors, localeSchema, roleSchema } from '../schemas.ts';

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  creditorId: z.string().nullable(),
  locale: localeSchema,
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});

const createUserBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(minPasswordLength).max(1024),
  creditorId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('Required for role client, refused otherwise'),
  locale: localeSchema.default('fr'),
});

export function userRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List the users of the tenant (admin)',
        response: { 200: z.object({ items: z.array(userSchema).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listUsers(deps, actorOf(request)) }),
  );

  api.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        description: `E-mails are unique across tenants (409 when taken). Passwords need ${minPasswordLength} characters.`,
        body: createUserBody,
        response: { 201: userSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps, actorOf(request), request.body);
      return reply.code(201).send(user);
    },
  );
}
