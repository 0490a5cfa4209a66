import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getIvrSettings, setIvrSettings } from '../../channels/voice/ivr/set-ivr-settings.ts';
import type { Deps } from '../../shared/deps.ts';
import { readAttemptStatus } from '../../use-cases/payments/ivr/read-attempt-status.ts';
import { simulateIvrStep } from '../../use-cases/payments/ivr/simulate-ivr-step.ts';
import { startIvrTransfer } from '../../use-cases/payments/ivr/start-ivr-transfer.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, localeSchema, minor } from '../schemas.ts';
import { ivrBase, ivrForm, ivrQuery, ivrSteps } from './ivr-shared.ts';

const common = {
  provider: z
    .enum(['builtin', 'twilio'])
    .describe('twilio: a Twilio number; builtin: the in-app simulator (demo)'),
  phoneNumber: z.string().min(3).max(32).nullable().describe('The number debtors call (E.164)'),
  paymentConnector: z.string().min(1).max(100).describe('The unique name of the Twilio Pay connector'),
  languages: z.array(localeSchema).min(1).max(2).readonly().describe('The first greets an unknown caller'),
};
const settingsView = z.object({ ...common, authTokenSet: z.boolean() });
const settingsBody = z.object({
  ...common,
  authToken: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('The Twilio auth token; omit to keep it, null to use the SMS settings’ one; never returned'),
});

const transferView = z.object({
  attemptId: z.string(),
  code: z.string().describe('Six digits the caller keys (or the agent keys while transferring)'),
  expiresAt: z.string(),
  phoneNumber: z.string().nullable(),
  provider: z.enum(['builtin', 'twilio']),
});

const attemptView = z.object({
  id: z.string(),
  caseId: z.string(),
  provider: z.string(),
  status: z.enum(['started', 'succeeded', 'failed', 'abandoned']),
  stage: z.string().describe('waiting_for_caller, caller_identified, choosing_amount, paying, succeeded…'),
  capture: z
    .string()
    .nullable()
    .describe('The card field being keyed: payment-card-number, expiration-date…'),
  errorType: z.string().nullable(),
  failureReason: z.string().nullable(),
  inputErrors: z.number().int(),
  amountMinor: minor,
  currency: z.string(),
  paymentId: z.string().nullable(),
  transferCode: z.string().nullable(),
  transferExpiresAt: z.string().nullable(),
  updatedAt: z.string(),
});

/** The IVR's settings, the agent's transfer and its live status, and the built-in simulator. */
export function ivrAgentRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/settings/channels/ivr',
    {
      schema: {
        tags: ['settings'],
        summary: 'The payment IVR of the tenant (the auth token is never returned)',
        response: { 200: settingsView, ...errors(401, 403) },
      },
    },
    async (request) => getIvrSettings(deps, actorOf(request)),
  );
  api.put(
    '/settings/channels/ivr',
    {
      schema: {
        tags: ['settings'],
        summary: 'Choose the IVR provider (built-in or Twilio), its number, Pay connector and languages',
        body: settingsBody,
        response: { 200: settingsView, ...errors(400, 401, 403) },
      },
    },
    async (request) => setIvrSettings(deps, actorOf(request), request.body),
  );
  api.post(
    '/cases/:caseId/ivr-transfer',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Transfer the caller to the payment IVR: its number, a one-time code and the attempt to follow',
        params: z.object({ caseId: idParam }),
        response: { 201: transferView, ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startIvrTransfer(deps, actorOf(request), request.params.caseId)),
  );
  api.get(
    '/cases/:caseId/payment-attempts/:attemptId',
    {
      schema: {
        tags: ['workspace'],
        summary: 'A payment attempt of the case, live: where the caller is (never card data)',
        params: z.object({ caseId: idParam, attemptId: idParam }),
        response: { 200: attemptView, ...errors(401, 403, 404) },
      },
    },
    async (request) =>
      readAttemptStatus(deps, actorOf(request), request.params.caseId, request.params.attemptId),
  );
  api.post(
    '/ivr/simulator',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Play the caller on the built-in IVR (demo): one step, signed as Twilio signs it',
        body: z.object({ step: z.enum(ivrSteps), query: ivrQuery, fields: ivrForm }),
        response: { 200: z.object({ twiml: z.string() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const twiml = await simulateIvrStep(deps, actor, {
        ...request.body,
        base: ivrBase(request, actor.tenantId),
      });
      return { twiml };
    },
  );
}
