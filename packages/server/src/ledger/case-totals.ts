import type { CaseStatus, ClaimStatus } from '../db/schema.ts';

/** A case's aggregates, as `refreshCases` computes them in SQL — here in memory, for cases being built. */
export type CaseTotals = {
  outstandingMinor: number;
  disputedMinor: number;
  claimCount: number;
  openClaimCount: number;
  oldestDueDate: string | null;
  earliestPrescriptionEnd: string | null;
};

export type ClaimFactsForTotals = {
  readonly status: ClaimStatus | string;
  readonly outstandingMinor: number;
  readonly dueDate: string;
  readonly prescriptionEnd: string;
};

export function emptyCaseTotals(): CaseTotals {
  return {
    outstandingMinor: 0,
    disputedMinor: 0,
    claimCount: 0,
    openClaimCount: 0,
    oldestDueDate: null,
    earliestPrescriptionEnd: null,
  };
}

/** Adds a claim with the same rules as the SQL of `refreshCases` (keep the two in step; a test checks). */
export function addClaimToTotals(totals: CaseTotals, claim: ClaimFactsForTotals): void {
  totals.claimCount++;
  const open = claim.status === 'open' || claim.status === 'disputed';
  if (!open) return;
  totals.openClaimCount++;
  totals.outstandingMinor += claim.outstandingMinor;
  if (claim.status === 'disputed') totals.disputedMinor += claim.outstandingMinor;
  if (totals.oldestDueDate === null || claim.dueDate < totals.oldestDueDate)
    totals.oldestDueDate = claim.dueDate;
  if (claim.status === 'open') {
    const end = claim.prescriptionEnd;
    if (totals.earliestPrescriptionEnd === null || end < totals.earliestPrescriptionEnd) {
      totals.earliestPrescriptionEnd = end;
    }
  }
}

export function caseStatusOf(totals: CaseTotals): CaseStatus {
  return totals.openClaimCount > 0 ? 'open' : 'closed';
}
