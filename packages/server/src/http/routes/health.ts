import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import serverPackage from '../../../package.json' with { type: 'json' };
import type { Deps } from '../../shared/deps.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Is the server up and its database reachable?',
        description: 'No authentication. Runs a trivial query on the database; 503 when it fails.',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      const answer = { database: deps.database.dialect, version: serverPackage.version };
      try {
        await sql`select 1`.execute(deps.database.db);
        return { status: 'ok' as const, ...answer };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        return reply.code(503).send({ status: 'unavailable' as const, ...answer });
      }
    },
  );
}
