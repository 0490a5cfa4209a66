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

export type PortfolioSearch = {
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
