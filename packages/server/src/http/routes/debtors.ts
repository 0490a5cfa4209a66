import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getDebtor } from '../../use-cases/portfolio/get-debtor.ts';
import { listDebtors } from '../../use-cases/portfolio/list-debtors.ts';
import { actorOf } from '../auth.ts';
import {
  caseSummarySchema,
  contactSchema,
  debtorKindSchema,
  debtorSchema,
  errors,
  idParam,
  pageOf,
  pageQuery,
  searchQuery,
  sortOrderSchema,
} from '../schemas.ts';

const listDebtorsQuery = z.object({
  q: searchQuery.describe('Name, ref or SIREN (case-insensitive)'),
  creditorId: idParam.optional(),
  kind: debtorKindSchema.optional(),
  sort: z.enum(['name', 'updated']).default('name'),
  order: sortOrderSchema.default('asc'),
  ...pageQuery,
});

const debtorListItem = debtorSchema.extend({ caseCount: z.number().int(), claimCount: z.number().int() });

const debtorDetail = debtorSchema.extend({
  contacts: z.array(contactSchema).readonly(),
  cases: z.array(caseSummarySchema).readonly(),
});

export function debtorRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/debtors',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'List debtors',
        querystring: listDebtorsQuery,
        response: { 200: pageOf(debtorListItem), ...errors(400, 401, 403) },
      },
    },
    async (request) => listDebtors(deps, actorOf(request), request.query),
  );

  api.get(
    '/debtors/:debtorId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'One debtor with its contacts and cases',
        params: z.object({ debtorId: idParam }),
        response: { 200: debtorDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) => getDebtor(deps, actorOf(request), request.params.debtorId),
  );
}
