import { compact, optionalOneOf, optionalString } from '../../app/search/search-params.ts';
import { PAYMENT_CHANNELS } from '../portfolio/search.ts';
import { PERIODS, type PeriodDays } from './api.ts';

export const SEGMENT_CHOICES = ['business', 'consumer'] as const;

/** The dashboard's filters, kept in the URL so that a view can be shared and the back button returns to it. */
export type DashboardSearch = {
  readonly creditorId?: string;
  readonly segment?: (typeof SEGMENT_CHOICES)[number];
  readonly days?: PeriodDays;
  readonly strategyKey?: string;
  readonly channel?: (typeof PAYMENT_CHANNELS)[number];
  readonly agentId?: string;
};

export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const days = Number(search.days);
  return compact({
    creditorId: optionalString(search.creditorId, 100),
    segment: optionalOneOf(SEGMENT_CHOICES, search.segment),
    days: (PERIODS as readonly number[]).includes(days) ? (days as PeriodDays) : undefined,
    strategyKey: optionalString(search.strategyKey, 100),
    channel: optionalOneOf(PAYMENT_CHANNELS, search.channel),
    agentId: optionalString(search.agentId, 100),
  });
}
