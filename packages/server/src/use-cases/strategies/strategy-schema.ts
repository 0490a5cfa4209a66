import { ACTION_CHANNELS, type AssignmentRules, type StrategyDefinition } from '@relance/core';
import { z } from 'zod';

/** The shape of a strategy as supervisors write it; `checkStrategy` (core) then checks its meaning. */
const localized = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();
const channel = z.enum(ACTION_CHANNELS as [string, ...string[]]);
const action = z
  .object({
    channel,
    template: z.string().min(1),
    agencies: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an agency key'))
      .min(1)
      .max(10)
      .optional(),
  })
  .strict();
const decimal = z.string().regex(/^\d+(\.\d{1,4})?$/, 'a decimal amount such as "1500.00"');
const bounds = z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).strict();

export const conditionSchema = z
  .object({
    debtorKind: z.enum(['business', 'consumer']).optional(),
    amount: z.object({ min: decimal.optional(), max: decimal.optional() }).strict().optional(),
    ageDays: bounds.optional(),
    tags: z
      .object({
        all: z.array(z.string()).optional(),
        any: z.array(z.string()).optional(),
        none: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    profile: z.array(z.enum(['standard', 'active', 'senior'])).optional(),
    creditors: z.array(z.string()).optional(),
    currency: z.array(z.string().length(3)).optional(),
    brokenPromises: bounds.optional(),
  })
  .strict();

const step = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens'),
    name: localized,
    at: z
      .object({ after: z.enum(['due_date', 'previous_step']), days: z.number().int().min(-365).max(3650) })
      .strict(),
    actions: z.array(action).min(1),
    review: z.boolean().optional(),
    when: conditionSchema.optional(),
  })
  .strict();

const pauseDays = z.number().int().min(0).max(365);
const reactions = z
  .object({
    paymentFull: z.object({ thankTemplate: z.string().optional(), channel: channel.optional() }).strict(),
    paymentPartial: z.object({ pauseDays }).strict(),
    promise: z
      .object({ graceDays: pauseDays, confirmTemplate: z.string().optional(), channel: channel.optional() })
      .strict(),
    brokenPromise: z.union([
      z.object({ mode: z.literal('resume') }).strict(),
      z.object({ mode: z.literal('jump'), toStep: z.string() }).strict(),
    ]),
    plan: z.object({ graceDays: pauseDays }).strict(),
    debtorReplied: z.object({ pauseDays }).strict(),
    unansweredCalls: z.object({ count: z.number().int().min(1).max(50), switchTo: action }).strict(),
    emailBounce: z.object({ switchTo: action }).strict(),
    wrongNumber: z.object({ switchTo: action }).strict(),
  })
  .strict();

export const strategySchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens'),
    name: localized,
    description: localized.optional(),
    profile: z.enum(['standard', 'active', 'senior']),
    backlog: z.enum(['jump', 'walk']),
    steps: z.array(step).min(1).max(50),
    reactions,
  })
  .strict();

export const assignmentSchema = z
  .object({
    rules: z
      .array(
        z
          .object({ name: z.string().optional(), when: conditionSchema, strategy: z.string().min(1) })
          .strict(),
      )
      .max(100),
    defaultStrategy: z.string().min(1),
  })
  .strict();

// The schemas must describe exactly the core types: these lines fail the typecheck when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _strategyMatches: Same<z.infer<typeof strategySchema>['backlog'], StrategyDefinition['backlog']> = true;
const _assignmentMatches: z.infer<typeof assignmentSchema> extends AssignmentRules ? true : false = true;
void _strategyMatches;
void _assignmentMatches;
