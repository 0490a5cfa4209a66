import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';

export const RATE_TABLES = ['ecb-mro', 'fr-legal-rate', 'uk-boe-reference'] as const;
export type RateTable = (typeof RATE_TABLES)[number];

/** One semester of a rate table (`GET /interest-rates`). */
export type RateRow = {
  readonly table: RateTable;
  readonly period: string;
  readonly ratePercent: string | null;
  readonly individual: string | null;
  readonly otherCases: string | null;
  readonly referenceDate: string | null;
  readonly status: string;
  readonly origin: 'shipped' | 'entered';
  readonly source: string;
  readonly enteredBy: string | null;
  readonly enteredAt: string | null;
};

export type RatesView = {
  readonly asOf: string;
  readonly rates: readonly RateRow[];
  readonly missing: readonly { readonly table: RateTable; readonly period: string }[];
};

export type RateEntry = {
  readonly ratePercent?: string;
  readonly individual?: string;
  readonly otherCases?: string;
  readonly referenceDate?: string;
  readonly source: string;
};

export const ratesQuery = queryOptions({
  queryKey: ['settings', 'interest-rates'],
  queryFn: ({ signal }) => apiRequest<RatesView>('/interest-rates', { signal }),
});

export function enterRate(table: RateTable, period: string, entry: RateEntry): Promise<unknown> {
  return apiRequest(`/interest-rates/${table}/${encodeURIComponent(period)}`, { method: 'PUT', json: entry });
}
