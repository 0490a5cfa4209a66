import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { createUser } from '../../use-cases/access/create-user.ts';
import { listUsers } from '../../use-cases/access/list-users.ts';
import { minPasswordLength } from '../../use-cases/access/users.ts';
import { listUserRouting, setUserRouting } from '../../use-cases/workspace/queue/user-routing.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, localeSchema, roleSchema } from '../schemas.ts';

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

/** The call queue's routing of a user (issue #5): the team whose queue they work, and their skills. */
const routingFields = {
  team: z.string().nullable().describe('The team whose queue the agent works; null: none'),
  skills: z
    .array(z.string())
    .readonly()
    .describe("Segments ('b2b', 'b2c') and languages ('fr', 'en') the agent takes; empty: any"),
};
const listedUserSchema = userSchema.extend(routingFields);

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
        response: { 200: z.object({ items: z.array(listedUserSchema).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const users = await listUsers(deps, actor);
      const routing = await listUserRouting(deps, actor);
      return {
        items: users.map((u) => ({
          ...u,
          team: routing.get(u.id)?.team ?? null,
          skills: routing.get(u.id)?.skills ?? [],
        })),
      };
    },
  );

  api.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: "Set an agent's team and skills for the call queue (supervisor, admin)",
        params: z.object({ userId: idParam }),
        body: z.object({
          team: z.string().trim().min(1).max(100).nullable().optional(),
          skills: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
        }),
        response: {
          200: z.object({ userId: z.string(), ...routingFields }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => setUserRouting(deps, actorOf(request), request.params.userId, request.body),
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
