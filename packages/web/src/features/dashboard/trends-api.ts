import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';
import { type DashboardFilters, periodOf } from './api.ts';

type Ratio = { readonly numerator: number; readonly denominator: number };

type FunnelStage = {
  readonly started: number;
  readonly completed: number;
  readonly failed: number;
  readonly abandoned: number;
  readonly open: number;
  readonly inputErrors: number;
  readonly attemptsWithInputErrors: number;
  readonly conversion: Ratio;
};

type ChannelFigures = { readonly sent: number; readonly responded: number; readonly rate: Ratio };

/** GET /api/v1/dashboard/trends (server: use-cases/kpis/history/get-trends.ts). Percentages: strings, 1 decimal. */
export type Trends = {
  readonly asOf: string;
  readonly currency: string;
  readonly strategyKey: string | null;
  readonly months: readonly {
    readonly month: string;
    readonly asOf: string;
    readonly partial: boolean;
    readonly recorded: boolean;
    readonly placedMinor: number | null;
    readonly receivableMinor: number | null;
    readonly overdueMinor: number | null;
    readonly collectedMinor: number;
    readonly recoveryRate: string | null;
    readonly dsoDays: string | null;
    readonly cei: string | null;
  }[];
  readonly liquidation: readonly {
    readonly cohort: string;
    readonly placedMinor: number;
    readonly placedCount: number;
    readonly points: readonly {
      readonly offset: number;
      readonly collectedMinor: number;
      readonly share: string | null;
      readonly partial: boolean;
    }[];
  }[];
  readonly from: string;
  readonly to: string;
  readonly funnel: {
    readonly channels: readonly (FunnelStage & { readonly channel: 'portal' | 'ivr' | 'agent' })[];
    readonly total: FunnelStage;
  };
  readonly channels: {
    readonly channels: readonly (ChannelFigures & { readonly channel: string })[];
    readonly total: ChannelFigures;
  };
};

export const TREND_MONTHS = [6, 12, 24] as const;
export type TrendMonths = (typeof TREND_MONTHS)[number];

function trendParams(filters: DashboardFilters, months: TrendMonths): string {
  return toQueryString({
    creditorId: filters.creditorId,
    segment: filters.segment,
    strategyKey: filters.strategyKey,
    months: String(months),
    ...periodOf(filters.days, filters.today),
  });
}

export const trendsQuery = (filters: DashboardFilters, months: TrendMonths) =>
  queryOptions({
    queryKey: ['dashboard', 'trends', filters, months],
    queryFn: ({ signal }) =>
      apiRequest<Trends>(`/dashboard/trends${trendParams(filters, months)}`, { signal }),
    refetchInterval: 60_000,
  });

/** The dashboard and its trends as an XLSX workbook (the server writes it in the caller's language). */
export function dashboardXlsxUrl(filters: DashboardFilters): string {
  return apiUrl(`/dashboard.xlsx${trendParams(filters, 12)}`);
}

/** A ratio as a percentage with 1 decimal ('42.9'), rounded half up; null when there is no denominator. */
export function percentOf(r: Ratio): string | null {
  if (r.denominator === 0) return null;
  // Integers only: tenths = floor((2 × 1000 × n + d) / 2d) is n/d × 1000 rounded half up.
  const tenths = Math.floor((2000 * r.numerator + r.denominator) / (2 * r.denominator));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
