import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getClaim } from '../../use-cases/portfolio/get-claim.ts';
import { listClaims } from '../../use-cases/portfolio/list-claims.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import {
  assessmentSchema,
  claimSchema,
  contactSchema,
  creditorRefSchema,
  debtorKindSchema,
  errors,
  idParam,
  isoDate,
  pageOf,
  pageQuery,
  searchQuery,
  sortOrderSchema,
  verdictSchema,
} from '../schemas.ts';

const listClaimsQuery = z.object({
  q: searchQuery.describe('Invoice number, external ref or debtor name (case-insensitive)'),
  creditorId: idParam.optional(),
  debtorId: idParam.optional(),
  caseId: idParam.optional(),
  status: z.enum(['open', 'disputed', 'paid', 'cancelled']).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  minOutstanding: z.coerce.number().int().optional(),
  maxOutstanding: z.coerce.number().int().optional(),
  sort: z.enum(['dueDate', 'outstanding', 'amount', 'invoiceNumber', 'updated']).default('dueDate'),
  order: sortOrderSchema.default('asc'),
  ...pageQuery,
});

const debtorRef = z.object({ id: z.string(), ref: z.string(), name: z.string(), kind: debtorKindSchema });

const claimListItem = claimSchema.extend({
  debtor: debtorRef,
  creditor: creditorRefSchema,
  verdict: verdictSchema,
  settled: z.boolean(),
});

const claimDetail = claimSchema.extend({
  debtor: debtorRef.extend({ contacts: z.array(contactSchema).readonly() }),
  creditor: creditorRefSchema,
  assessment: assessmentSchema,
});

export function claimRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/claims',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'List claims (invoices)',
        description:
          'Each item carries the core’s verdict for today; the reasons are on GET /claims/{claimId}.',
        querystring: listClaimsQuery,
        response: { 200: pageOf(claimListItem), ...errors(400, 401, 403) },
      },
    },
    async (request) => listClaims(deps, actorOf(request), request.query),
  );

  api.get(
    '/claims/:claimId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'One claim with its parties and its collectability assessment',
        params: z.object({ claimId: idParam }),
        response: { 200: claimDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) =>
      getClaim(deps, actorOf(request), { claimId: request.params.claimId, locale: requestLocale(request) }),
  );
}
