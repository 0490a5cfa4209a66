import type { IsoDate } from '../shared/dates.ts';

/**
 * - `fr-b2b`: C. com. L441-10 II — ECB MRO rate in force on 1 Jan / 1 Jul + 10 points, and the 40 € indemnity.
 * - `fr-legal`: taux de l'intérêt légal (C. mon. fin. L313-2), +5 points after a judgment (L313-3).
 * - `eu`: Directive 2011/7/EU — ECB MRO + 8 points, and at least 40 € fixed compensation.
 * - `uk`: Late Payment of Commercial Debts (Interest) Act 1998 — BoE reference + 8, fixed for the debt's life.
 */
export type InterestRegime = 'fr-b2b' | 'fr-legal' | 'eu' | 'uk';
export const INTEREST_REGIMES: readonly InterestRegime[] = ['fr-b2b', 'fr-legal', 'eu', 'uk'];

/** For the French legal rate: 'individual' = a person not acting professionally ("particuliers"), else 'professional' ("autres cas"). */
export type CreditorKind = 'individual' | 'professional';
export const CREDITOR_KINDS: readonly CreditorKind[] = ['individual', 'professional'];

export type DebtorKind = 'business' | 'consumer';
export const DEBTOR_KINDS: readonly DebtorKind[] = ['business', 'consumer'];

/** 'derived': computed from sourced inputs (e.g. ECB rate + 10) but not found stated anywhere (legal-rules.md). */
export type RateStatus = 'official' | 'derived';

/** Where a segment's rate comes from. `+5`: majorated after a judgment (C. mon. fin. L313-3). */
export type RateBasis =
  | 'ecb+10'
  | 'ecb+8'
  | 'boe+8'
  | 'contract'
  | 'legal-floor'
  | 'legal-individual'
  | 'legal-other'
  | 'legal-individual+5'
  | 'legal-other+5';

export type InterestPayment = { readonly date: IsoDate; readonly amountMinor: number };

export type InterestInput = {
  readonly regime: InterestRegime;
  /** The unpaid amount (TTC for an invoice), in minor units of `currency`. */
  readonly principalMinor: number;
  readonly currency: string;
  /** Interest accrues on each day x with from < x ≤ to: the due date (B2B) or the formal notice / judgment. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** fr-legal only, and required there: which of the two legal rates applies. */
  readonly creditor?: CreditorKind;
  /** Default 'business'. A consumer is never charged a fixed compensation. */
  readonly debtor?: DebtorKind;
  /** fr-b2b only: the rate of the contract, e.g. "12.00"; checked against the floor of 3 × legal rate. */
  readonly contractRatePercent?: string;
  /** fr-legal only: the day the judgment became enforceable; +5 points after two months (L313-3). */
  readonly judgmentEnforceable?: IsoDate;
  /** Partial payments, imputed on interest, then fixed compensation, then principal (C. civ. 1343-1). */
  readonly payments?: readonly InterestPayment[];
};

export type InterestSegment = {
  /** Exclusive: the first day counted is the next one. */
  readonly from: IsoDate;
  /** Inclusive. */
  readonly to: IsoDate;
  readonly days: number;
  /** Exact decimal, e.g. "14.50". */
  readonly ratePercent: string;
  readonly basis: RateBasis;
  readonly status: RateStatus;
  readonly source: string;
  readonly principalMinor: number;
  /** principal × rate × days / 36 500, rounded half-up to the minor unit. */
  readonly interestMinor: number;
  /** The same, unrounded, in major units (10 decimals). */
  readonly interestExact: string;
};

export type FixedCompensationBasis =
  | 'fr-indemnity-40'
  | 'eu-compensation-40'
  | 'uk-fixed-sum-40'
  | 'uk-fixed-sum-70'
  | 'uk-fixed-sum-100'
  | 'none-legal-interest'
  | 'none-consumer';

export type FixedCompensation = {
  readonly amountMinor: number;
  readonly currency: string;
  readonly basis: FixedCompensationBasis;
  /** The legal text, for display. */
  readonly reference: string;
};

export type PaymentImputation = {
  readonly date: IsoDate;
  readonly amountMinor: number;
  readonly toInterestMinor: number;
  readonly toFeesMinor: number;
  readonly toPrincipalMinor: number;
  /** What is left once everything due is paid (an overpayment). */
  readonly unimputedMinor: number;
};

/** fr-b2b with a contract rate: the rate applied and the amounts under both readings of OPEN QUESTION Q2. */
export type ContractRateCheck = {
  readonly ratePercent: string;
  /** True when the contract rate is below 3 × the "other cases" legal rate in at least one semester. */
  readonly belowFloor: boolean;
  /** At the contract rate as written. */
  readonly interestAtContractRateMinor: number;
  /** At the statutory default (ECB + 10); null when an ECB rate of the period is unknown. */
  readonly interestAtStatutoryRateMinor: number | null;
};

export type InterestNote =
  | 'contract_rate_below_floor'
  | 'derived_rate'
  | 'consumer_no_fixed_compensation'
  | 'b2b_regime_consumer_debtor'
  | 'judgment_majoration'
  | 'overpayment';

export type InterestComputation = {
  readonly regime: InterestRegime;
  readonly currency: string;
  readonly principalMinor: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly segments: readonly InterestSegment[];
  /** Sum of the rounded segments. */
  readonly interestMinor: number;
  /** Sum of the unrounded segments, in major units (10 decimals). */
  readonly interestExact: string;
  readonly fixedCompensation: FixedCompensation;
  readonly payments: readonly PaymentImputation[];
  readonly outstandingPrincipalMinor: number;
  readonly outstandingInterestMinor: number;
  readonly outstandingFeesMinor: number;
  readonly outstandingTotalMinor: number;
  /** Present for fr-b2b with a contract rate (OPEN QUESTION Q2: the floor is applied). */
  readonly contractRate: ContractRateCheck | null;
  readonly notes: readonly InterestNote[];
};

/** The rate tables read by the engine. */
export type RateTableName = 'ecb-mro' | 'fr-legal-rate' | 'uk-boe-reference';

export type InterestInputField =
  | 'principalMinor'
  | 'currency'
  | 'from'
  | 'to'
  | 'creditor'
  | 'debtor'
  | 'contractRatePercent'
  | 'judgmentEnforceable'
  | 'payments';

export type InvalidInterestInput =
  | 'not_positive'
  | 'not_a_date'
  | 'to_before_from'
  | 'currency_not_supported'
  | 'required'
  | 'not_for_regime'
  | 'not_a_rate'
  | 'payment_outside_period';

export type InterestError =
  | {
      readonly kind: 'missing_rate';
      readonly regime: InterestRegime;
      /** 'YYYY-S1' (January–June) or 'YYYY-S2'. */
      readonly period: string;
      readonly table: RateTableName;
      readonly message: string;
    }
  | {
      readonly kind: 'invalid_input';
      readonly field: InterestInputField;
      readonly reason: InvalidInterestInput;
      readonly message: string;
    };
