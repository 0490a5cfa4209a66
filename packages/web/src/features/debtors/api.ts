import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../app/api/client.ts';
import type { Contact, Creditor, DebtorKind, Page } from '../../app/api/types.ts';
import type { CaseSummary } from '../portfolio/api.ts';
import type { DebtorsSearch } from './search.ts';

export type DebtorSummary = {
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  readonly kind: DebtorKind;
  readonly siren: string | null;
  readonly creditor?: Creditor;
  readonly caseCount?: number;
  readonly claimCount?: number;
  readonly updatedAt?: string;
};

export type DebtorDetail = DebtorSummary & {
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly language: string | null;
  readonly timeZone: string | null;
  readonly tags: readonly string[];
  readonly contacts: readonly Contact[];
  readonly cases?: readonly CaseSummary[];
};

export const DEBTORS_PAGE_SIZE = 25;

export function debtorsQuery(search: DebtorsSearch) {
  const params = { q: search.q, kind: search.kind, page: search.page ?? 1, pageSize: DEBTORS_PAGE_SIZE };
  return queryOptions({
    queryKey: ['debtors', params],
    queryFn: ({ signal }) => apiRequest<Page<DebtorSummary>>(`/debtors${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function debtorQuery(debtorId: string) {
  return queryOptions({
    queryKey: ['debtor', debtorId],
    queryFn: ({ signal }) => apiRequest<DebtorDetail>(`/debtors/${encodeURIComponent(debtorId)}`, { signal }),
  });
}

/** The tags the contact profile reads: 'senior' and 'actif' (or 'active') choose the contact hours. */
export const SUGGESTED_TAGS: readonly string[] = ['senior', 'actif'];

/** Replaces the debtor's tags (the server trims, lower-cases, de-duplicates and sorts them). */
export function saveDebtorTags(debtorId: string, tags: readonly string[]): Promise<DebtorDetail> {
  return apiRequest<DebtorDetail>(`/debtors/${encodeURIComponent(debtorId)}`, {
    method: 'PATCH',
    json: { tags },
  });
}
