import type { Result } from '../shared/result.ts';
import { err, ok } from '../shared/result.ts';
import type {
  Allocation,
  AllocationClaim,
  AllocationError,
  AllocationInput,
  AllocationInstalment,
  AllocationLine,
  AllocationOrder,
  AllocationPart,
  AllocationPhase,
  AllocationRule,
  AllocationStep,
  InstalmentCoverage,
} from './allocation-types.ts';
import type { ClaimGroup } from './claim-order.ts';
import { rankClaims } from './claim-order.ts';
import { splitProRata } from './pro-rata.ts';
import { validateAllocationInput } from './validate-allocation.ts';

type Owed = { interest: number; fees: number; principal: number };

/** The allocation being built: private to one call of `allocatePayment`, never shared. */
type Ledger = {
  left: number;
  readonly owed: Map<string, Owed>;
  readonly received: Map<string, number>;
  readonly lines: AllocationLine[];
  readonly steps: AllocationStep[];
};

/**
 * C. civ. 1343-1: a partial payment goes to interest first. The L441-10 late-payment penalties are interest;
 * the €40 fixed compensation and the recovery costs are accessories of the debt, imputed before the capital
 * too (Cass. civ. 1, 7 Feb 1995, n°92-14.216) — our reading of legal-rules Q5, not yet confirmed by counsel.
 */
const PARTS_BY_PHASE: Readonly<Record<AllocationPhase, readonly AllocationPart[]>> = {
  accessories: ['interest', 'fees'],
  principal: ['principal'],
};
const ALL_PARTS: readonly AllocationPart[] = ['interest', 'fees', 'principal'];

function owedIn(owed: Owed | undefined, parts: readonly AllocationPart[]): number {
  return owed ? parts.reduce((sum, part) => sum + owed[part], 0) : 0;
}

/** Pays `amountMinor` (at most what is owed on `parts`) on one claim, part after part in that order. */
function pay(
  ledger: Ledger,
  claim: { readonly claimId: string; readonly invoiceNumber: string },
  parts: readonly AllocationPart[],
  amountMinor: number,
  rule: AllocationRule,
): void {
  const owed = ledger.owed.get(claim.claimId);
  if (!owed) return;
  let rest = amountMinor;
  for (const part of parts) {
    const amount = Math.min(rest, owed[part]);
    if (amount <= 0) continue;
    owed[part] -= amount;
    rest -= amount;
    ledger.left -= amount;
    ledger.received.set(claim.claimId, (ledger.received.get(claim.claimId) ?? 0) + amount);
    const line: AllocationLine = {
      claimId: claim.claimId,
      invoiceNumber: claim.invoiceNumber,
      part,
      amountMinor: amount,
      rule,
    };
    ledger.lines.push(line);
    ledger.steps.push({ kind: 'allocated', ...line });
  }
}

/** Rule 1 (1342-10 al. 1): the claims the debtor named, in the debtor's order, each in full. */
function allocateDesignated(
  ledger: Ledger,
  ids: readonly string[],
  claims: ReadonlyMap<string, AllocationClaim>,
): ReadonlySet<string> {
  const designated = new Set<string>();
  for (const claimId of ids) {
    const claim = claims.get(claimId);
    if (!claim) {
      ledger.steps.push({ kind: 'designation_ignored', claimId, invoiceNumber: null, reason: 'unknown' });
      continue;
    }
    const { invoiceNumber } = claim;
    if (designated.has(claimId)) {
      ledger.steps.push({ kind: 'designation_ignored', claimId, invoiceNumber, reason: 'repeated' });
      continue;
    }
    if (owedIn(ledger.owed.get(claimId), ALL_PARTS) === 0) {
      ledger.steps.push({ kind: 'designation_ignored', claimId, invoiceNumber, reason: 'settled' });
      continue;
    }
    designated.add(claimId);
    ledger.steps.push({ kind: 'designated', claimId, invoiceNumber });
    pay(ledger, claim, ALL_PARTS, ledger.left, 'debtor_designation');
  }
  return designated;
}

function groupRule(order: AllocationOrder, paidClaims: number): AllocationRule {
  if (order === 'proportional') return 'creditor_pro_rata';
  if (order === 'oldest_due_first') return 'creditor_oldest_due';
  return paidClaims > 1 ? 'legal_pro_rata' : 'legal_order';
}

/** One phase over the ranked groups: each group in turn, pro rata inside a group of several claims. */
function allocatePhase(
  ledger: Ledger,
  groups: readonly ClaimGroup[],
  phase: AllocationPhase,
  order: AllocationOrder,
): void {
  const parts = PARTS_BY_PHASE[phase];
  for (const group of groups) {
    if (ledger.left === 0) return;
    const owing = group.filter((claim) => owedIn(ledger.owed.get(claim.claimId), parts) > 0);
    const weights = owing.map((claim) => ({
      key: claim.claimId,
      weightMinor: owedIn(ledger.owed.get(claim.claimId), parts),
    }));
    const take = Math.min(
      ledger.left,
      weights.reduce((sum, weight) => sum + weight.weightMinor, 0),
    );
    if (take === 0) continue;
    const rule = groupRule(order, owing.length);
    if (rule === 'legal_pro_rata' || (rule === 'creditor_pro_rata' && owing.length > 1)) {
      const invoiceNumbers = owing.map((claim) => claim.invoiceNumber);
      ledger.steps.push({ kind: 'pro_rata', phase, rule, amountMinor: take, invoiceNumbers });
    }
    const shares = splitProRata(take, weights);
    owing.forEach((claim, index) => {
      pay(ledger, claim, parts, shares[index] ?? 0, rule);
    });
  }
}

/** Rule 6: the payment, less the credit, covers the plan's instalments in order of seq. */
export function coverInstalments(
  instalments: readonly AllocationInstalment[],
  amountMinor: number,
): readonly InstalmentCoverage[] {
  const covered: InstalmentCoverage[] = [];
  let rest = amountMinor;
  for (const instalment of [...instalments].sort((a, b) => a.seq - b.seq)) {
    if (rest === 0) break;
    const due = Math.max(0, instalment.amountMinor - instalment.paidMinor);
    const amount = Math.min(rest, due);
    if (amount === 0) continue;
    rest -= amount;
    const leftMinor = due - amount;
    covered.push({
      seq: instalment.seq,
      dueOn: instalment.dueOn,
      amountMinor: amount,
      settles: leftMinor === 0,
      leftMinor,
    });
  }
  return covered;
}

function startLedger(input: AllocationInput): Ledger {
  const owed = new Map<string, Owed>(
    input.claims.map((claim) => [
      claim.claimId,
      { interest: claim.interestMinor, fees: claim.feesMinor, principal: claim.principalMinor },
    ]),
  );
  return { left: input.payment.amountMinor, owed, received: new Map(), lines: [], steps: [] };
}

/** Rules 2–4: the undesignated claims, disputed ones left aside, interest and fees across them, then principal. */
function allocateOthers(ledger: Ledger, input: AllocationInput, designated: ReadonlySet<string>): void {
  if (ledger.left === 0) return;
  const order = input.order ?? 'legal';
  // By claim id: the explanation does not depend on the order the claims were given in.
  const open = input.claims
    .filter(
      (claim) => !designated.has(claim.claimId) && owedIn(ledger.owed.get(claim.claimId), ALL_PARTS) > 0,
    )
    .sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
  for (const claim of open) {
    if (claim.disputed) {
      ledger.steps.push({
        kind: 'disputed_skipped',
        claimId: claim.claimId,
        invoiceNumber: claim.invoiceNumber,
      });
    }
  }
  const groups = rankClaims(
    open.filter((claim) => !claim.disputed),
    order,
    input.payment.receivedOn,
  );
  const ranked = groups.flat();
  if (ranked.length > 1) ledger.steps.push({ kind: 'claim_order', order, claims: ranked });
  allocatePhase(ledger, groups, 'accessories', order);
  allocatePhase(ledger, groups, 'principal', order);
}

/**
 * Allocates a payment over the claims of a case and the instalments of its plan: the debtor's designation
 * first (C. civ. 1342-10 al. 1), then interest and fees across the other undisputed claims, then principal
 * (1343-1), in the order the law (1342-10 al. 2) or the creditor sets; what is left is kept as a credit.
 * Every cent of the payment is in exactly one line or in the credit, and every step is explained.
 */
export function allocatePayment(input: AllocationInput): Result<Allocation, AllocationError> {
  const invalid = validateAllocationInput(input);
  if (invalid) return err(invalid);
  const ledger = startLedger(input);
  const claims = new Map(input.claims.map((claim) => [claim.claimId, claim]));
  const designated = allocateDesignated(ledger, input.payment.designatedClaimIds ?? [], claims);
  allocateOthers(ledger, input, designated);
  const settledClaimIds = [...ledger.received.keys()].filter(
    (claimId) => owedIn(ledger.owed.get(claimId), ALL_PARTS) === 0,
  );
  for (const claimId of settledClaimIds) {
    ledger.steps.push({
      kind: 'settled',
      claimId,
      invoiceNumber: claims.get(claimId)?.invoiceNumber ?? claimId,
    });
  }
  const creditMinor = ledger.left;
  if (creditMinor > 0) ledger.steps.push({ kind: 'credit', amountMinor: creditMinor });
  const instalments = coverInstalments(input.instalments ?? [], input.payment.amountMinor - creditMinor);
  for (const coverage of instalments) ledger.steps.push({ kind: 'instalment', ...coverage });
  return ok({
    currency: input.payment.currency,
    amountMinor: input.payment.amountMinor,
    lines: ledger.lines,
    instalments,
    creditMinor,
    settledClaimIds,
    explanation: ledger.steps,
  });
}
