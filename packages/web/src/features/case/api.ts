import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';
import type { Collectability, Reason } from '../../app/api/types.ts';
import type { DebtorDetail } from '../debtors/api.ts';
import type { CaseSummary } from '../portfolio/api.ts';

export type ClaimAssessment = {
  readonly verdict: 'collectable' | 'pre_due' | 'blocked';
  /** Nothing is left to collect (paid, cancelled or no balance). */
  readonly settled: boolean;
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
  /** The part under dispute: all of a disputed claim, part of an open one disputed in part. */
  readonly disputedMinor?: number;
  readonly currency: string;
  readonly status: string;
  readonly disputeReason: string | null;
  readonly prescriptionEnd: string | null;
  readonly description: string | null;
  readonly assessment: ClaimAssessment;
};

type VerdictTotal = { readonly count: number; readonly outstandingMinor: number };

export type CaseTotals = {
  readonly currency: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  readonly byVerdict: Readonly<Record<Collectability, VerdictTotal>>;
};

/** `GET /cases/:id`: the case, its debtor with contacts, its claims each with its verdict, and totals. */
export type CaseDetail = {
  readonly case: CaseSummary;
  readonly debtor: DebtorDetail;
  readonly claims: readonly Claim[];
  readonly totals: CaseTotals;
  /** Held or withdrawn by the creditor (creditor portal). */
  readonly control: CaseControl;
};

export type CaseControl = {
  readonly heldAt: string | null;
  readonly withdrawnAt: string | null;
  readonly withdrawalReason: string | null;
};

/** The verdict to show for a claim: a settled claim is "settled" whatever blocks it. */
export function shownVerdict(assessment: ClaimAssessment): Collectability {
  return assessment.settled ? 'settled' : assessment.verdict;
}

export function caseQuery(caseId: string) {
  return queryOptions({
    queryKey: ['case', caseId],
    queryFn: ({ signal }) => apiRequest<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, { signal }),
  });
}
