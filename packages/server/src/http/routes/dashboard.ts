import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { produceDashboardReport } from '../../use-cases/kpis/dashboard-report.ts';
import { dashboardCsvRows } from '../../use-cases/kpis/dashboard-rows.ts';
import { getDashboard, SEGMENTS } from '../../use-cases/kpis/get-dashboard.ts';
import { PAYMENT_CHANNELS } from '../../use-cases/portfolio/drill-filters.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, isoDate } from '../schemas.ts';
import { dashboardTrendRoutes } from './dashboard-trends.ts';
import { contentDisposition } from './imports.ts';

/** Arrays of the answer are read-only, as the use case gives them. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const minor = z.number().int();
const share = z.string().nullable().describe('A percentage with 1 decimal, e.g. "42.9"; null when undefined');
const byStatus = list(z.object({ status: z.string(), count: z.number().int(), amountMinor: minor }));

const filterName = z.enum(['strategyKey', 'channel', 'agentId']);

const dashboardSchema = z.object({
  asOf: isoDate,
  from: isoDate,
  to: isoDate,
  currency: z.string(),
  currencies: list(z.string()),
  creditorId: z.string().nullable(),
  segment: z.enum(SEGMENTS).nullable(),
  strategyKey: z.string().nullable(),
  channel: z.enum(PAYMENT_CHANNELS).nullable(),
  agentId: z.string().nullable(),
  unfiltered: z
    .object({ portfolio: list(filterName), activity: list(filterName) })
    .describe('Per section, the filters asked for that its figures do not follow (the claims carry none)'),
  portfolio: z.object({
    receivables: z.object({ count: z.number().int(), outstandingMinor: minor }),
    overdueMinor: minor,
    disputedMinor: minor,
    ageing: list(
      z.object({
        bucket: z.enum(['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus']),
        count: z.number().int(),
        outstandingMinor: minor,
        share,
      }),
    ),
    recovery: z.object({
      placedMinor: minor,
      recoveredMinor: minor.describe('Placed less still owed, whoever was paid'),
      collectedMinor: minor.describe('Booked through Relance'),
      placedCount: z.number().int(),
      paidCount: z.number().int(),
      byAmount: share,
      byCount: share,
    }),
    dso: z.object({
      days: z.string().describe('Countback DSO in days, 1 decimal'),
      complete: z.boolean(),
      monthsUsed: z.number().int(),
    }),
  }),
  collections: z.object({
    collectedMinor: minor,
    paymentCount: z.number().int(),
    reversedMinor: minor,
    days: list(z.object({ day: isoDate, channel: z.string(), amountMinor: minor })),
    byChannel: list(z.object({ channel: z.string(), amountMinor: minor, count: z.number().int() })),
    byStrategy: list(z.object({ strategyKey: z.string(), amountMinor: minor })),
    agents: list(
      z.object({
        rank: z.number().int(),
        userId: z.string(),
        name: z.string(),
        team: z.string().nullable(),
        amountMinor: minor,
        share,
      }),
    ),
    teams: list(z.object({ rank: z.number().int(), team: z.string().nullable(), amountMinor: minor })),
  }),
  activity: z.object({
    promises: z.object({ byStatus, made: z.number().int(), keptRate: share }),
    plans: z.object({ byStatus, agreed: z.number().int(), completionRate: share }),
    disputes: z.object({
      openCount: z.number().int(),
      openMinor: minor,
      meanAgeDays: z.string().nullable(),
      ageing: list(z.object({ bucket: z.string(), count: z.number().int(), amountMinor: minor })),
      pastDeadline: z.number().int(),
    }),
    forecast: list(z.object({ month: z.string(), promisesMinor: minor, instalmentsMinor: minor })),
  }),
});

const dashboardQuery = z.object({
  creditorId: z.string().optional(),
  segment: z.enum(SEGMENTS).optional().describe('The debtors’ kind'),
  strategyKey: z
    .string()
    .max(100)
    .optional()
    .describe('Collections: the strategy when the payment was booked; promises, plans, disputes: the case’s'),
  channel: z.enum(PAYMENT_CHANNELS).optional().describe('Collections only: the payment’s channel'),
  agentId: z.string().max(100).optional().describe('Collections only: the agent who booked the payment'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe('The portfolio’s largest currency by default'),
  from: isoDate.optional().describe('First day of the period; 30 days before `to` by default'),
  to: isoDate.optional().describe('Last day, included; today by default'),
});

export function dashboardRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Receivables, ageing, recovery, DSO, collections by day, channel, strategy and agent, promises, plans, disputes and the cash forecast',
        description:
          'A client user sees its own creditor only. Every figure includes the last committed write.',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => getDashboard(deps, actorOf(request), request.query),
  );

  api.get(
    '/dashboard.csv',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'The dashboard’s figures as a CSV file, in the caller’s language',
        description:
          'UTF-8 with BOM, semicolon-separated by default (what a French spreadsheet opens), `?delimiter=,` for ' +
          'commas. Columns: section, item, count, amount (a decimal in the dashboard’s currency), share (%).',
        querystring: dashboardQuery.extend({ delimiter: z.enum([';', ',']).default(';') }),
        response: {
          200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } },
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { delimiter, ...query } = request.query;
      const dashboard = await getDashboard(deps, actorOf(request), query);
      const locale = requestLocale(request);
      const csv = stringify(dashboardCsvRows(dashboard, locale), {
        delimiter,
        bom: true,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`dashboard-${dashboard.to}.csv`))
        .send(csv);
    },
  );

  api.get(
    '/dashboard.pdf',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'The dashboard’s figures as a PDF report, in the caller’s language',
        description: 'The key figures, the ageing balance drawn as bars, then each section as a table.',
        querystring: dashboardQuery,
        response: { 200: z.any().describe('PDF file (application/pdf)'), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const report = await produceDashboardReport(
        deps,
        actorOf(request),
        request.query,
        requestLocale(request),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(report.fileName))
        .send(Buffer.from(report.content));
    },
  );

  dashboardTrendRoutes(app, deps);
}
