import { CASE_EVENT_KINDS } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { checkContact } from '../../use-cases/dunning/check-contact.ts';
import { getCaseEngine } from '../../use-cases/dunning/get-case-engine.ts';
import { listActions } from '../../use-cases/dunning/list-actions.ts';
import { type CaseEventInput, recordCaseEvent } from '../../use-cases/dunning/record-case-event.ts';
import { reviewAction } from '../../use-cases/dunning/review-action.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, idParam, nextActionSchema } from '../schemas.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const positive = z.number().int().positive();

const eventBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('payment'), on: isoDate, amountMinor: positive }),
  z.object({ kind: z.literal('promise'), on: isoDate, dueOn: isoDate, amountMinor: positive }),
  z.object({
    kind: z.literal('plan'),
    on: isoDate,
    instalments: z
      .array(z.object({ dueOn: isoDate, amountMinor: positive }))
      .min(1)
      .max(60),
  }),
  z.object({
    kind: z.literal('pause'),
    on: isoDate,
    until: isoDate
      .optional()
      .describe('The day the ladder resumes by itself (after today, within a year); none: until resumed'),
  }),
  z.object({
    kind: z.enum(
      CASE_EVENT_KINDS.filter((k) => k !== 'payment' && k !== 'promise' && k !== 'plan' && k !== 'pause') as [
        string,
        ...string[],
      ],
    ),
    on: isoDate,
    contactId: idParam.optional(),
  }),
]);

const explained = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string(),
});

const interestView = z.object({
  regime: z.enum(['fr-b2b', 'fr-legal', 'eu', 'uk']).nullable(),
  reason: z.string(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  claimedInterestMinor: z.number().int(),
  claimedFeesMinor: z.number().int(),
  claims: z
    .array(
      z.object({
        invoiceNumber: z.string(),
        regime: z.string(),
        from: z.string(),
        days: z.number().int(),
        interestMinor: z.number().int(),
        feesMinor: z.number().int(),
      }),
    )
    .readonly(),
  missing: z
    .object({
      kind: z.literal('missing_rate'),
      regime: z.string(),
      period: z.string(),
      table: z.string(),
      message: z.string(),
    })
    .nullable(),
});

const engineView = z.object({
  interest: interestView.describe(
    'Late interest and fixed compensation as of today; `missing` names a rate the tables lack (never counted as zero)',
  ),
  strategy: z.object({ key: z.string(), version: z.number().int().nullable(), name: z.string() }).nullable(),
  stage: z.string(),
  progress: z.record(z.string(), z.unknown()).nullable(),
  nextAction: nextActionSchema.nullable(),
  lastRunOn: z.string().nullable(),
  notes: z.array(explained).readonly(),
  actions: z
    .array(
      z.object({
        id: z.string(),
        plannedOn: z.string(),
        scheduledAt: z.string().nullable(),
        channel: z.string(),
        template: z.string(),
        status: z.string(),
        stepKey: z.string().nullable(),
        reason: explained,
        gate: z.object({ kind: z.string(), code: z.string().optional(), text: z.string() }),
      }),
    )
    .readonly(),
  events: z
    .array(
      z.object({ id: z.string(), kind: z.string(), on: z.string(), data: z.unknown(), applied: z.boolean() }),
    )
    .readonly(),
});

const gateDecision = z.object({
  kind: z.enum(['allowed', 'blocked']),
  policy: z.string(),
  rule: z.string().optional(),
  code: z.string().optional(),
  explanation: z.object({ fr: z.string(), en: z.string() }),
  retryAt: z.string().nullable().optional(),
});

export function caseEngineRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/cases/:caseId/contact-check',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Ask the compliance gate before contacting the debtor by hand (logged, allowed or not)',
        description:
          'An agent about to call, text or write: the answer says allowed or blocked, why, and when it would be allowed.',
        params: z.object({ caseId: idParam }),
        body: z.object({
          channel: z.enum(['call', 'ivr_call', 'sms', 'email', 'letter', 'registered_letter']),
          purpose: z
            .enum(['reminder', 'formal_notice', 'legal_threat', 'handover_notice', 'confirmation', 'thanks'])
            .default('reminder'),
        }),
        response: { 200: gateDecision, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => checkContact(deps, actorOf(request), request.params.caseId, request.body),
  );

  api.get(
    '/actions',
    {
      schema: {
        tags: ['strategies'],
        summary: 'The outbox, newest first: e.g. `status=review` for the actions waiting for a supervisor',
        querystring: z.object({
          status: z.enum(['planned', 'review', 'blocked', 'cancelled', 'sent', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: {
          200: z
            .array(
              z.object({
                id: z.string(),
                caseId: z.string(),
                debtorName: z.string(),
                creditorRef: z.string(),
                plannedOn: z.string(),
                scheduledAt: z.string().nullable(),
                channel: z.string(),
                template: z.string(),
                status: z.string(),
                stepKey: z.string().nullable(),
                reasonText: z.string(),
              }),
            )
            .readonly(),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) =>
      listActions(deps, actorOf(request), {
        status: request.query.status,
        limit: request.query.limit,
        locale: requestLocale(request),
      }),
  );

  api.post(
    '/actions/:actionId/review',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Approve or cancel an action waiting for review before it is sent',
        params: z.object({ actionId: idParam }),
        body: z.object({ decision: z.enum(['approve', 'cancel']) }),
        response: {
          200: z.object({ actionId: z.string(), status: z.enum(['planned', 'cancelled']) }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => reviewAction(deps, actorOf(request), request.params.actionId, request.body.decision),
  );

  api.get(
    '/cases/:caseId/engine',
    {
      schema: {
        tags: ['strategies'],
        summary:
          'The case as the engine sees it: strategy, stage, next action and why, actions planned with the compliance verdict',
        params: z.object({ caseId: idParam }),
        response: { 200: engineView, ...errors(401, 403, 404) },
      },
    },
    async (request) =>
      getCaseEngine(deps, actorOf(request), {
        caseId: request.params.caseId,
        locale: requestLocale(request),
      }),
  );

  api.post(
    '/cases/:caseId/events',
    {
      schema: {
        tags: ['strategies'],
        summary:
          'Record what happened on a case: payment, promise, plan, dispute, reply, call outcome, bounce, pause, resume…',
        description: 'The strategy reacts at the next run; the case is queued for today.',
        params: z.object({ caseId: idParam }),
        body: eventBody,
        response: {
          201: z.object({ eventId: z.string(), caseId: z.string(), kind: z.string(), nextRunOn: z.string() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordCaseEvent(
            deps,
            actorOf(request),
            request.params.caseId,
            request.body as CaseEventInput,
          ),
        ),
  );
}
