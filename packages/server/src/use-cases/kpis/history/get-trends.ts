import {
  type ChannelResponseReport,
  collectionEffectivenessIndex,
  countbackMonths,
  daysSalesOutstanding,
  liquidationCurves,
  type PaymentFunnel,
  percent,
  ratio,
} from '@relance/core';
import type { Kysely } from 'kysely';
import { COHORT_FIGURES } from '../../../db/figures/cohort-figures.ts';
import { CLAIM_FIGURES, PAYMENT_FIGURES } from '../../../db/figures/figure-specs.ts';
import { type FigureFilter, sumFigures } from '../../../db/figures/sum-figures.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { creditorFilter, readScope } from '../../portfolio/scope.ts';
import type { Segment } from '../get-dashboard.ts';
import { reportPeriod } from '../report-period.ts';
import { pastMonthEnds } from './record-figure-history.ts';
import { periodChannels, periodFunnel } from './trend-activity.ts';

export type TrendsInput = {
  readonly creditorId?: string | undefined;
  readonly segment?: Segment | undefined;
  readonly currency?: string | undefined;
  /** How many months, the current one included: 3 to 24 (12 by default). */
  readonly months?: number | undefined;
  /** The period of the funnel and the channels (30 days to today by default). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

export type TrendMonth = {
  readonly month: string;
  /** The month-end the figures stand at (today for the current month). */
  readonly asOf: string;
  readonly partial: boolean;
  /** False: no history was written for that month-end (figures null). */
  readonly recorded: boolean;
  readonly placedMinor: number | null;
  readonly receivableMinor: number | null;
  readonly overdueMinor: number | null;
  /** Booked in the month (payments, less those reversed since), from the running figures. */
  readonly collectedMinor: number;
  /** (placed − still owed) / placed at the month-end, %, 1 decimal. */
  readonly recoveryRate: string | null;
  /** Countback DSO at the month-end over the 12 months of sales before it. */
  readonly dsoDays: string | null;
  /** Collection effectiveness index of the month, %; null when nothing was collectible or a month is missing. */
  readonly cei: string | null;
};

export type Trends = {
  readonly asOf: string;
  readonly currency: string;
  readonly creditorId: string | null;
  readonly segment: Segment | null;
  readonly months: readonly TrendMonth[];
  readonly liquidation: readonly {
    readonly cohort: string;
    readonly placedMinor: number;
    readonly placedCount: number;
    readonly points: readonly {
      readonly offset: number;
      readonly month: string;
      readonly collectedMinor: number;
      readonly share: string | null;
      readonly partial: boolean;
    }[];
  }[];
  readonly from: string;
  readonly to: string;
  readonly funnel: PaymentFunnel;
  readonly channels: ChannelResponseReport;
};

type Totals = {
  placed: number;
  claims: number;
  receivable: number;
  notDue: number;
};

/**
 * The dashboard's history: month by month, recovery rate, DSO and CEI, what came in, and the liquidation
 * curve of each month's cohort — the past month-ends from the figures' history, the current month from the
 * running figures (never behind the last commit) — and over the period the payment funnel by channel and
 * the actions sent by channel with their response rate. Same scope as the dashboard: a client sees its
 * creditor only.
 */
export async function getTrends(deps: Deps, actor: Actor, input: TrendsInput): Promise<Trends> {
  const scope = readScope(actor);
  const asOf = deps.clock.today();
  const { from, to } = reportPeriod(input, asOf, 'dashboard_period_invalid');
  const count = Math.min(24, Math.max(3, input.months ?? 12));
  const creditorId = creditorFilter(scope, input.creditorId) ?? null;
  const segment = input.segment ?? null;
  const filters: FigureFilter[] = [];
  if (creditorId !== null) filters.push({ column: 'creditor_id', op: '=', value: creditorId });
  if (segment !== null) filters.push({ column: 'segment', op: '=', value: segment });
  const db = deps.database.db;
  const tenantId = scope.tenantId;
  const currency = input.currency ?? (await largestCurrency(db, tenantId, filters));
  // Newest first: today, then the month-ends before, one more for the first month's opening balance.
  const ends = pastMonthEnds(asOf, count);
  const monthsFirst = ends[count - 2]?.slice(0, 7) ?? asOf.slice(0, 7);
  const where = [...filters, { column: 'currency', op: '=', value: currency } as const];
  const activity = { tenantId, creditorId, segment, currency, from, to };
  const [live, liveCohorts, paid, history, cohortHistory, funnel, channels] = await Promise.all([
    sumFigures(db, CLAIM_FIGURES, { tenantId, groupBy: ['due_date', 'issue_month'], filters: where }),
    sumFigures(db, COHORT_FIGURES, {
      tenantId,
      groupBy: ['cohort_month'],
      filters: [...where, { column: 'cohort_month', op: '>=', value: monthsFirst }],
    }),
    sumFigures(db, PAYMENT_FIGURES, {
      tenantId,
      groupBy: ['received_on'],
      filters: [...where, { column: 'received_on', op: '>=', value: `${monthsFirst}-01` }],
    }),
    historyRows(db, tenantId, creditorId, segment, currency, ends),
    cohortRows(db, tenantId, creditorId, segment, currency, ends, monthsFirst),
    periodFunnel(db, activity),
    periodChannels(db, activity),
  ]);
  const sales = new Map<string, number>();
  const now: Totals = { placed: 0, claims: 0, receivable: 0, notDue: 0 };
  for (const row of live) {
    const month = String(row.issue_month || String(row.due_date).slice(0, 7));
    sales.set(month, (sales.get(month) ?? 0) + Number(row.amount_minor));
    now.placed += Number(row.amount_minor);
    now.claims += Number(row.claim_count);
    now.receivable += Number(row.receivable_minor);
    if (String(row.due_date) >= asOf) now.notDue += Number(row.receivable_minor);
  }
  const totalsAt = new Map<string, Totals>(history);
  totalsAt.set(asOf, now);
  const collectedIn = new Map<string, number>();
  for (const row of paid) {
    const month = String(row.received_on).slice(0, 7);
    collectedIn.set(month, (collectedIn.get(month) ?? 0) + Number(row.amount_minor));
  }
  const points = [asOf, ...ends].slice(0, count).reverse();
  const months = points.map((end, i) =>
    trendMonth(end, end === asOf, totalsAt.get(end), totalsAt.get(ends[count - 1 - i] ?? ''), {
      currency,
      sales,
      collected: collectedIn.get(end.slice(0, 7)) ?? 0,
    }),
  );
  const cohortAt = new Map(cohortHistory);
  cohortAt.set(asOf, new Map(liveCohorts.map((r) => [String(r.cohort_month), Number(r.collected_minor)])));
  return {
    asOf,
    currency,
    creditorId,
    segment,
    months,
    liquidation: curves(liveCohorts, cohortAt, points, asOf, currency),
    from,
    to,
    funnel,
    channels,
  };
}

async function largestCurrency(
  db: Kysely<Database>,
  tenantId: string,
  filters: readonly FigureFilter[],
): Promise<string> {
  const rows = await sumFigures(db, CLAIM_FIGURES, { tenantId, groupBy: ['currency'], filters });
  const largest = [...rows].sort((a, b) => Number(b.amount_minor) - Number(a.amount_minor))[0];
  return largest ? String(largest.currency) : 'EUR';
}

function trendMonth(
  end: string,
  partial: boolean,
  at: Totals | undefined,
  before: Totals | undefined,
  c: { readonly currency: string; readonly sales: ReadonlyMap<string, number>; readonly collected: number },
): TrendMonth {
  const base = { month: end.slice(0, 7), asOf: end, partial, collectedMinor: c.collected };
  if (!at) {
    return {
      ...base,
      recorded: false,
      placedMinor: null,
      receivableMinor: null,
      overdueMinor: null,
      recoveryRate: null,
      dsoDays: null,
      cei: null,
    };
  }
  const months = countbackMonths(end, 12).map((m) => ({
    month: m.month,
    days: m.days,
    salesMinor: Math.max(c.sales.get(m.month) ?? 0, 0),
  }));
  const dso = daysSalesOutstanding({ currency: c.currency, receivablesMinor: at.receivable, months });
  return {
    ...base,
    recorded: true,
    placedMinor: at.placed,
    receivableMinor: at.receivable,
    overdueMinor: at.receivable - at.notDue,
    recoveryRate: percent(ratio(Math.max(at.placed - at.receivable, 0), at.placed)),
    dsoDays: dso.days,
    cei: before ? cei(c.currency, before, at) : null,
  };
}

/**
 * CEI of a month: opening receivables = the month-end before, sales = what started in the month (the
 * placed amount's growth). Null when the figures do not fit the formula's bounds — a payment reversed in
 * the month, or claims cancelled, can owe more at the close than opening + sales.
 */
function cei(currency: string, before: Totals, at: Totals): string | null {
  const sales = at.placed - before.placed;
  const open = before.receivable;
  if (sales < 0 || at.receivable > open + sales || at.notDue > at.receivable || at.notDue < 0) return null;
  const index = collectionEffectivenessIndex({
    currency,
    openingReceivablesMinor: open,
    creditSalesMinor: sales,
    closingTotalMinor: at.receivable,
    closingCurrentMinor: at.notDue,
  });
  return percent(index.index);
}

async function historyRows(
  db: Kysely<Database>,
  tenantId: string,
  creditorId: string | null,
  segment: string | null,
  currency: string,
  ends: readonly string[],
): Promise<[string, Totals][]> {
  const rows = await db
    .selectFrom('figure_history')
    .select((eb) => [
      'as_of',
      eb.fn.sum<number>('placed_minor').as('placed'),
      eb.fn.sum<number>('claim_count').as('claims'),
      eb.fn.sum<number>('receivable_minor').as('receivable'),
      eb.fn.sum<number>('not_due_minor').as('not_due'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('as_of', 'in', [...ends])
    .where('currency', '=', currency)
    .$if(creditorId !== null, (q) => q.where('creditor_id', '=', creditorId ?? ''))
    .$if(segment !== null, (q) => q.where('segment', '=', segment ?? ''))
    .groupBy('as_of')
    .execute();
  const written = await writtenDays(db, tenantId, ends);
  // A day written without any line in this scope had nothing: zeros, not a gap.
  return ends
    .filter((d) => written.has(d))
    .map((d) => {
      const r = rows.find((x) => x.as_of === d);
      return [
        d,
        {
          placed: Number(r?.placed ?? 0),
          claims: Number(r?.claims ?? 0),
          receivable: Number(r?.receivable ?? 0),
          notDue: Number(r?.not_due ?? 0),
        },
      ];
    });
}

async function writtenDays(db: Kysely<Database>, tenantId: string, days: readonly string[]) {
  const rows = await db
    .selectFrom('figure_history_days')
    .select('as_of')
    .where('tenant_id', '=', tenantId)
    .where('as_of', 'in', [...days])
    .execute();
  return new Set(rows.map((r) => r.as_of));
}

async function cohortRows(
  db: Kysely<Database>,
  tenantId: string,
  creditorId: string | null,
  segment: string | null,
  currency: string,
  ends: readonly string[],
  first: string,
): Promise<[string, Map<string, number>][]> {
  const rows = await db
    .selectFrom('cohort_history')
    .select((eb) => ['as_of', 'cohort_month', eb.fn.sum<number>('collected_minor').as('collected')])
    .where('tenant_id', '=', tenantId)
    .where('as_of', 'in', [...ends])
    .where('currency', '=', currency)
    .where('cohort_month', '>=', first)
    .$if(creditorId !== null, (q) => q.where('creditor_id', '=', creditorId ?? ''))
    .$if(segment !== null, (q) => q.where('segment', '=', segment ?? ''))
    .groupBy(['as_of', 'cohort_month'])
    .execute();
  const written = await writtenDays(db, tenantId, ends);
  const byDay = new Map<string, Map<string, number>>([...written].map((d) => [d, new Map()]));
  for (const r of rows) byDay.get(r.as_of)?.set(r.cohort_month, Number(r.collected));
  return [...byDay.entries()];
}

/**
 * One curve per cohort of the window (core `liquidationCurves`): each month-end's collected-to-date becomes
 * the collection of the month it closes; a month-end not written adds its month to the next one written.
 */
function curves(
  liveCohorts: readonly Readonly<Record<string, string | number>>[],
  cohortAt: ReadonlyMap<string, ReadonlyMap<string, number>>,
  points: readonly string[],
  asOf: string,
  currency: string,
): Trends['liquidation'] {
  const placements = liveCohorts.map((r) => ({
    placedOn: `${String(r.cohort_month)}-01`,
    placedMinor: Math.max(Number(r.amount_minor), 0),
    currency,
  }));
  const counts = new Map(liveCohorts.map((r) => [String(r.cohort_month), Number(r.claim_count)]));
  const collections = placements.flatMap((p) => {
    const cohort = p.placedOn.slice(0, 7);
    let previous = 0;
    return points
      .filter((end) => end.slice(0, 7) >= cohort)
      .flatMap((end) => {
        const total = cohortAt.get(end)?.get(cohort);
        if (total === undefined) return [];
        const amountMinor = total - previous;
        previous = total;
        return [{ placedOn: p.placedOn, collectedOn: end, amountMinor, currency }];
      });
  });
  return liquidationCurves({ currency, asOf, placements, collections }).map((c) => ({
    cohort: c.placementMonth,
    placedMinor: c.placedMinor,
    placedCount: counts.get(c.placementMonth) ?? 0,
    points: c.points.map((p) => ({
      offset: p.offset,
      month: p.month,
      collectedMinor: p.collectedMinor,
      share: percent(p.share),
      partial: p.partial,
    })),
  }));
}
