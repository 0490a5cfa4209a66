import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getCurrentActor } from '../../use-cases/access/get-current-actor.ts';
import { signIn } from '../../use-cases/access/sign-in.ts';
import { signOut } from '../../use-cases/access/sign-out.ts';
import { actorOf, clearSessionCookie, sessionToken, setSessionCookie } from '../auth.ts';
import { errors, localeSchema, roleSchema } from '../schemas.ts';
import type { SignInLimiter } from '../sign-in-limiter.ts';
import { userSchema } from './users.ts';

const signInBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

const meSchema = z.object({
  kind: z.enum(['user', 'api_key', 'cli', 'system']),
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  locale: localeSchema,
  tenant: z.object({ id: z.string(), name: z.string(), kind: z.enum(['creditor', 'agency']) }),
  creditor: z.object({ id: z.string(), ref: z.string(), name: z.string() }).nullable(),
  team: z
    .string()
    .nullable()
    .describe('The team whose call queue the user works; null: none (and for keys).'),
  skills: z
    .array(z.string())
    .readonly()
    .describe("Segments ('b2b', 'b2c') and languages the user's calls are routed by; empty: any."),
});

export function authRoutes(app: FastifyInstance, deps: Deps, limiter: SignInLimiter): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        description:
          'Opens a 30-day session and sets the httpOnly cookie `relance_session`. A wrong e-mail and a wrong ' +
          'password give the same 401. After 10 failures in 15 minutes for one e-mail and address: 429.',
        body: signInBody,
        response: { 200: z.object({ user: userSchema, expiresAt: z.string() }), ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const key = `${request.body.email.toLowerCase()}|${request.ip}`;
      const nowMs = () => Date.parse(deps.clock.now());
      await limiter.check(key, nowMs());
      try {
        const session = await signIn(deps, request.body);
        await limiter.recordSuccess(key);
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return { user: session.user, expiresAt: session.expiresAt };
      } catch (error) {
        await limiter.recordFailure(key, nowMs());
        throw error;
      }
    },
  );

  api.post(
    '/auth/sign-out',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        description: 'Ends the session of the cookie (if any) and clears the cookie. Always 204.',
        response: { 204: z.null().describe('No content') },
      },
    },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await signOut(deps, token);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who am I?',
        description:
          'The caller (user or API key), its role, tenant, creditor scope (clients only), and the team and ' +
          'skills its calls are routed by.',
        response: { 200: meSchema, ...errors(401) },
      },
    },
    async (request) => getCurrentActor(deps, actorOf(request)),
  );
}
