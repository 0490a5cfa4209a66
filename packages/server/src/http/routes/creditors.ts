import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { listCreditors } from '../../use-cases/portfolio/list-creditors.ts';
import { setCreditorCharges } from '../../use-cases/portfolio/set-creditor-charges.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam } from '../schemas.ts';

const chargePolicy = z.enum(['charge', 'waive', 'lever']);

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
  interestPolicy: chargePolicy.describe('Late interest: charge, waive, or compute as a negotiation lever'),
  fixedFeePolicy: chargePolicy.describe('The fixed compensation (40 € per late invoice between businesses)'),
  contractRate: z
    .string()
    .nullable()
    .describe('A contractual late-payment rate in percent, or null for the statutory one'),
});

export function creditorRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    '/creditors/:creditorId/charges',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Record whether the creditor charges late interest and the fixed compensation, waives them, or keeps them as a lever',
        params: z.object({ creditorId: idParam }),
        body: z.object({
          interestPolicy: chargePolicy.optional(),
          fixedFeePolicy: chargePolicy.optional(),
          contractRate: z.string().nullable().optional(),
        }),
        response: { 204: z.null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await setCreditorCharges(deps, actorOf(request), request.params.creditorId, request.body);
      return reply.code(204).send(null);
    },
  );

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
