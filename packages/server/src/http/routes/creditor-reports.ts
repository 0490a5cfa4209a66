import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { listCreditorReports } from '../../use-cases/creditor-portal/list-creditor-reports.ts';
import { previewCreditorReport } from '../../use-cases/creditor-portal/preview-creditor-report.ts';
import {
  getReportSubscription,
  MAX_RECIPIENTS,
  saveReportSubscription,
} from '../../use-cases/creditor-portal/report-subscription.ts';
import { sendReportNow } from '../../use-cases/creditor-portal/send-report-now.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, localeSchema } from '../schemas.ts';
import { contentDisposition } from './imports.ts';

const params = z.object({ creditorId: idParam });
const frequencySchema = z.enum(['weekly', 'monthly']);

const subscriptionBody = z.object({
  frequency: frequencySchema,
  recipients: z.array(z.string().max(254)).min(1).max(MAX_RECIPIENTS),
  language: localeSchema,
  active: z.boolean(),
});

const subscriptionSchema = subscriptionBody.extend({
  recipients: z.array(z.string()).readonly(),
  creditorId: z.string(),
  updatedAt: z.string(),
});

const reportSchema = z.object({
  id: z.string(),
  creditorId: z.string(),
  period: z.string().describe('`2026-03`, `2026-W11`, or `now-<instant>` for one sent on demand'),
  periodStart: z.string(),
  periodEnd: z.string(),
  language: localeSchema,
  emailTo: z.string(),
  status: z.enum(['planned', 'sending', 'sent', 'failed', 'unconfirmed']),
  attempts: z.number().int(),
  error: z.string().nullable(),
  emailedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** A creditor's scheduled report (creditor portal): clients for their own creditor, supervisors and admins. */
export function creditorReportRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/creditors/:creditorId/report-subscription',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'The creditor’s scheduled report (null when none is saved)',
        params,
        response: {
          200: z.object({ subscription: subscriptionSchema.nullable() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => ({
      subscription: await getReportSubscription(deps, actorOf(request), request.params.creditorId),
    }),
  );

  api.put(
    '/creditors/:creditorId/report-subscription',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'Save the creditor’s scheduled report: weekly or monthly PDF by e-mail',
        description:
          'Each active subscription gets, once per period, the report of the last whole ISO week or calendar ' +
          'month, e-mailed through the tenant’s SMTP settings with the PDF attached.',
        params,
        body: subscriptionBody,
        response: { 200: subscriptionSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      saveReportSubscription(deps, actorOf(request), request.params.creditorId, request.body),
  );

  api.get(
    '/creditors/:creditorId/reports',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'The creditor’s reports, newest first, with their e-mail’s state',
        params,
        response: { 200: z.object({ items: z.array(reportSchema).readonly() }), ...errors(401, 403, 404) },
      },
    },
    async (request) => ({
      items: await listCreditorReports(deps, actorOf(request), request.params.creditorId),
    }),
  );

  api.get(
    '/creditors/:creditorId/report.pdf',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'Preview the report as it would be sent now (the week or month to today)',
        params,
        description:
          '`period` names a whole month (`2026-10`) or ISO week (`2026-W42`) instead: what that period’s ' +
          'scheduled report holds (400 `report_period_invalid` otherwise).',
        querystring: z.object({
          language: localeSchema.optional(),
          frequency: frequencySchema.optional(),
          period: z.string().max(10).optional(),
        }),
        response: { 200: z.any().describe('PDF file (application/pdf)'), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const report = await previewCreditorReport(
        deps,
        actorOf(request),
        request.params.creditorId,
        request.query,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(report.fileName))
        .send(Buffer.from(report.content));
    },
  );

  api.post(
    '/creditors/:creditorId/reports/send',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'Send the report now to the subscription’s recipients',
        description: '409 `report_subscription_missing`, `email_settings_missing`.',
        params,
        response: { 201: reportSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sendReportNow(deps, actorOf(request), request.params.creditorId)),
  );
}
