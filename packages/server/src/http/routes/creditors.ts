import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { listCreditors } from '../../use-cases/portfolio/list-creditors.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

const creditorSchema = z.object({
  id: z.string(),
  ref: z.string().describe('The reference people type, e.g. in imports'),
  name: z.string(),
  siren: z.string().nullable(),
  isProfessional: z.boolean(),
  country: z.string(),
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function creditorRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/creditors',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'List the creditors of the tenant',
        description: 'A client sees only its own creditor.',
        response: { 200: z.object({ items: z.array(creditorSchema).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listCreditors(deps, actorOf(request)) }),
  );
}
