import type { IsoDate } from '../shared/dates.ts';
import { compareDates, daysBetween } from '../shared/dates.ts';
import type { PrescriptionBasis } from './prescription.ts';
import { isTimeBarred } from './prescription.ts';

export type ClaimStatus = 'open' | 'disputed' | 'paid' | 'cancelled';

export type ClaimFacts = {
  readonly status: ClaimStatus;
  readonly dueDate: IsoDate;
  readonly outstandingMinor: number;
  /**
   * The part of an `open` claim under dispute (a partial dispute): only the rest is chased. Left out or 0: none.
   * A `disputed` claim is disputed whole.
   */
  readonly disputedMinor?: number;
  readonly currency: string;
  readonly prescriptionEnd: IsoDate;
  /** Optional: when given, the time_barred block carries it so that the reason can cite the law. */
  readonly prescriptionBasis?: PrescriptionBasis;
};

export type ContactFacts = {
  readonly validEmails: number;
  readonly invalidEmails: number;
  readonly validPhones: number;
  readonly invalidPhones: number;
  readonly postalAddresses: number;
};

export type CollectabilityBlock =
  | { readonly code: 'paid' }
  | { readonly code: 'cancelled' }
  | { readonly code: 'non_positive_balance'; readonly outstandingMinor: number; readonly currency: string }
  | { readonly code: 'disputed' }
  | { readonly code: 'not_yet_due'; readonly dueDate: IsoDate; readonly daysToDue: number }
  | { readonly code: 'time_barred'; readonly prescriptionEnd: IsoDate; readonly basis?: PrescriptionBasis };

export type CollectabilityWarning =
  | { readonly code: 'no_contact' }
  | { readonly code: 'no_valid_email' }
  | { readonly code: 'invalid_email' }
  | { readonly code: 'invalid_phone' }
  | { readonly code: 'no_postal_address' }
  | {
      readonly code: 'partly_disputed';
      readonly disputedMinor: number;
      readonly undisputedMinor: number;
      readonly currency: string;
    }
  | { readonly code: 'prescription_soon'; readonly prescriptionEnd: IsoDate; readonly daysLeft: number };

export type ClaimVerdict = 'collectable' | 'pre_due' | 'blocked';

export type Collectability = {
  readonly verdict: ClaimVerdict;
  readonly blocks: readonly CollectabilityBlock[];
  readonly warnings: readonly CollectabilityWarning[];
};

/** Days before the end of the limitation period from which a warning is raised. */
export const PRESCRIPTION_WARNING_DAYS = 90;

const SETTLING_BLOCKS: ReadonlySet<CollectabilityBlock['code']> = new Set([
  'paid',
  'cancelled',
  'non_positive_balance',
]);

/** The part of a claim under dispute: all of a `disputed` one, at most the outstanding of an `open` one. */
export function disputedPart(
  claim: Pick<ClaimFacts, 'status' | 'outstandingMinor' | 'disputedMinor'>,
): number {
  const outstanding = Math.max(0, claim.outstandingMinor);
  if (claim.status === 'disputed') return outstanding;
  if (claim.status !== 'open') return 0;
  return Math.min(Math.max(0, claim.disputedMinor ?? 0), outstanding);
}

/** What may be chased on a claim: its outstanding less the part under dispute (0 once paid or cancelled). */
export function undisputedPart(
  claim: Pick<ClaimFacts, 'status' | 'outstandingMinor' | 'disputedMinor'>,
): number {
  if (claim.status !== 'open') return 0;
  return Math.max(0, claim.outstandingMinor) - disputedPart(claim);
}

function blocksOf(claim: ClaimFacts, today: IsoDate): CollectabilityBlock[] {
  const blocks: CollectabilityBlock[] = [];
  if (claim.status === 'paid') blocks.push({ code: 'paid' });
  if (claim.status === 'cancelled') blocks.push({ code: 'cancelled' });
  if (claim.outstandingMinor <= 0) {
    blocks.push({
      code: 'non_positive_balance',
      outstandingMinor: claim.outstandingMinor,
      currency: claim.currency,
    });
  }
  // Open, but its disputes cover all that is left: nothing to chase until one is resolved.
  const wholly = claim.status === 'open' && claim.outstandingMinor > 0 && undisputedPart(claim) === 0;
  if (claim.status === 'disputed' || wholly) blocks.push({ code: 'disputed' });
  if (isTimeBarred(claim.prescriptionEnd, today)) {
    blocks.push(
      claim.prescriptionBasis === undefined
        ? { code: 'time_barred', prescriptionEnd: claim.prescriptionEnd }
        : { code: 'time_barred', prescriptionEnd: claim.prescriptionEnd, basis: claim.prescriptionBasis },
    );
  }
  // Due means the due date has passed: on the due date itself the debtor is not late yet.
  if (compareDates(today, claim.dueDate) <= 0) {
    blocks.push({
      code: 'not_yet_due',
      dueDate: claim.dueDate,
      daysToDue: daysBetween(today, claim.dueDate),
    });
  }
  return blocks;
}

function warningsOf(claim: ClaimFacts, contacts: ContactFacts, today: IsoDate): CollectabilityWarning[] {
  const warnings: CollectabilityWarning[] = [];
  const noContact = contacts.validEmails + contacts.validPhones + contacts.postalAddresses === 0;
  if (noContact) warnings.push({ code: 'no_contact' });
  if (!noContact && contacts.validEmails === 0) warnings.push({ code: 'no_valid_email' });
  if (contacts.invalidEmails > 0) warnings.push({ code: 'invalid_email' });
  if (contacts.invalidPhones > 0) warnings.push({ code: 'invalid_phone' });
  if (!noContact && contacts.postalAddresses === 0) warnings.push({ code: 'no_postal_address' });
  const disputed = disputedPart(claim);
  const undisputed = undisputedPart(claim);
  if (claim.status === 'open' && disputed > 0 && undisputed > 0) {
    warnings.push({
      code: 'partly_disputed',
      disputedMinor: disputed,
      undisputedMinor: undisputed,
      currency: claim.currency,
    });
  }
  const daysLeft = daysBetween(today, claim.prescriptionEnd);
  if (daysLeft >= 0 && daysLeft <= PRESCRIPTION_WARNING_DAYS) {
    warnings.push({ code: 'prescription_soon', prescriptionEnd: claim.prescriptionEnd, daysLeft });
  }
  return warnings;
}

/**
 * Whether a claim can be collected today, with every reason why not. Blocks (all of them, in a fixed order)
 * stop collection; warnings never do. A claim that is only not yet due is 'pre_due': courtesy reminders
 * are allowed. A settled claim (paid, cancelled or with nothing outstanding) gets no warnings: there is
 * nobody to contact about it.
 */
export function assessClaim(claim: ClaimFacts, contacts: ContactFacts, today: IsoDate): Collectability {
  const blocks = blocksOf(claim, today);
  const settled = blocks.some((b) => SETTLING_BLOCKS.has(b.code));
  const warnings = settled ? [] : warningsOf(claim, contacts, today);
  const verdict: ClaimVerdict =
    blocks.length === 0
      ? 'collectable'
      : blocks.every((b) => b.code === 'not_yet_due')
        ? 'pre_due'
        : 'blocked';
  return { verdict, blocks, warnings };
}

export type CaseVerdict = ClaimVerdict | 'settled';

export type CaseCollectability = {
  readonly verdict: CaseVerdict;
  /** Claims per verdict; a settled claim counts as 'settled', not as 'blocked'. */
  readonly counts: Readonly<Record<CaseVerdict, number>>;
};

/** A claim's place in its case: settled when nothing is left to collect on it. */
export function claimCaseVerdict(claim: Collectability): CaseVerdict {
  return claim.blocks.some((b) => SETTLING_BLOCKS.has(b.code)) ? 'settled' : claim.verdict;
}

/**
 * A case (one debtor's claims for one creditor): settled when every claim is (an empty case too),
 * collectable when any claim is, pre_due when none is collectable but some are pre_due, else blocked.
 */
export function assessCase(claims: readonly Collectability[]): CaseCollectability {
  const counts: Record<CaseVerdict, number> = { collectable: 0, pre_due: 0, blocked: 0, settled: 0 };
  for (const claim of claims) counts[claimCaseVerdict(claim)]++;
  const verdict: CaseVerdict =
    counts.settled === claims.length
      ? 'settled'
      : counts.collectable > 0
        ? 'collectable'
        : counts.pre_due > 0
          ? 'pre_due'
          : 'blocked';
  return { verdict, counts };
}

/** The status a claim gets from its balance: cancelled wins, then paid (nothing outstanding), then disputed. */
export function deriveClaimStatus(input: {
  readonly outstandingMinor: number;
  readonly disputed: boolean;
  readonly cancelled?: boolean;
}): ClaimStatus {
  if (input.cancelled) return 'cancelled';
  if (input.outstandingMinor <= 0) return 'paid';
  return input.disputed ? 'disputed' : 'open';
}
