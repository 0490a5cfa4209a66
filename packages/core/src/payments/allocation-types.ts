import type { IsoDate } from '../shared/dates.ts';

/**
 * Who sets the order between the claims of a case when the debtor designates none: the law
 * (C. civ. 1342-10 al. 2, the default), or the creditor ('oldest_due_first', 'proportional').
 */
export type AllocationOrder = 'legal' | 'oldest_due_first' | 'proportional';
export const ALLOCATION_ORDERS: readonly AllocationOrder[] = ['legal', 'oldest_due_first', 'proportional'];

export type AllocationPart = 'interest' | 'fees' | 'principal';

export type AllocationPayment = {
  /** More than zero. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedOn: IsoDate;
  /**
   * The debtor's designation (C. civ. 1342-10 al. 1), in the debtor's order: the claims named by the
   * payment, e.g. the invoice numbers written in a transfer's remittance text, as claim ids.
   */
  readonly designatedClaimIds?: readonly string[] | undefined;
};

/** One open claim of the case and what is still owed on it, per part. */
export type AllocationClaim = {
  readonly claimId: string;
  readonly invoiceNumber: string;
  readonly dueDate: IsoDate;
  readonly issueDate: IsoDate | null;
  /** Outstanding principal. */
  readonly principalMinor: number;
  /** Claimed interest still owed on the claim. */
  readonly interestMinor: number;
  /** Claimed fees still owed on the claim (the €40 fixed compensation, recovery costs). */
  readonly feesMinor: number;
  readonly disputed: boolean;
  readonly currency: string;
};

/** One instalment of the case's active plan. */
export type AllocationInstalment = {
  readonly seq: number;
  readonly dueOn: IsoDate;
  readonly amountMinor: number;
  readonly paidMinor: number;
};

export type AllocationInput = {
  readonly payment: AllocationPayment;
  readonly claims: readonly AllocationClaim[];
  /** 'legal' when absent. */
  readonly order?: AllocationOrder | undefined;
  readonly instalments?: readonly AllocationInstalment[] | undefined;
};

/** Why a line's claim was paid at that point. */
export type AllocationRule =
  /** The debtor named the claim (C. civ. 1342-10 al. 1). */
  | 'debtor_designation'
  /** The legal order (1342-10 al. 2): due first, then most interest to pay, then oldest. */
  | 'legal_order'
  /** The legal order's last resort (1342-10 al. 2): all things equal, proportionally. */
  | 'legal_pro_rata'
  /** The creditor's order: oldest due date first. */
  | 'creditor_oldest_due'
  /** The creditor's order: pro rata over the claims. */
  | 'creditor_pro_rata';

export type AllocationLine = {
  readonly claimId: string;
  readonly invoiceNumber: string;
  readonly part: AllocationPart;
  readonly amountMinor: number;
  readonly rule: AllocationRule;
};

/** What the payment puts on one instalment of the plan. */
export type InstalmentCoverage = {
  readonly seq: number;
  readonly dueOn: IsoDate;
  readonly amountMinor: number;
  /** The instalment is fully paid once this payment is counted. */
  readonly settles: boolean;
  /** What is still due on the instalment afterwards. */
  readonly leftMinor: number;
};

/** A claim in the order the payment walks them (undesignated, undisputed claims only). */
export type RankedClaim = {
  readonly claimId: string;
  readonly invoiceNumber: string;
  /** 1 for the first; claims tied at full equality share a rank and are paid pro rata. */
  readonly rank: number;
  readonly dueDate: IsoDate;
  /** Due on the day the payment was received. */
  readonly due: boolean;
  /** Bears interest or fees: the debtor has more interest in paying it (1342-10 al. 2). */
  readonly bearsAccessories: boolean;
};

/** The phase of the undesignated claims: interest and fees across them all first, then principal. */
export type AllocationPhase = 'accessories' | 'principal';

/** One step of the explanation, in the order the rule took it. */
export type AllocationStep =
  | { readonly kind: 'designated'; readonly claimId: string; readonly invoiceNumber: string }
  | {
      readonly kind: 'designation_ignored';
      readonly claimId: string;
      /** Null when the claim is unknown. */
      readonly invoiceNumber: string | null;
      readonly reason: 'unknown' | 'settled' | 'repeated';
    }
  | { readonly kind: 'disputed_skipped'; readonly claimId: string; readonly invoiceNumber: string }
  | { readonly kind: 'claim_order'; readonly order: AllocationOrder; readonly claims: readonly RankedClaim[] }
  | {
      readonly kind: 'pro_rata';
      readonly phase: AllocationPhase;
      readonly rule: 'legal_pro_rata' | 'creditor_pro_rata';
      readonly amountMinor: number;
      readonly invoiceNumbers: readonly string[];
    }
  | ({ readonly kind: 'allocated' } & AllocationLine)
  | { readonly kind: 'settled'; readonly claimId: string; readonly invoiceNumber: string }
  | { readonly kind: 'credit'; readonly amountMinor: number }
  | ({ readonly kind: 'instalment' } & InstalmentCoverage);

export type Allocation = {
  readonly currency: string;
  readonly amountMinor: number;
  /** Every cent of the payment is in exactly one line or in the credit. */
  readonly lines: readonly AllocationLine[];
  readonly instalments: readonly InstalmentCoverage[];
  /** An overpayment, kept as a credit and shown. */
  readonly creditMinor: number;
  /** Claims this payment pays in full (principal, interest and fees). */
  readonly settledClaimIds: readonly string[];
  readonly explanation: readonly AllocationStep[];
};

export type AllocationInputField =
  | 'payment.amountMinor'
  | 'payment.receivedOn'
  | 'claim.claimId'
  | 'claim.amounts'
  | 'claim.dueDate'
  | 'claim.issueDate'
  | 'instalment';

/** A "no" of the rule, as data. */
export type AllocationError =
  | {
      readonly kind: 'currency_mismatch';
      readonly expected: string;
      readonly actual: string;
      readonly claimId: string;
      readonly message: string;
    }
  | {
      readonly kind: 'invalid_input';
      readonly field: AllocationInputField;
      /** The claim id or instalment seq concerned, null for the payment. */
      readonly subject: string | null;
      readonly message: string;
    };
