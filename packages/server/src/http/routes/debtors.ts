import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getDebtor } from '../../use-cases/portfolio/get-debtor.ts';
import { listDebtors } from '../../use-cases/portfolio/list-debtors.ts';
import { setDebtorTags } from '../../use-cases/portfolio/set-debtor-tags.ts';
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

/** Loose bounds only: each tag's rules (1–40 characters, at most 20) are the use case's, with a message naming it. */
const debtorTagsBody = z.object({
  tags: z
    .array(z.string().max(1000))
    .max(200)
    .describe(
      "The debtor's tags, replacing the present ones: trimmed, lower-cased, de-duplicated and sorted; 1–40 characters each, at most 20. 'senior' and 'active' (or 'actif') choose the contact hours.",
    ),
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
  api.patch(
    '/debtors/:debtorId',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          "Set a debtor's tags (audited); its open cases are looked at again by the next run, their strategy stays",
        params: z.object({ debtorId: idParam }),
        body: debtorTagsBody,
        response: { 200: debtorDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => setDebtorTags(deps, actorOf(request), request.params.debtorId, request.body),
  );
}
