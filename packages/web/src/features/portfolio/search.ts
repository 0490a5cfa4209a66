import {
  AGE_BUCKETS,
  type AgeBucket,
  COLLECTABILITIES,
  type Collectability,
  DEBTOR_KINDS,
  type DebtorKind,
} from '../../app/api/types.ts';
import {
  compact,
  optionalOneOf,
  optionalPositiveInt,
  optionalString,
} from '../../app/search/search-params.ts';

export const CASE_SORTS = ['balance', 'age', 'debtor', 'updated'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export const DUE_BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export const PROMISE_FILTERS = ['open', 'kept', 'partly_kept', 'broken', 'cancelled'] as const;
export const PLAN_FILTERS = ['active', 'completed', 'broken', 'cancelled'] as const;
export const PAYMENT_CHANNELS = ['portal', 'ivr', 'agent', 'statement', 'api', 'manual', 'agency'] as const;

/** The filters a dashboard figure opens the list with (server: use-cases/portfolio/drill-filters.ts). */
export type DrillSearch = {
  readonly strategyKey?: string;
  readonly currency?: string;
  readonly receivable?: boolean;
  readonly overdue?: boolean;
  readonly disputed?: boolean;
  readonly dueBucket?: (typeof DUE_BUCKETS)[number];
  readonly openDispute?: boolean;
  readonly promise?: (typeof PROMISE_FILTERS)[number];
  readonly plan?: (typeof PLAN_FILTERS)[number];
  /** The promise, plan or open dispute made through this channel, or by this agent (user id). */
  readonly madeChannel?: (typeof PAYMENT_CHANNELS)[number];
  readonly madeBy?: string;
  readonly paid?: boolean;
  readonly paidChannel?: (typeof PAYMENT_CHANNELS)[number];
  readonly paidBy?: string;
  readonly paidStrategy?: string;
  readonly from?: string;
  readonly to?: string;
};

export const DRILL_KEYS = [
  'strategyKey',
  'currency',
  'receivable',
  'overdue',
  'disputed',
  'dueBucket',
  'openDispute',
  'promise',
  'plan',
  'madeChannel',
  'madeBy',
  'paid',
  'paidChannel',
  'paidBy',
  'paidStrategy',
  'from',
  'to',
] as const satisfies readonly (keyof DrillSearch)[];

const flag = (value: unknown): true | undefined => (value === true || value === 'true' ? true : undefined);
const isoDate = (value: unknown): string | undefined => {
  const text = optionalString(value, 10);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
};

export function validateDrillSearch(search: Record<string, unknown>): DrillSearch {
  return {
    strategyKey: optionalString(search.strategyKey, 100),
    currency: optionalString(search.currency, 3),
    receivable: flag(search.receivable),
    overdue: flag(search.overdue),
    disputed: flag(search.disputed),
    dueBucket: optionalOneOf(DUE_BUCKETS, search.dueBucket),
    openDispute: flag(search.openDispute),
    promise: optionalOneOf(PROMISE_FILTERS, search.promise),
    plan: optionalOneOf(PLAN_FILTERS, search.plan),
    madeChannel: optionalOneOf(PAYMENT_CHANNELS, search.madeChannel),
    madeBy: optionalString(search.madeBy, 100),
    paid: flag(search.paid),
    paidChannel: optionalOneOf(PAYMENT_CHANNELS, search.paidChannel),
    paidBy: optionalString(search.paidBy, 100),
    paidStrategy: optionalString(search.paidStrategy, 100),
    from: isoDate(search.from),
    to: isoDate(search.to),
  };
}

export type PortfolioSearch = DrillSearch & {
  readonly q?: string;
  readonly creditorId?: string;
  readonly collectability?: Collectability;
  readonly ageBucket?: AgeBucket;
  readonly debtorKind?: DebtorKind;
  readonly sort?: CaseSort;
  readonly order?: SortOrder;
  readonly page?: number;
  readonly pageSize?: number;
};

export const DEFAULT_PAGE_SIZE = 25;

/** The API sorts by balance, largest first, when asked nothing. */
export const DEFAULT_SORT: CaseSort = 'balance';

/** The order a column sorts in on its first click. */
export const DEFAULT_ORDER: Readonly<Record<CaseSort, SortOrder>> = {
  balance: 'desc',
  age: 'desc',
  debtor: 'asc',
  updated: 'desc',
};

export function validatePortfolioSearch(search: Record<string, unknown>): PortfolioSearch {
  const pageSize = optionalPositiveInt(search.pageSize, 100);
  return compact({
    ...validateDrillSearch(search),
    q: optionalString(search.q),
    creditorId: optionalString(search.creditorId),
    collectability: optionalOneOf(COLLECTABILITIES, search.collectability),
    ageBucket: optionalOneOf(AGE_BUCKETS, search.ageBucket),
    debtorKind: optionalOneOf(DEBTOR_KINDS, search.debtorKind),
    sort: optionalOneOf(CASE_SORTS, search.sort),
    order: optionalOneOf(SORT_ORDERS, search.order),
    page: optionalPositiveInt(search.page),
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : undefined,
  });
}
