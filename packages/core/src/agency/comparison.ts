import { type Ratio, ratio, roundedScaled } from '../kpis/ratio.ts';
import { daysBetween, type IsoDate } from '../shared/dates.ts';

/** A case handed to an outside agency, and what that agency reported collecting on it. */
export type HandoverFacts = {
  readonly agencyId: string;
  readonly handedOn: IsoDate;
  readonly amountMinor: number;
  readonly collections: readonly {
    readonly collectedOn: IsoDate;
    readonly amountMinor: number;
    readonly feeMinor: number;
  }[];
};

/** One agency's figures over a set of hand-overs (one currency). */
export type AgencyFigures = {
  readonly cases: number;
  readonly handedMinor: number;
  readonly collectedMinor: number;
  readonly feesMinor: number;
  /** Collected less the agency's fees: what the creditor keeps. */
  readonly netMinor: number;
  /** Collected / handed over, by amount. */
  readonly recoveryByAmount: Ratio;
  /** Cases with at least one payment / cases handed over. */
  readonly recoveryByCount: Ratio;
  /** Median days from the hand-over to the first payment, over the cases that paid (null: none did). */
  readonly medianDaysToFirstPayment: number | null;
  /** Median days from the hand-over to the payment that completed the amount handed (null: none paid in full). */
  readonly medianDaysToFullPayment: number | null;
  /** The fees per 100 units of the currency collected, in minor units, rounded half up (null: nothing collected). */
  readonly costPer100Minor: number | null;
};

/**
 * What one agency's figures are made of: the sums over its hand-overs, how many paid something, and how many
 * took each number of days to their first payment and to the payment that completed the amount handed.
 * Running sums keep these (the database's agency figures), so that the figures need no walk over hand-overs.
 */
export type AgencyTotals = {
  readonly cases: number;
  readonly handedMinor: number;
  readonly collectedMinor: number;
  readonly feesMinor: number;
  /** Hand-overs with at least one payment. */
  readonly paying: number;
  /** [days, hand-overs] from the hand-over to the first payment, over the hand-overs that paid. */
  readonly toFirst: readonly (readonly [number, number])[];
  /** [days, hand-overs] from the hand-over to the payment completing it (amounts above zero only). */
  readonly toFull: readonly (readonly [number, number])[];
};

/**
 * The figures a creditor compares its agencies on: every hand-over counts once, with all the lines its agency
 * reported on it (collections after a recall included: the agency did collect them).
 */
export function agencyFigures(handovers: readonly HandoverFacts[]): AgencyFigures {
  return agencyFiguresOf(agencyTotals(handovers));
}

/** The totals of a set of hand-overs (one currency). */
export function agencyTotals(handovers: readonly HandoverFacts[]): AgencyTotals {
  let handedMinor = 0;
  let collectedMinor = 0;
  let feesMinor = 0;
  let paying = 0;
  const toFirst = new Map<number, number>();
  const toFull = new Map<number, number>();
  for (const handover of handovers) {
    handedMinor += handover.amountMinor;
    const lines = [...handover.collections].sort((a, b) => a.collectedOn.localeCompare(b.collectedOn));
    let running = 0;
    let full: IsoDate | null = null;
    for (const line of lines) {
      collectedMinor += line.amountMinor;
      feesMinor += line.feeMinor;
      running += line.amountMinor;
      if (full === null && running >= handover.amountMinor) full = line.collectedOn;
    }
    const first = lines[0];
    if (first) {
      paying += 1;
      const days = daysBetween(handover.handedOn, first.collectedOn);
      toFirst.set(days, (toFirst.get(days) ?? 0) + 1);
    }
    if (full !== null && handover.amountMinor > 0) {
      const days = daysBetween(handover.handedOn, full);
      toFull.set(days, (toFull.get(days) ?? 0) + 1);
    }
  }
  return {
    cases: handovers.length,
    handedMinor,
    collectedMinor,
    feesMinor,
    paying,
    toFirst: [...toFirst.entries()],
    toFull: [...toFull.entries()],
  };
}

/** No hand-over at all. */
export const NO_AGENCY_TOTALS: AgencyTotals = {
  cases: 0,
  handedMinor: 0,
  collectedMinor: 0,
  feesMinor: 0,
  paying: 0,
  toFirst: [],
  toFull: [],
};

/** The totals of two sets of hand-overs taken together. */
export function addAgencyTotals(a: AgencyTotals, b: AgencyTotals): AgencyTotals {
  return {
    cases: a.cases + b.cases,
    handedMinor: a.handedMinor + b.handedMinor,
    collectedMinor: a.collectedMinor + b.collectedMinor,
    feesMinor: a.feesMinor + b.feesMinor,
    paying: a.paying + b.paying,
    toFirst: [...a.toFirst, ...b.toFirst],
    toFull: [...a.toFull, ...b.toFull],
  };
}

/** The figures of an agency from its totals. */
export function agencyFiguresOf(totals: AgencyTotals): AgencyFigures {
  const { collectedMinor, feesMinor } = totals;
  return {
    cases: totals.cases,
    handedMinor: totals.handedMinor,
    collectedMinor,
    feesMinor,
    netMinor: collectedMinor - feesMinor,
    recoveryByAmount: ratio(collectedMinor, totals.handedMinor),
    recoveryByCount: ratio(totals.paying, totals.cases),
    medianDaysToFirstPayment: medianOfCounts(totals.toFirst),
    medianDaysToFullPayment: medianOfCounts(totals.toFull),
    costPer100Minor:
      collectedMinor > 0
        ? Number(roundedScaled(BigInt(feesMinor) * 10_000n, BigInt(collectedMinor), 0))
        : null,
  };
}

/** The middle value; for an even count the mean of the two middle ones (a half day at most). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** `median` of values given as [value, how many times] (in any order, a value possibly more than once). */
export function medianOfCounts(counts: readonly (readonly [number, number])[]): number | null {
  const sorted = counts.filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // The values at 1-based positions ⌊(total+1)/2⌋ and ⌊total/2⌋+1: the same one when the count is odd.
  const at = (position: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (seen >= position) return value;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const lower = at(Math.floor((total + 1) / 2));
  const upper = at(Math.floor(total / 2) + 1);
  return (lower + upper) / 2;
}

/**
 * The agency a hand-over goes to when a step splits cases between several (champion/challenger): a hash of the
 * case id (FNV-1a, 32 bits) falls in one agency's share of the total. The same case always lands on the same
 * agency, and the shares hold over many cases. Agencies with a share of 0 are left out; null when none is left.
 */
export function chooseAgency(
  caseId: string,
  candidates: readonly { readonly key: string; readonly share: number }[],
): string | null {
  const weighted = [...candidates].filter((c) => c.share > 0).sort((a, b) => a.key.localeCompare(b.key));
  const total = weighted.reduce((sum, c) => sum + c.share, 0);
  if (total === 0) return null;
  let bucket = fnv1a(caseId) % total;
  for (const candidate of weighted) {
    if (bucket < candidate.share) return candidate.key;
    bucket -= candidate.share;
  }
  return null;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
