import { DomainError, formatMoney, type PlanViolation } from '@relance/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import {
  createPortalPlan,
  previewPortalPlan,
  promiseFromPortal,
} from '../../use-cases/portal/agree-from-portal.ts';
import { callbackFromPortal, portalCallbackSlots } from '../../use-cases/portal/callback-from-portal.ts';
import { setContactPreference } from '../../use-cases/portal/contact-preference.ts';
import { addPortalDisputeDocument, disputeFromPortal } from '../../use-cases/portal/dispute-from-portal.ts';
import { requestLocale } from '../locale.ts';
import { violationMessage } from '../messages/plans.ts';
import { errorMessage } from '../messages.ts';
import { errors, idParam, minor } from '../schemas.ts';
import { cookieOf, type Limited, tags } from './portal-common.ts';
import {
  contactList,
  disputeBody,
  keyParams,
  planAnswer,
  planBody,
  planPreview,
  promiseAnswer,
  promiseBody,
} from './portal-schemas.ts';

function withMessages(violations: readonly PlanViolation[], request: FastifyRequest, currency: string) {
  const locale = requestLocale(request);
  return violations.map((v) => ({
    ...v,
    message: violationMessage(v, locale, (m) => formatMoney(m, currency, locale)),
  }));
}

/** A plan beyond the creditor's limits answers 422 with each limit in words, as the agents' route does. */
function planRefusal(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (!(error instanceof DomainError) || error.details?.reason !== 'plan_policy_refused') return null;
  const violations = (error.details.violations ?? []) as PlanViolation[];
  return reply.code(422).send({
    error: {
      code: error.code,
      message: errorMessage(error.code, requestLocale(request), error.details),
      details: {
        reason: 'plan_policy_refused',
        violations: withMessages(violations, request, String(error.details.currency ?? 'EUR')),
      },
    },
  });
}

/** A date to pay (a promise), an instalment plan. */
export function agreementRoutes(app: FastifyInstance, deps: Deps, limited: Limited): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/portal/links/:key/promises',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Promise to pay on one date or several (confirmed in writing at once)',
        params: keyParams,
        body: promiseBody,
        response: { 201: promiseAnswer, ...errors(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const promise = await promiseFromPortal(deps, request.params.key, cookieOf(request), request.body);
      return reply.code(201).send(promise);
    },
  );
  api.post(
    '/portal/links/:key/plans/preview',
    {
      ...limited,
      schema: {
        tags,
        summary:
          'The instalments a plan would give and the creditor’s limits it breaks, in words; writes nothing',
        params: keyParams,
        body: planBody,
        response: { 200: planPreview, ...errors(400, 401, 403, 404, 429) },
      },
    },
    async (request) => {
      const preview = await previewPortalPlan(deps, request.params.key, cookieOf(request), request.body);
      return { ...preview, violations: withMessages(preview.violations, request, preview.currency) };
    },
  );
  api.post(
    '/portal/links/:key/plans',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Set up instalments within the creditor’s limits (agreement PDF e-mailed, reminders)',
        params: keyParams,
        body: planBody,
        response: { 201: planAnswer, ...errors(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      try {
        const plan = await createPortalPlan(deps, request.params.key, cookieOf(request), request.body);
        return reply.code(201).send(plan);
      } catch (error) {
        const sent = planRefusal(error, request, reply);
        if (sent) return sent;
        throw error;
      }
    },
  );
}

/** A dispute and its documents, a callback, contact preferences. */
export function requestRoutes(app: FastifyInstance, deps: Deps, limited: Limited): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/portal/links/:key/disputes',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Contest invoices of the case: they leave the reminders at once; acknowledged in writing',
        params: keyParams,
        body: disputeBody,
        response: {
          201: z.object({ id: z.string(), amountMinor: minor, currency: z.string() }),
          ...errors(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const dispute = await disputeFromPortal(deps, request.params.key, cookieOf(request), request.body);
      return reply.code(201).send(dispute);
    },
  );
  api.post(
    '/portal/links/:key/disputes/:disputeId/documents',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Send a document for an open dispute of the case (multipart `file`, 10 MB at most)',
        consumes: ['multipart/form-data'],
        params: keyParams.extend({ disputeId: idParam }),
        response: {
          201: z.object({ documentId: z.string(), fileName: z.string(), size: z.number().int() }),
          ...errors(400, 401, 403, 404, 409, 413, 429),
        },
      },
    },
    async (request, reply) => {
      const part = await request.file();
      if (!part) {
        throw new DomainError('invalid_input', 'Send the document as a `file` part.', {
          reason: 'dispute_document_missing',
        });
      }
      const stored = await addPortalDisputeDocument(
        deps,
        request.params.key,
        cookieOf(request),
        request.params.disputeId,
        { fileName: part.filename, mediaType: part.mimetype, content: await part.toBuffer() },
      );
      return reply.code(201).send(stored);
    },
  );
  api.get(
    '/portal/links/:key/callback-slots',
    {
      ...limited,
      schema: {
        tags,
        summary:
          'The times an agent may call the debtor back in the coming week (the law’s hours, their zone)',
        params: keyParams,
        response: {
          200: z.object({ timeZone: z.string(), slots: z.array(z.string()).readonly() }),
          ...errors(401, 403, 404, 429),
        },
      },
    },
    async (request) => portalCallbackSlots(deps, request.params.key, cookieOf(request)),
  );
  api.post(
    '/portal/links/:key/callbacks',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Ask to be called back at one of those times: a call task reaches the agents’ queue then',
        params: keyParams,
        body: z.object({ at: z.string().min(10).max(40) }),
        response: { 201: z.object({ at: z.string() }), ...errors(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const asked = await callbackFromPortal(deps, request.params.key, cookieOf(request), request.body);
      return reply.code(201).send({ at: asked.at });
    },
  );
  api.put(
    '/portal/links/:key/contacts/:contactId',
    {
      ...limited,
      schema: {
        tags,
        summary: 'Stop (or allow again) messages to one e-mail address or phone number of the debtor',
        params: keyParams.extend({ contactId: idParam }),
        body: z.object({ optedOut: z.boolean() }),
        response: { 200: contactList, ...errors(400, 401, 403, 404, 429) },
      },
    },
    async (request) =>
      setContactPreference(
        deps,
        request.params.key,
        cookieOf(request),
        request.params.contactId,
        request.body.optedOut,
      ),
  );
}
