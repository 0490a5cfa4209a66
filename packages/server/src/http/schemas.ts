import { z } from 'zod';
import { ageBuckets } from '../use-cases/portfolio/ages.ts';
import { maxPageSize } from '../use-cases/portfolio/pagination.ts';
import { errorResponseSchema } from './errors.ts';

/** Response and query pieces shared by several route files. Field names are camelCase; money is integer minor units. */

export const idParam = z.string().min(1).max(100);
export const isoDate = z.iso.date();
export const minor = z.number().int().describe('Amount in minor units (cents), with `currency` beside it');
export const roleSchema = z.enum(['admin', 'supervisor', 'agent', 'client']);
export const localeSchema = z.enum(['fr', 'en']);
export const debtorKindSchema = z.enum(['business', 'consumer']);
export const sortOrderSchema = z.enum(['asc', 'desc']);
export const ageBucketSchema = z.enum(ageBuckets);

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).describe('1-based page number'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize)
    .default(50)
    .describe(`Items per page (at most ${maxPageSize})`),
};

/** A search text; an empty `?q=` means no search. */
export const searchQuery = z.string().trim().max(200).optional();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).readonly(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const creditorRefSchema = z.object({ id: z.string(), ref: z.string(), name: z.string() });

export const localizedSchema = z.object({ fr: z.string(), en: z.string() });

export const nextActionSchema = z.object({
  on: z.string(),
  kind: z.enum(['step', 'promise_check', 'plan_check', 'pause_end']),
  stepKey: z.string().nullable(),
  stepName: localizedSchema.nullable(),
  channels: z.array(z.string()).readonly(),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  currency: z.string(),
  outstandingMinor: minor,
  disputedMinor: minor,
  claimCount: z.number().int(),
  openClaimCount: z.number().int(),
  oldestDueDate: z.string().nullable(),
  daysPastDue: z.number().int().nullable(),
  ageBucket: ageBucketSchema.nullable(),
  earliestPrescriptionEnd: z.string().nullable(),
  collectability: z.enum(['collectable', 'pre_due', 'blocked', 'settled']),
  openedAt: z.string(),
  updatedAt: z.string(),
  strategyKey: z.string().nullable(),
  stage: z
    .string()
    .describe(
      "'new' before the first run, then pre_due, active, paused, promise, plan, held, completed or exhausted",
    ),
  nextAction: nextActionSchema.nullable().describe('What the engine does next, and when'),
  creditor: creditorRefSchema,
  debtor: z.object({
    id: z.string(),
    ref: z.string(),
    name: z.string(),
    kind: debtorKindSchema,
    siren: z.string().nullable(),
  }),
});

export const contactSchema = z.object({
  id: z.string(),
  kind: z.enum(['email', 'phone', 'postal']),
  value: z.string(),
  label: z.string().nullable(),
  validity: z.enum(['valid', 'invalid', 'unverified']),
  consent: z.enum(['granted', 'withdrawn', 'unknown']),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  raw: z.string().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});

export const debtorSchema = z.object({
  id: z.string(),
  ref: z.string(),
  kind: debtorKindSchema,
  name: z.string(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  language: localeSchema,
  timeZone: z.string(),
  tags: z.array(z.string()).readonly(),
  creditor: creditorRefSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const claimSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  creditorId: z.string(),
  debtorId: z.string(),
  invoiceNumber: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string(),
  amountMinor: minor,
  outstandingMinor: minor,
  disputedMinor: minor.describe('The part under dispute: all of a disputed claim, part of an open one'),
  currency: z.string(),
  status: z.enum(['open', 'disputed', 'paid', 'cancelled']),
  disputeReason: z.string().nullable(),
  prescriptionBasis: z.string(),
  prescriptionEnd: z.string(),
  externalRef: z.string().nullable(),
  description: z.string().nullable(),
  importId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const reasonSchema = z.object({
  code: z.string(),
  data: z.record(z.string(), z.unknown()),
  message: z.string().describe('The reason as a sentence in the caller’s language'),
});

export const verdictSchema = z.enum(['collectable', 'pre_due', 'blocked']);

export const assessmentSchema = z.object({
  verdict: verdictSchema,
  settled: z.boolean(),
  blocks: z.array(reasonSchema).readonly(),
  warnings: z.array(reasonSchema).readonly(),
});

/** The error answers a route may give, for the OpenAPI document. */
export function errors<const S extends readonly (400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503)[]>(
  ...statuses: S
): { [K in S[number]]: typeof errorResponseSchema } {
  return Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as {
    [K in S[number]]: typeof errorResponseSchema;
  };
}
