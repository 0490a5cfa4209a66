import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';

export const AGEING_BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export const PERIODS = [7, 30, 90, 365] as const;
export type PeriodDays = (typeof PERIODS)[number];

export type DashboardFilterName = 'strategyKey' | 'channel' | 'agentId';

type StatusFigures = { readonly status: string; readonly count: number; readonly amountMinor: number };

/** GET /api/v1/dashboard (server: use-cases/kpis/get-dashboard.ts). Percentages are strings, 1 decimal. */
export type Dashboard = {
  readonly asOf: string;
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly currencies: readonly string[];
  readonly creditorId: string | null;
  readonly segment: 'business' | 'consumer' | null;
  readonly strategyKey: string | null;
  readonly channel: string | null;
  readonly agentId: string | null;
  /** Per section, the filters asked for that its figures do not follow (the claims carry none). */
  readonly unfiltered: {
    readonly portfolio: readonly DashboardFilterName[];
    readonly activity: readonly DashboardFilterName[];
  };
  readonly portfolio: {
    readonly receivables: { readonly count: number; readonly outstandingMinor: number };
    readonly overdueMinor: number;
    readonly disputedMinor: number;
    readonly ageing: readonly {
      readonly bucket: AgeingBucket;
      readonly count: number;
      readonly outstandingMinor: number;
      readonly share: string | null;
    }[];
    readonly recovery: {
      readonly placedMinor: number;
      readonly recoveredMinor: number;
      readonly collectedMinor: number;
      readonly placedCount: number;
      readonly paidCount: number;
      readonly byAmount: string | null;
      readonly byCount: string | null;
    };
    readonly dso: { readonly days: string; readonly complete: boolean; readonly monthsUsed: number };
  };
  readonly collections: {
    readonly collectedMinor: number;
    readonly paymentCount: number;
    readonly reversedMinor: number;
    readonly days: readonly {
      readonly day: string;
      readonly channel: string;
      readonly amountMinor: number;
    }[];
    readonly byChannel: readonly {
      readonly channel: string;
      readonly amountMinor: number;
      readonly count: number;
    }[];
    readonly byStrategy: readonly { readonly strategyKey: string; readonly amountMinor: number }[];
    readonly agents: readonly {
      readonly rank: number;
      readonly userId: string;
      readonly name: string;
      readonly team: string | null;
      readonly amountMinor: number;
      readonly share: string | null;
    }[];
    readonly teams: readonly {
      readonly rank: number;
      readonly team: string | null;
      readonly amountMinor: number;
    }[];
  };
  readonly activity: {
    readonly promises: {
      readonly byStatus: readonly StatusFigures[];
      readonly made: number;
      readonly keptRate: string | null;
    };
    readonly plans: {
      readonly byStatus: readonly StatusFigures[];
      readonly agreed: number;
      readonly completionRate: string | null;
    };
    readonly disputes: {
      readonly openCount: number;
      readonly openMinor: number;
      readonly meanAgeDays: string | null;
      readonly ageing: readonly {
        readonly bucket: string;
        readonly count: number;
        readonly amountMinor: number;
      }[];
      readonly pastDeadline: number;
    };
    readonly forecast: readonly {
      readonly month: string;
      readonly promisesMinor: number;
      readonly instalmentsMinor: number;
    }[];
  };
};

export type DashboardFilters = {
  readonly creditorId?: string | undefined;
  readonly segment?: 'business' | 'consumer' | undefined;
  readonly strategyKey?: string | undefined;
  readonly channel?: string | undefined;
  readonly agentId?: string | undefined;
  readonly days: PeriodDays;
  readonly today: string;
};

/** The period ends today and goes back `days` days, today included. */
export function periodOf(days: number, today: string): { from: string; to: string } {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { from, to: today };
}

function dashboardParams(filters: DashboardFilters): string {
  return toQueryString({
    creditorId: filters.creditorId,
    segment: filters.segment,
    strategyKey: filters.strategyKey,
    channel: filters.channel,
    agentId: filters.agentId,
    ...periodOf(filters.days, filters.today),
  });
}

/** The CSV or PDF export of the same figures (the server writes it in the caller's language). */
export function dashboardExportUrl(filters: DashboardFilters, format: 'csv' | 'pdf'): string {
  return apiUrl(`/dashboard.${format}${dashboardParams(filters)}`);
}

export const dashboardQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: ['dashboard', filters],
    queryFn: ({ signal }) => apiRequest<Dashboard>(`/dashboard${dashboardParams(filters)}`, { signal }),
    // The figures include every write: a supervisor watching the page sees the day move.
    refetchInterval: 60_000,
  });

/** The portfolio's own age filter for the cases behind an ageing bar (over 90 days: oldest first). */
export const PORTFOLIO_AGE: Readonly<Record<AgeingBucket, string | undefined>> = {
  not_due: 'not_due',
  d1_30: '0-30',
  d31_60: '31-60',
  d61_90: '61-90',
  d90_plus: undefined,
};
