import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { readCollectionsCsv } from '../../use-cases/agency-comparison/collections-csv.ts';
import { compareAgencies } from '../../use-cases/agency-comparison/compare-agencies.ts';
import { handOverCase, recallHandover } from '../../use-cases/agency-comparison/handovers.ts';
import { listHandovers } from '../../use-cases/agency-comparison/list-handovers.ts';
import {
  listOutsideAgencies,
  saveOutsideAgency,
} from '../../use-cases/agency-comparison/outside-agencies.ts';
import {
  type CollectionsReport,
  describeLineRefusal,
  reportCollections,
  requireLines,
} from '../../use-cases/agency-comparison/report-collections.ts';
import { actorOf, requireRoutePermission } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, idParam, isoDate, minor } from '../schemas.ts';
import { receiveUpload } from '../uploads.ts';

const agencyView = z.object({
  agencyId: z.string(),
  key: z.string(),
  name: z.string(),
  legalId: z.string().nullable(),
  email: z.string().nullable(),
  commissionRate: z.string().describe('Percent of what it collects, exact decimal'),
  vatRate: z.string(),
  share: z.number().int().describe('Weight when a hand-over splits cases between agencies'),
  active: z.boolean(),
});

const handoverView = z.object({
  handoverId: z.string(),
  caseId: z.string(),
  agencyId: z.string(),
  creditorId: z.string(),
  handedOn: isoDate,
  amountMinor: minor.describe('The collectable balance handed over (outstanding less disputed)'),
  currency: z.string(),
  recalledOn: isoDate.nullable(),
  actionId: z.string().nullable().describe('The strategy action that made it; null when made by hand'),
});

const ratioView = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.string().nullable().describe('"61.1"; null when nothing was handed over'),
});

const figuresView = z.object({
  cases: z.number().int(),
  handedMinor: minor,
  collectedMinor: minor,
  feesMinor: minor,
  netMinor: minor.describe('Collected less the agency’s fees'),
  recoveryByAmount: ratioView,
  recoveryByCount: ratioView,
  medianDaysToFirstPayment: z.number().nullable(),
  medianDaysToFullPayment: z.number().nullable(),
  costPer100Minor: z.number().int().nullable().describe('Fees per 100.00 collected, in minor units'),
});

const lineBody = z.object({
  reference: z.string().trim().min(1).max(100),
  amountMinor: z.number().int(),
  feeMinor: z.number().int().default(0),
  collectedOn: z.string(),
  lineKey: z.string().trim().max(200).optional(),
});

const reportAnswer = z.object({
  booked: z.number().int(),
  repeated: z.number().int(),
  refused: z.number().int(),
  lines: z
    .array(
      z.object({
        index: z.number().int(),
        row: z.number().int().optional(),
        status: z.enum(['booked', 'repeated', 'refused']),
        paymentId: z.string().optional(),
        caseId: z.string().optional(),
        reason: z.string().optional(),
        reference: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .readonly(),
  unreadable: z
    .array(z.object({ row: z.number().int(), field: z.string(), text: z.string() }))
    .readonly()
    .optional(),
});

function inWords(report: CollectionsReport, locale: 'fr' | 'en') {
  return {
    ...report,
    lines: report.lines.map((line) =>
      line.status === 'refused' ? { ...line, message: describeLineRefusal(line.reason, locale) } : line,
    ),
  };
}

/** Agencies compared side by side (issue #7): the outside agencies, hand-overs, what they collect, the figures. */
export function agencyComparisonRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];

  api.get(
    '/agencies',
    {
      schema: {
        tags,
        summary: 'The outside agencies the tenant hands cases to',
        response: { 200: z.object({ items: z.array(agencyView).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listOutsideAgencies(deps, actorOf(request)) }),
  );

  api.post(
    '/agencies',
    {
      schema: {
        tags,
        summary: 'Register an outside agency, or change one by its key (supervisor, admin; audited)',
        description:
          'The same call edits an agency (name, legal id, e-mail, commission, VAT, share) and deactivates or ' +
          'reactivates it (`active`). A deactivated agency is given no new case, by a strategy or by hand; its ' +
          'cases stay with it until recalled and it may still report on them.',
        body: z.unknown(),
        response: { 200: agencyView, ...errors(400, 401, 403) },
      },
    },
    async (request) => saveOutsideAgency(deps, actorOf(request), request.body),
  );

  api.get(
    '/agencies/comparison',
    {
      schema: {
        tags,
        summary: 'The agencies side by side: recovery, speed and cost, in all and by hand-over month',
        description:
          'Per agency and currency: cases and amount handed over, collected (reversed payments left out), ' +
          'recovery by amount and by count, median days from hand-over to first and to full payment, fees, cost ' +
          'per 100.00 collected, net recovered. `from`/`to` select the hand-overs by their day.',
        querystring: z.object({
          creditorId: idParam.optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: {
          200: z.object({
            agencies: z
              .array(
                z.object({
                  agency: z.object({ agencyId: z.string(), key: z.string(), name: z.string() }),
                  currency: z.string(),
                  figures: figuresView,
                }),
              )
              .readonly(),
            byMonth: z
              .array(
                z.object({
                  month: z.string(),
                  agencyId: z.string(),
                  currency: z.string(),
                  figures: figuresView,
                }),
              )
              .readonly(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => compareAgencies(deps, actorOf(request), request.query),
  );

  api.get(
    '/agency-handovers',
    {
      schema: {
        tags,
        summary: 'The hand-overs to outside agencies, newest first (at most 1,000)',
        description: '`status=open` keeps those still with their agency, `status=recalled` those taken back.',
        querystring: z.object({
          agencyId: idParam.optional(),
          creditorId: idParam.optional(),
          status: z.enum(['open', 'recalled']).optional(),
        }),
        response: {
          200: z.object({ items: z.array(handoverView.extend({ debtorName: z.string() })).readonly() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => ({ items: await listHandovers(deps, actorOf(request), request.query) }),
  );

  api.post(
    '/cases/:caseId/agency-handover',
    {
      schema: {
        tags,
        summary: 'Hand a case to an outside agency by hand (supervisor, admin; audited)',
        description:
          '409 `case_with_another_agency` while another agency has it, `outside_agency_inactive` when the agency ' +
          'is deactivated.',
        params: z.object({ caseId: idParam }),
        body: z.object({ agencyId: idParam, handedOn: isoDate.optional() }),
        response: { 200: handoverView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      handOverCase(deps, actorOf(request), { caseId: request.params.caseId, ...request.body }),
  );

  api.post(
    '/agency-handovers/:handoverId/recall',
    {
      schema: {
        tags,
        summary: 'Take a case back from its agency (supervisor, admin; audited)',
        params: z.object({ handoverId: idParam }),
        body: z.object({ recalledOn: isoDate.optional() }).optional(),
        response: { 200: handoverView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      recallHandover(deps, actorOf(request), request.params.handoverId, request.body?.recalledOn),
  );

  api.post(
    '/agencies/:agencyId/collections',
    {
      schema: {
        tags,
        summary: 'Book what an agency reports as collected (supervisor, admin)',
        description:
          'Each line names its case by payment reference or invoice number among the cases handed to that agency, ' +
          'and is booked as a payment of channel `agency` (allocation, receipt, figures as any payment), its fee ' +
          'kept beside it. A line sent again (same `lineKey`, by default reference|day|amount|fee) books nothing; ' +
          'a refused line says why in the caller’s language.',
        params: z.object({ agencyId: idParam }),
        body: z.object({ lines: z.array(lineBody).max(5000) }),
        response: { 200: reportAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireLines(request.body.lines);
      const report = await reportCollections(
        deps,
        actorOf(request),
        request.params.agencyId,
        request.body.lines,
      );
      return inWords(report, requestLocale(request));
    },
  );

  api.post(
    '/agencies/:agencyId/collections/csv',
    {
      onRequest: requireRoutePermission('strategies:write'),
      schema: {
        tags,
        summary: 'Import an agency’s report of collections (CSV)',
        description:
          'multipart/form-data: `file`, optional `currency` (EUR). Columns (French or English headers): reference / ' +
          'référence / facture, amount / montant, date (YYYY-MM-DD or DD/MM/YYYY), fee / frais / commission, ' +
          'line / ligne. Rows that cannot be read come back in `unreadable`; the others are booked as by the JSON route.',
        consumes: ['multipart/form-data'],
        params: z.object({ agencyId: idParam }),
        response: { 200: reportAnswer, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (request) => {
      const upload = await receiveUpload(request, deps.dataDir);
      try {
        const currency = (upload.fields.currency ?? 'EUR').toUpperCase();
        const { lines, errors: unreadable } = await readCollectionsCsv(upload.path, currency);
        const report = await reportCollections(deps, actorOf(request), request.params.agencyId, lines);
        const words = inWords(report, requestLocale(request));
        return {
          ...words,
          lines: words.lines.map((line) => ({ ...line, row: lines[line.index]?.row })),
          unreadable,
        };
      } finally {
        await rm(upload.path, { force: true });
      }
    },
  );
}
