import type { FigureFilter } from '../../db/figures/sum-figures.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import type { PaymentChannelFilter } from '../portfolio/drill-filters.ts';
import { creditorFilter, readScope } from '../portfolio/scope.ts';
import { type ActivityFigures, activityFigures } from './activity-figures.ts';
import { type CollectionFigures, collectionFigures } from './collection-figures.ts';
import { type PortfolioFigures, readPortfolio } from './portfolio-figures.ts';
import { reportPeriod } from './report-period.ts';

export const SEGMENTS = ['business', 'consumer'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The filters a section's figures may not take (the claims carry no channel or agent). */
export type DashboardFilterName = 'strategyKey' | 'channel' | 'agentId';

/**
 * What each section's figures follow: the portfolio (claims) the strategy only; the activity — promises, plans,
 * disputes and the forecast from them — every filter, by the case's strategy and by who made each row.
 */
const FOLLOWED: Readonly<Record<keyof Dashboard['unfiltered'], readonly DashboardFilterName[]>> = {
  portfolio: ['strategyKey'],
  activity: ['strategyKey', 'channel', 'agentId'],
};

export type DashboardInput = {
  readonly creditorId?: string | undefined;
  readonly segment?: Segment | undefined;
  /** The case's strategy (portfolio, promises, plans, disputes), the payment's when booked (collections). */
  readonly strategyKey?: string | undefined;
  /** The flows only: the payments' channel and the agent who booked or took them; through which channel and
   * by whom a promise, plan or dispute was made. */
  readonly channel?: PaymentChannelFilter | undefined;
  readonly agentId?: string | undefined;
  readonly currency?: string | undefined;
  /** The period of the flows (collected, promises, plans); 30 days to today by default. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

export type Dashboard = {
  readonly asOf: string;
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  /** Every currency the portfolio holds, largest first: figures are given in one at a time. */
  readonly currencies: readonly string[];
  readonly creditorId: string | null;
  readonly segment: Segment | null;
  readonly strategyKey: string | null;
  readonly channel: PaymentChannelFilter | null;
  readonly agentId: string | null;
  /** Per section, the filters asked for that its figures do not follow: the page says so. */
  readonly unfiltered: {
    readonly portfolio: readonly DashboardFilterName[];
    readonly activity: readonly DashboardFilterName[];
  };
  readonly portfolio: PortfolioFigures;
  readonly collections: CollectionFigures;
  readonly activity: ActivityFigures;
};

/**
 * The supervisor's (or a creditor's) dashboard: the portfolio as it stands today — receivables, ageing,
 * recovery, DSO — and what happened over the period — money collected by day, channel, strategy and
 * agent, promises, plans, disputes — with the cash expected from plans and promises. A client sees its own
 * creditor only. The claims and payments figures come from the running sums (never behind the last
 * commit); the rest from tables a hundred times smaller than the claims. The strategy filter applies to
 * every section (the portfolio's from the figures by strategy, decision 0011); the channel and agent filters
 * to the flows that carry them — payments by their channel and who booked them, promises, plans and disputes
 * by who made them (`madeThrough`) — claims have neither, so the portfolio section is given unfiltered by
 * them and says so (`unfiltered`) rather than show a wrong number.
 */
export async function getDashboard(deps: Deps, actor: Actor, input: DashboardInput): Promise<Dashboard> {
  const scope = readScope(actor);
  const asOf = deps.clock.today();
  const { from, to } = reportPeriod(input, asOf, 'dashboard_period_invalid');
  const creditorId = creditorFilter(scope, input.creditorId) ?? null;
  const segment = input.segment ?? null;
  const strategyKey = input.strategyKey ?? null;
  const channel = input.channel ?? null;
  const agentId = input.agentId ?? null;
  const filters: FigureFilter[] = [];
  if (creditorId !== null) filters.push({ column: 'creditor_id', op: '=', value: creditorId });
  if (segment !== null) filters.push({ column: 'segment', op: '=', value: segment });
  const flows: FigureFilter[] = [...filters];
  if (strategyKey !== null) flows.push({ column: 'strategy_key', op: '=', value: strategyKey });
  if (channel !== null) flows.push({ column: 'channel', op: '=', value: channel });
  if (agentId !== null) flows.push({ column: 'recorded_by', op: '=', value: `user:${agentId}` });
  const asked: DashboardFilterName[] = [];
  if (strategyKey !== null) asked.push('strategyKey');
  if (channel !== null) asked.push('channel');
  if (agentId !== null) asked.push('agentId');
  const db = deps.database.db;
  const claims = await readPortfolio(db, scope.tenantId, filters, asOf, strategyKey);
  const currencies = claims.currencies;
  const currency = input.currency ?? currencies[0] ?? 'EUR';
  const [portfolio, collections, activity] = await Promise.all([
    claims.figuresIn(currency),
    collectionFigures(db, scope.tenantId, flows, { currency, from, to }),
    activityFigures(db, {
      tenantId: scope.tenantId,
      creditorId,
      segment,
      strategyKey,
      channel,
      agentId,
      currency,
      from,
      to,
      asOf,
    }),
  ]);
  return {
    asOf,
    from,
    to,
    currency,
    currencies,
    creditorId,
    segment,
    strategyKey,
    channel,
    agentId,
    unfiltered: {
      portfolio: asked.filter((f) => !FOLLOWED.portfolio.includes(f)),
      activity: asked.filter((f) => !FOLLOWED.activity.includes(f)),
    },
    portfolio,
    collections,
    activity,
  };
}
