import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import {
  AGEING_BUCKETS,
  PAYMENT_CHANNELS,
  PLAN_STATUSES,
  PROMISE_STATUSES,
} from '../../use-cases/portfolio/drill-filters.ts';
import { getCase } from '../../use-cases/portfolio/get-case.ts';
import { listCases } from '../../use-cases/portfolio/list-cases.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import {
  ageBucketSchema,
  assessmentSchema,
  caseSummarySchema,
  claimSchema,
  contactSchema,
  debtorKindSchema,
  debtorSchema,
  errors,
  idParam,
  isoDate,
  minor,
  pageOf,
  pageQuery,
  searchQuery,
  sortOrderSchema,
} from '../schemas.ts';

/** `true` / `false` in a URL; only `true` filters. */
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** The filters a dashboard figure opens the list with (use-cases/portfolio/drill-filters.ts). */
const drillQuery = {
  strategyKey: z.string().max(100).optional().describe('The strategy the case follows'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  receivable: flag.describe('A claim open or disputed with something owed'),
  overdue: flag.describe('A claim owed past its due date'),
  disputed: flag.describe('A claim disputed, wholly or in part'),
  dueBucket: z
    .enum(AGEING_BUCKETS)
    .optional()
    .describe('A claim owed whose due date is in this ageing bucket (the dashboard’s)'),
  openDispute: flag.describe('An open dispute'),
  promise: z.enum(PROMISE_STATUSES).optional().describe('A promise made in from–to that became this'),
  plan: z.enum(PLAN_STATUSES).optional().describe('A plan agreed in from–to that is now this'),
  madeChannel: z
    .enum(PAYMENT_CHANNELS)
    .optional()
    .describe('The promise, plan or open dispute made through this channel (portal, ivr, agent, api)'),
  madeBy: idParam.optional().describe('The promise, plan or open dispute made by this agent (user id)'),
  paid: flag.describe('A payment booked in from–to'),
  paidChannel: z.enum(PAYMENT_CHANNELS).optional(),
  paidBy: idParam.optional().describe('A payment booked by this agent (user id)'),
  paidStrategy: z.string().max(100).optional().describe('A payment booked under this strategy'),
  from: isoDate.optional().describe('First day of the promise, plan or payment filters'),
  to: isoDate.optional().describe('Last day, included'),
};

const listCasesQuery = z.object({
  q: searchQuery.describe('Debtor name, debtor ref, SIREN or invoice number (case-insensitive)'),
  creditorId: idParam.optional(),
  debtorId: idParam.optional(),
  status: z.enum(['open', 'closed']).optional(),
  collectability: z.enum(['collectable', 'pre_due', 'blocked', 'settled']).optional(),
  age: ageBucketSchema.optional().describe('Days past due of the oldest open due date'),
  minBalance: z.coerce.number().int().optional().describe('Outstanding, minor units, inclusive'),
  maxBalance: z.coerce.number().int().optional().describe('Outstanding, minor units, inclusive'),
  debtorKind: debtorKindSchema.optional(),
  ...drillQuery,
  sort: z.enum(['balance', 'age', 'debtorName', 'updated']).default('balance'),
  order: sortOrderSchema.default('desc'),
  ...pageQuery,
});

const verdictTotals = z.object({ count: z.number().int(), outstandingMinor: minor });

const caseDetailSchema = z.object({
  case: caseSummarySchema,
  debtor: debtorSchema.extend({ contacts: z.array(contactSchema).readonly() }),
  claims: z.array(claimSchema.extend({ assessment: assessmentSchema })).readonly(),
  totals: z.object({
    currency: z.string(),
    amountMinor: minor,
    outstandingMinor: minor,
    disputedMinor: minor,
    byVerdict: z.object({
      collectable: verdictTotals,
      pre_due: verdictTotals,
      blocked: verdictTotals,
      settled: verdictTotals,
    }),
  }),
  control: z
    .object({
      heldAt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      withdrawalReason: z.string().nullable(),
    })
    .describe('Held or withdrawn by the creditor (creditor portal): nothing is sent while either is set'),
});

export function caseRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/cases',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'List cases (one debtor’s claims for one creditor)',
        description:
          'Collectability and age are computed for today. Sorted by balance, descending, by default.',
        querystring: listCasesQuery,
        response: { 200: pageOf(caseSummarySchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => listCases(deps, actorOf(request), request.query),
  );

  api.get(
    '/cases/:caseId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'One case: debtor, contacts, claims with their collectability, totals',
        description:
          'Each claim carries the reasons it is blocked or at risk, written in the caller’s language.',
        params: z.object({ caseId: idParam }),
        response: { 200: caseDetailSchema, ...errors(401, 403, 404) },
      },
    },
    async (request) =>
      getCase(deps, actorOf(request), { caseId: request.params.caseId, locale: requestLocale(request) }),
  );
}
