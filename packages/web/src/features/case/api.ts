import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';
import type { Reason } from '../../app/api/types.ts';
import type { DebtorDetail } from '../debtors/api.ts';
import type { CaseSummary } from '../portfolio/api.ts';

export type ClaimVerdict = {
  readonly verdict: string;
  readonly blocks: readonly Reason[];
  readonly warnings: readonly Reason[];
};

export type Claim = {
  readonly id: string;
  readonly invoiceNumber: string;
  readonly issueDate: string | null;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  readonly currency: string;
  readonly status: string;
  readonly prescriptionEnd: string | null;
  readonly collectability: ClaimVerdict;
};

export type CaseDetail = Omit<CaseSummary, 'debtor'> & {
  readonly debtor: DebtorDetail;
  readonly claims: readonly Claim[];
};

export function caseQuery(caseId: string) {
  return queryOptions({
    queryKey: ['case', caseId],
    queryFn: ({ signal }) => apiRequest<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, { signal }),
  });
}
