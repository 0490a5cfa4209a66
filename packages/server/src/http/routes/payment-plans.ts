import { DomainError, formatMoney, PLAN_FREQUENCIES, PLAN_KINDS, type PlanViolation } from '@relance/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { cancelPlan } from '../../use-cases/workspace/plans/cancel-plan.ts';
import { createPlan } from '../../use-cases/workspace/plans/create-plan.ts';
import { getPlan, getPlanAgreement, listPlans } from '../../use-cases/workspace/plans/list-plans.ts';
import { getPlanPolicy, setPlanPolicy } from '../../use-cases/workspace/plans/plan-policy.ts';
import { previewPlan } from '../../use-cases/workspace/plans/preview-plan.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { violationMessage } from '../messages/plans.ts';
import { errorMessage } from '../messages.ts';
import { errors, idParam, isoDate, minor } from '../schemas.ts';

const policySchema = z.object({
  maxInstalments: z.number().int().min(1).max(120),
  maxMonths: z.number().int().min(1).max(120),
  minInstalmentMinor: minor.min(0),
  minDownPaymentPercent: z.number().int().min(0).max(100),
  allowedFrequencies: z.array(z.enum(PLAN_FREQUENCIES)).min(1).readonly(),
});

const planBody = z.object({
  kind: z.enum(PLAN_KINDS),
  claimIds: z
    .array(idParam)
    .max(500)
    .optional()
    .describe('Default: every open, undisputed claim of the case'),
  count: z.number().int().min(1).max(120).optional().describe('Instalments after the down payment'),
  firstDueOn: isoDate.optional().describe("'scheduled': the payment's date; 'instalments': the first date"),
  frequency: z.enum(PLAN_FREQUENCIES).optional(),
  downPaymentMinor: minor.min(0).optional().describe('Paid on the day of the agreement (instalment 0)'),
});

const instalment = z.object({ seq: z.number().int(), dueOn: z.string(), amountMinor: z.number().int() });
const violation = z.object({
  code: z.string(),
  limit: z.union([z.number(), z.string()]),
  actual: z.union([z.number(), z.string()]),
  message: z.string().describe('In the caller’s language'),
});

const previewView = z.object({
  kind: z.enum(PLAN_KINDS),
  currency: z.string(),
  claimIds: z.array(z.string()).readonly(),
  principalMinor: z.number().int(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  totalMinor: z.number().int(),
  downPaymentMinor: z.number().int(),
  instalments: z.array(instalment).readonly(),
  violations: z.array(violation).readonly(),
  policy: policySchema,
});

const planView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(PLAN_KINDS),
  status: z.enum(['active', 'completed', 'broken', 'cancelled']),
  currency: z.string(),
  principalMinor: z.number().int(),
  interestMinor: z.number().int(),
  feesMinor: z.number().int(),
  totalMinor: z.number().int(),
  downPaymentMinor: z.number().int(),
  claimIds: z.array(z.string()).readonly(),
  agreedOn: z.string(),
  agreedBy: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  instalments: z
    .array(
      instalment.extend({
        status: z.enum(['pending', 'paid', 'partly_paid', 'missed']),
        paidMinor: z.number().int(),
        reminderActionId: z.string().nullable(),
      }),
    )
    .readonly(),
  documentId: z.string().nullable().describe('The agreement PDF: GET /payment-plans/{id}/agreement.pdf'),
  agreementActionId: z.string().nullable().describe('The e-mail carrying the agreement (outbox)'),
});

function withMessages(
  violations: readonly PlanViolation[],
  request: FastifyRequest,
  currency: string,
): z.infer<typeof violation>[] {
  const locale = requestLocale(request);
  return violations.map((v) => ({
    ...v,
    message: violationMessage(v, locale, (m) => formatMoney(m, currency, locale)),
  }));
}

/**
 * A refused proposal answers 422 with every violation in the caller's language (the agent adjusts the
 * proposal); every other error goes to the common handler.
 */
function refusal(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (!(error instanceof DomainError) || error.details?.reason !== 'plan_policy_refused') return null;
  const locale = requestLocale(request);
  const violations = (error.details.violations ?? []) as PlanViolation[];
  return reply.code(422).send({
    error: {
      code: error.code,
      message: errorMessage(error.code, locale, error.details),
      details: {
        reason: 'plan_policy_refused',
        violations: withMessages(violations, request, String(error.details.currency ?? 'EUR')),
      },
    },
  });
}

/** The agent workspace's payment plans and their instalments (issue #5). */
export function paymentPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const caseParams = z.object({ caseId: idParam });
  const planParams = z.object({ planId: idParam });

  api.post(
    '/cases/:caseId/payment-plans/preview',
    {
      schema: {
        tags: ['plans'],
        summary:
          'What a payment plan would be (exact schedule, totals, the creditor’s limits it breaks); writes nothing',
        params: caseParams,
        body: planBody,
        response: { 200: previewView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const preview = await previewPlan(deps, actorOf(request), request.params.caseId, request.body);
      return { ...preview, violations: withMessages(preview.violations, request, preview.currency) };
    },
  );
  api.post(
    '/cases/:caseId/payment-plans',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Agree a payment plan: instalments, the engine follows it, agreement PDF e-mailed, a reminder before each instalment',
        params: caseParams,
        body: planBody,
        response: { 201: planView, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      try {
        const plan = await createPlan(deps, actorOf(request), request.params.caseId, request.body);
        return reply.code(201).send(plan);
      } catch (error) {
        const sent = refusal(error, request, reply);
        if (sent) return sent;
        throw error;
      }
    },
  );
  api.get(
    '/cases/:caseId/payment-plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'The payment plans of a case, newest first',
        params: caseParams,
        response: { 200: z.array(planView).readonly(), ...errors(401, 403, 404) },
      },
    },
    async (request) => listPlans(deps, actorOf(request), request.params.caseId),
  );
  api.get(
    '/payment-plans/:planId',
    {
      schema: {
        tags: ['plans'],
        summary: 'One payment plan and its instalments',
        params: planParams,
        response: { 200: planView, ...errors(401, 403, 404) },
      },
    },
    async (request) => getPlan(deps, actorOf(request), request.params.planId),
  );
  api.get(
    '/payment-plans/:planId/agreement.pdf',
    {
      schema: {
        tags: ['plans'],
        summary: 'The agreement as sent to the debtor (PDF)',
        params: planParams,
        response: { 200: z.any().describe('application/pdf'), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await getPlanAgreement(deps, actorOf(request), request.params.planId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );
  api.post(
    '/payment-plans/:planId/cancel',
    {
      schema: {
        tags: ['plans'],
        summary: 'End an active plan: its future reminders are cancelled and the ladder resumes',
        params: planParams,
        body: z.object({ reason: z.string().trim().min(1).max(500).optional() }).default({}),
        response: { 200: planView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelPlan(deps, actorOf(request), request.params.planId, request.body),
  );
  api.get(
    '/creditors/:creditorId/plan-policy',
    {
      schema: {
        tags: ['plans'],
        summary: 'The creditor’s limits on payment plans (supervisors and admins)',
        params: z.object({ creditorId: idParam }),
        response: { 200: policySchema, ...errors(401, 403, 404) },
      },
    },
    async (request) => getPlanPolicy(deps, actorOf(request), request.params.creditorId),
  );
  api.patch(
    '/creditors/:creditorId/plan-policy',
    {
      schema: {
        tags: ['plans'],
        summary: 'Change some of the creditor’s limits on payment plans (supervisors and admins; audited)',
        params: z.object({ creditorId: idParam }),
        body: policySchema.partial(),
        response: { 200: policySchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => setPlanPolicy(deps, actorOf(request), request.params.creditorId, request.body),
  );
}
