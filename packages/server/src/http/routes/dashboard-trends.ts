import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { produceDashboardWorkbook } from '../../use-cases/kpis/dashboard-workbook.ts';
import { SEGMENTS } from '../../use-cases/kpis/get-dashboard.ts';
import { getTrends } from '../../use-cases/kpis/history/get-trends.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, isoDate } from '../schemas.ts';
import { contentDisposition } from './imports.ts';

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const minor = z.number().int();
const count = z.number().int();
const share = z.string().nullable().describe('A percentage with 1 decimal, e.g. "42.9"; null when undefined');
const ratio = z.object({ numerator: z.number().int(), denominator: z.number().int() });

const funnelStage = z.object({
  started: count,
  completed: count,
  failed: count,
  abandoned: count,
  open: count,
  inputErrors: count,
  attemptsWithInputErrors: count,
  conversion: ratio,
  abandonment: ratio,
  failure: ratio,
  inputErrorRate: ratio,
});
const channelFigures = z.object({
  sent: count,
  responded: count,
  rate: ratio,
  byKind: z.object({ payment: count, promise: count, dispute: count, inbound: count }),
});

const trendsSchema = z.object({
  asOf: isoDate,
  currency: z.string(),
  creditorId: z.string().nullable(),
  segment: z.enum(SEGMENTS).nullable(),
  strategyKey: z.string().nullable(),
  months: list(
    z.object({
      month: z.string().describe('YYYY-MM'),
      asOf: isoDate.describe('The month-end the figures stand at; today for the current month'),
      partial: z.boolean(),
      recorded: z.boolean().describe('False: no history was written for that month-end (figures null)'),
      placedMinor: minor.nullable(),
      receivableMinor: minor.nullable(),
      overdueMinor: minor.nullable(),
      collectedMinor: minor.describe('Booked in the month'),
      recoveryRate: share,
      dsoDays: z.string().nullable().describe('Countback DSO at the month-end, 1 decimal'),
      cei: share.describe('Collection effectiveness index of the month'),
    }),
  ),
  liquidation: list(
    z.object({
      cohort: z.string().describe('The placement month, YYYY-MM'),
      placedMinor: minor,
      placedCount: count,
      points: list(
        z.object({
          offset: count,
          month: z.string(),
          collectedMinor: minor,
          share: share.describe('Collected to the end of that month over placed'),
          partial: z.boolean(),
        }),
      ),
    }),
  ),
  from: isoDate,
  to: isoDate,
  funnel: z.object({
    channels: list(funnelStage.extend({ channel: z.enum(['portal', 'ivr', 'agent']) })),
    total: funnelStage,
  }),
  channels: z.object({
    channels: list(channelFigures.extend({ channel: z.string() })),
    total: channelFigures,
  }),
});

const trendsQuery = z.object({
  creditorId: z.string().optional(),
  segment: z.enum(SEGMENTS).optional().describe('The debtors’ kind'),
  strategyKey: z
    .string()
    .optional()
    .describe(
      'The cases’ strategy: past month-ends by the strategy each case followed when the day was written (today’s ' +
        'for a month-end computed back), the current month and the funnel by today’s, the collected by the ' +
        'payment’s when booked, the channels by the action’s; the liquidation curves as the month-ends, their ' +
        'current point by today’s',
    ),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe('The portfolio’s largest currency by default'),
  months: z.coerce.number().int().min(3).max(24).optional().describe('Months shown, 3 to 24 (12 by default)'),
  from: isoDate
    .optional()
    .describe('First day of the funnel’s and channels’ period; 30 days before `to` by default'),
  to: isoDate.optional().describe('Last day, included; today by default'),
});

/** The dashboard's history and its workbook (registered by `dashboardRoutes`). */
export function dashboardTrendRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/dashboard/trends',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          'Month by month: recovery rate, DSO, CEI and collected; liquidation curves by cohort; the payment funnel and the channels’ response rates over the period',
        description:
          'Past month-ends come from the figures’ history (written daily, computed back for the months before), the ' +
          'current month from the running figures. A client user sees its own creditor only.',
        querystring: trendsQuery,
        response: { 200: trendsSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => getTrends(deps, actorOf(request), request.query),
  );

  api.get(
    '/dashboard.xlsx',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'The dashboard and its trends as an XLSX workbook, in the caller’s language',
        description:
          'One sheet per section of the dashboard (the CSV’s rows), then the months, the liquidation curves, the ' +
          'payment funnel and the channels. Amounts are numbers in the currency’s units.',
        querystring: trendsQuery,
        response: { 200: z.any().describe('XLSX workbook'), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const workbook = await produceDashboardWorkbook(
        deps,
        actorOf(request),
        request.query,
        requestLocale(request),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(workbook.fileName))
        .send(Buffer.from(workbook.content));
    },
  );
}
