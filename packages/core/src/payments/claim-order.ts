import type { IsoDate } from '../shared/dates.ts';
import type { AllocationClaim, AllocationOrder, RankedClaim } from './allocation-types.ts';

/** Claims tied at full equality: one position of the order, paid pro rata between them. */
export type ClaimGroup = readonly RankedClaim[];

function bearsAccessories(claim: AllocationClaim): boolean {
  return claim.interestMinor > 0 || claim.feesMinor > 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first; an unknown issue date after a known one (nothing says it is older). */
function compareIssueDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareText(a, b);
}

/**
 * C. civ. 1342-10 al. 2: debts already due first; among them, those the debtor has most interest in paying
 * — read here as those bearing interest or fees (they keep costing the debtor), before those that do not;
 * at equal interest, the oldest (due date, then issue date). Zero at full equality: proportionally.
 */
function compareLegal(a: RankedClaim, b: RankedClaim, issue: ReadonlyMap<string, IsoDate | null>): number {
  if (a.due !== b.due) return a.due ? -1 : 1;
  if (a.bearsAccessories !== b.bearsAccessories) return a.bearsAccessories ? -1 : 1;
  const byDue = compareText(a.dueDate, b.dueDate);
  if (byDue !== 0) return byDue;
  return compareIssueDates(issue.get(a.claimId) ?? null, issue.get(b.claimId) ?? null);
}

function compareOldestDue(
  a: RankedClaim,
  b: RankedClaim,
  issue: ReadonlyMap<string, IsoDate | null>,
): number {
  const byDue = compareText(a.dueDate, b.dueDate);
  if (byDue !== 0) return byDue;
  const byIssue = compareIssueDates(issue.get(a.claimId) ?? null, issue.get(b.claimId) ?? null);
  return byIssue !== 0 ? byIssue : compareText(a.claimId, b.claimId);
}

/**
 * The claims in the order the payment walks them, as groups of claims tied at full equality (each group
 * sorted by claim id, so the result never depends on the input's order). 'legal' ties only at full
 * equality, 'oldest_due_first' never ties (the claim id breaks them), 'proportional' is one group.
 */
export function rankClaims(
  claims: readonly AllocationClaim[],
  order: AllocationOrder,
  receivedOn: IsoDate,
): readonly ClaimGroup[] {
  const issue = new Map(claims.map((claim) => [claim.claimId, claim.issueDate]));
  const ranked: RankedClaim[] = claims
    .map((claim) => ({
      claimId: claim.claimId,
      invoiceNumber: claim.invoiceNumber,
      rank: 0,
      dueDate: claim.dueDate,
      due: claim.dueDate <= receivedOn,
      bearsAccessories: bearsAccessories(claim),
    }))
    .sort((a, b) => compareText(a.claimId, b.claimId));
  if (ranked.length === 0) return [];
  if (order === 'proportional') return [ranked.map((claim) => ({ ...claim, rank: 1 }))];
  const compare = order === 'legal' ? compareLegal : compareOldestDue;
  // A stable sort over claims already sorted by id keeps each tie group in id order.
  const sorted = [...ranked].sort((a, b) => compare(a, b, issue));
  const groups: RankedClaim[][] = [];
  for (const claim of sorted) {
    const last = groups.at(-1);
    const head = last?.[0];
    if (last && head && compare(head, claim, issue) === 0) last.push({ ...claim, rank: groups.length });
    else groups.push([{ ...claim, rank: groups.length + 1 }]);
  }
  return groups;
}
