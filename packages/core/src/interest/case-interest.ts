import type { IsoDate } from '../shared/dates.ts';
import { computeInterest } from './compute-interest.ts';
import type { RateTables } from './rates.ts';
import type { InterestError, InterestPayment, InterestRegime } from './types.ts';

/** Charge it, waive it, or compute it without claiming it (a lever for a negotiation). The choice is the creditor's. */
export type ChargeChoice = 'charge' | 'waive' | 'lever';

export type InterestClaim = {
  readonly invoiceNumber: string;
  readonly dueDate: IsoDate;
  readonly outstandingMinor: number;
  readonly currency: string;
  /**
   * What was paid on the claim through Relance, by payment (its date and the whole amount it put on the claim:
   * interest, fees and principal). Interest then runs on the principal as it stood before each payment, and
   * each payment is imputed on interest first (C. civ. 1343-1), so what is left owed is exact.
   */
  readonly payments?: readonly InterestPayment[];
  /** Principal paid through those payments: the principal before them is outstanding + this. */
  readonly paidPrincipalMinor?: number;
};

export type CaseInterestInput = {
  readonly claims: readonly InterestClaim[];
  /** ISO country of the creditor: FR → French law, GB → the UK Act, another EU country → the directive. */
  readonly creditorCountry: string;
  readonly creditorProfessional: boolean;
  readonly debtorKind: 'business' | 'consumer';
  readonly interest: ChargeChoice;
  readonly fees: ChargeChoice;
  readonly contractRatePercent: string | null;
  /** The formal notice that makes legal interest run against a consumer; null when none was sent. */
  readonly formalNoticeOn: IsoDate | null;
  readonly asOf: IsoDate;
  /** The rate tables: the shipped ones unless the tenant entered semesters they lack (`withEnteredRates`). */
  readonly tables?: RateTables;
};

export type ClaimInterest = {
  readonly invoiceNumber: string;
  readonly regime: InterestRegime;
  readonly from: IsoDate;
  readonly days: number;
  /** Still owed: accrued, less what payments on the claim already paid of it. */
  readonly interestMinor: number;
  readonly feesMinor: number;
  /** Paid of them by the claim's payments. */
  readonly paidInterestMinor: number;
  readonly paidFeesMinor: number;
};

export type CaseInterest = {
  /** null when no statutory interest applies (e.g. a consumer without a formal notice, a non-EU creditor). */
  readonly regime: InterestRegime | null;
  readonly reason:
    | 'b2b_late_payment'
    | 'legal_rate_since_formal_notice'
    | 'no_formal_notice_yet'
    | 'no_regime_for_country'
    | 'consumer_outside_b2b_law';
  /** What the law gives, whatever the creditor chose, less what payments already paid of it. */
  readonly interestMinor: number;
  readonly feesMinor: number;
  /** What is claimed from the debtor: the above unless waived or kept as a lever. */
  readonly claimedInterestMinor: number;
  readonly claimedFeesMinor: number;
  readonly claims: readonly ClaimInterest[];
  /** A rate the tables do not have: never counted as zero. */
  readonly missing: Extract<InterestError, { kind: 'missing_rate' }> | null;
};

const EU_EURO = new Set([
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
]);

/**
 * Late interest and fixed compensation of a case, claim by claim, per `legal-rules.md`: between
 * professionals the B2B rules run from each due date with one fixed compensation per late invoice;
 * against a consumer only the legal rate, from the formal notice, and never a collection fee.
 * Interest runs on the principal as it stood day by day: payments recorded through Relance are given with
 * their dates; a reduction the creditor's own file shows (an import) has no date and counts from the due date.
 */
export function caseInterest(input: CaseInterestInput): CaseInterest {
  const choice = regimeOf(input);
  if (!choice.regime) return empty(choice.reason);
  const claims: ClaimInterest[] = [];
  let interestMinor = 0;
  let feesMinor = 0;
  for (const claim of input.claims) {
    const from = choice.regime === 'fr-legal' ? (input.formalNoticeOn as IsoDate) : claim.dueDate;
    if (claim.outstandingMinor <= 0 || from >= input.asOf) continue;
    const payments = (claim.payments ?? []).filter((p) => p.date <= input.asOf);
    const result = computeInterest(
      {
        regime: choice.regime,
        principalMinor: claim.outstandingMinor + (claim.paidPrincipalMinor ?? 0),
        currency: claim.currency,
        from,
        to: input.asOf,
        ...(payments.length > 0 ? { payments } : {}),
        debtor: input.debtorKind,
        ...(choice.regime === 'fr-legal'
          ? { creditor: input.creditorProfessional ? 'professional' : 'individual' }
          : {}),
        ...(choice.regime === 'fr-b2b' && input.contractRatePercent
          ? { contractRatePercent: input.contractRatePercent }
          : {}),
      },
      input.tables,
    );
    if (!result.ok) {
      if (result.error.kind === 'missing_rate')
        return { ...empty(choice.reason), regime: choice.regime, missing: result.error };
      continue;
    }
    const owedInterest = result.value.outstandingInterestMinor;
    const owedFees = result.value.outstandingFeesMinor;
    claims.push({
      invoiceNumber: claim.invoiceNumber,
      regime: choice.regime,
      from,
      days: result.value.days,
      interestMinor: owedInterest,
      feesMinor: owedFees,
      paidInterestMinor: result.value.interestMinor - owedInterest,
      paidFeesMinor: result.value.fixedCompensation.amountMinor - owedFees,
    });
    interestMinor += owedInterest;
    feesMinor += owedFees;
  }
  return {
    regime: choice.regime,
    reason: choice.reason,
    interestMinor,
    feesMinor,
    claimedInterestMinor: input.interest === 'charge' ? interestMinor : 0,
    claimedFeesMinor: input.fees === 'charge' && input.debtorKind === 'business' ? feesMinor : 0,
    claims,
    missing: null,
  };
}

function regimeOf(input: CaseInterestInput): {
  regime: InterestRegime | null;
  reason: CaseInterest['reason'];
} {
  const country = input.creditorCountry.toUpperCase();
  if (input.debtorKind === 'consumer') {
    if (country !== 'FR') return { regime: null, reason: 'consumer_outside_b2b_law' };
    if (!input.formalNoticeOn) return { regime: null, reason: 'no_formal_notice_yet' };
    return { regime: 'fr-legal', reason: 'legal_rate_since_formal_notice' };
  }
  if (country === 'FR') return { regime: 'fr-b2b', reason: 'b2b_late_payment' };
  if (country === 'GB' || country === 'UK') return { regime: 'uk', reason: 'b2b_late_payment' };
  if (EU_EURO.has(country)) return { regime: 'eu', reason: 'b2b_late_payment' };
  return { regime: null, reason: 'no_regime_for_country' };
}

function empty(reason: CaseInterest['reason']): CaseInterest {
  return {
    regime: null,
    reason,
    interestMinor: 0,
    feesMinor: 0,
    claimedInterestMinor: 0,
    claimedFeesMinor: 0,
    claims: [],
    missing: null,
  };
}
