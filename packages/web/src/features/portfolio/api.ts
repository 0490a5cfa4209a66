import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../app/api/client.ts';
import type {
  AgeBucket,
  Collectability,
  Creditor,
  DebtorKind,
  NextAction,
  Page,
} from '../../app/api/types.ts';
import {
  type CaseSort,
  DEFAULT_ORDER,
  DEFAULT_PAGE_SIZE,
  DRILL_KEYS,
  type PortfolioSearch,
} from './search.ts';

export type CaseSummary = {
  readonly id: string;
  readonly status?: string;
  readonly debtor: {
    readonly id: string;
    readonly name: string;
    readonly kind: DebtorKind;
    readonly ref: string;
    readonly siren?: string | null;
  };
  readonly creditor: Creditor;
  readonly currency: string;
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  readonly claimCount: number;
  readonly openClaimCount: number;
  readonly oldestDueDate: string | null;
  readonly daysPastDue: number | null;
  readonly ageBucket?: AgeBucket | null;
  readonly collectability: Collectability;
  readonly earliestPrescriptionEnd: string | null;
  readonly openedAt?: string;
  readonly updatedAt?: string;
  /** The strategy the case follows and where it stands ('new' before its first run). */
  readonly strategyKey?: string | null;
  readonly stage?: string;
  /** What the engine does next, and when; null when only an event or a person can move the case. */
  readonly nextAction?: NextAction | null;
};

export type CasesPage = Page<CaseSummary>;

/** The API's sort keys for the URL's. */
const API_SORTS: Readonly<Record<CaseSort, string>> = {
  balance: 'balance',
  age: 'age',
  debtor: 'debtorName',
  updated: 'updated',
};

export function casesQuery(search: PortfolioSearch) {
  const drill = Object.fromEntries(DRILL_KEYS.map((key) => [key, search[key]]));
  const params = {
    ...drill,
    q: search.q,
    creditorId: search.creditorId,
    collectability: search.collectability,
    age: search.ageBucket,
    debtorKind: search.debtorKind,
    sort: search.sort ? API_SORTS[search.sort] : undefined,
    order: search.sort ? (search.order ?? DEFAULT_ORDER[search.sort]) : search.order,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  };
  return queryOptions({
    queryKey: ['cases', params],
    queryFn: ({ signal }) => apiRequest<CasesPage>(`/cases${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
