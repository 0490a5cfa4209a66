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
import { COHORT_FIGURES } from '../../../db/figures/cohort-figures.ts';
import { CLAIM_FIGURES, PAYMENT_FIGURES } from '../../../db/figures/figure-specs.ts';
import { STRATEGY_COHORTS } from '../../../db/figures/strategy-figures.ts';
import { type FigureFilter, type FigureSums, sumFigures } from '../../../db/figures/sum-figures.ts';
import { sumStrategyFigures } from '../../../db/figures/sum-strategy-figures.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { creditorFilter, readScope } from '../../portfolio/scope.ts';
import type { Segment } from '../get-dashboard.ts';
import { reportPeriod } from '../report-period.ts';
import { pastMonthEnds } from './record-figure-history.ts';
import { periodChannels, periodFunnel } from './trend-activity.ts';
import { cohortTotals, historyTotals, type Totals } from './trend-history.ts';

export type TrendsInput = {
  readonly creditorId?: string | undefined;
  readonly segment?: Segment | undefined;
  readonly currency?: string | undefined;
  /**
   * The cases' strategy (decision 0014): the month-ends by the strategy each case followed when the day was
   * written, the current month and the funnel by today's, the collected by the payment's when booked, the
   * channels by the action's; the liquidation curves likewise, month-ends and current month (decision 0016).
   */
  readonly strategyKey?: string | undefined;
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
  readonly strategyKey: string | null;
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

/**
 * The dashboard's history: month by month, recovery rate, DSO and CEI, what came in, and the liquidation
 * curve of each month's cohort — the past month-ends from the figures' history, the current month from the
 * running figures (never behind the last commit) — and over the period the payment funnel by channel and
 * the actions sent by channel with their response rate. Same scope as the dashboard: a client sees its
 * creditor only. Everything by strategy too (decision 0014), the liquidation curves included: their month-ends
 * from the cohorts' history by strategy, their current point from the cohorts' running sums by strategy,
 * which a case's change of strategy moves at once (decision 0016).
 */
export async function getTrends(deps: Deps, actor: Actor, input: TrendsInput): Promise<Trends> {
  const scope = readScope(actor);
  const asOf = deps.clock.today();
  const { from, to } = reportPeriod(input, asOf, 'dashboard_period_invalid');
  const count = Math.min(24, Math.max(3, input.months ?? 12));
  const creditorId = creditorFilter(scope, input.creditorId) ?? null;
  const segment = input.segment ?? null;
  const strategyKey = input.strategyKey ?? null;
  const filters: FigureFilter[] = [];
  if (creditorId !== null) filters.push({ column: 'creditor_id', op: '=', value: creditorId });
  if (segment !== null) filters.push({ column: 'segment', op: '=', value: segment });
  const db = deps.database.db;
  const tenantId = scope.tenantId;
  const claimSums = (groupBy: readonly string[], where: readonly FigureFilter[]) =>
    strategyKey === null
      ? sumFigures(db, CLAIM_FIGURES, { tenantId, groupBy, filters: where })
      : sumStrategyFigures(db, { tenantId, strategyKey, groupBy, filters: where });
  const cohortSums = (where: readonly FigureFilter[]) =>
    strategyKey === null
      ? sumFigures(db, COHORT_FIGURES, { tenantId, groupBy: ['cohort_month'], filters: where })
      : sumStrategyFigures(
          db,
          { tenantId, strategyKey, groupBy: ['cohort_month'], filters: where },
          STRATEGY_COHORTS,
        );
  const currency = input.currency ?? (await largestCurrency(claimSums, filters));
  // Newest first: today, then the month-ends before, one more for the first month's opening balance.
  const ends = pastMonthEnds(asOf, count);
  const monthsFirst = ends[count - 2]?.slice(0, 7) ?? asOf.slice(0, 7);
  const where = [...filters, { column: 'currency', op: '=', value: currency } as const];
  const activity = { tenantId, creditorId, segment, strategyKey, currency, from, to };
  const paidBy =
    strategyKey === null
      ? where
      : [...where, { column: 'strategy_key', op: '=', value: strategyKey } as const];
  const [live, liveCohorts, paid, history, cohortHistory, funnel, channels] = await Promise.all([
    claimSums(['due_date', 'issue_month'], where),
    cohortSums([...where, { column: 'cohort_month', op: '>=', value: monthsFirst }]),
    sumFigures(db, PAYMENT_FIGURES, {
      tenantId,
      groupBy: ['received_on'],
      filters: [...paidBy, { column: 'received_on', op: '>=', value: `${monthsFirst}-01` }],
    }),
    historyTotals(db, activity, ends),
    cohortTotals(db, activity, ends, monthsFirst),
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
    strategyKey,
    months,
    liquidation: curves(liveCohorts, cohortAt, points, asOf, currency),
    from,
    to,
    funnel,
    channels,
  };
}

async function largestCurrency(
  claimSums: (groupBy: readonly string[], where: readonly FigureFilter[]) => Promise<readonly FigureSums[]>,
  filters: readonly FigureFilter[],
): Promise<string> {
  const rows = await claimSums(['currency'], filters);
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
