import {
  assessClaim,
  type ClaimFacts,
  type CollectabilityBlock,
  type CollectabilityWarning,
  type ContactFacts,
  describeBlock,
  describeWarning,
  disputedPart,
  type PrescriptionBasis,
} from '@relance/core';
import type { ClaimStatus, Locale } from '../../db/schema.ts';
import type { ContactView } from './contact-view.ts';

export type Reason = {
  readonly code: string;
  /** The facts behind the reason (dates, days, amounts), for the UI to show or sort on. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The reason as a sentence in the caller's language. */
  readonly message: string;
};

export type ClaimAssessment = {
  readonly verdict: 'collectable' | 'pre_due' | 'blocked';
  /** True when nothing is left to collect (paid, cancelled or no balance). */
  readonly settled: boolean;
  readonly blocks: readonly Reason[];
  readonly warnings: readonly Reason[];
};

export type ClaimView = {
  readonly id: string;
  readonly caseId: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly invoiceNumber: string;
  readonly issueDate: string | null;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  /** The part under dispute (all of a disputed claim, the disputed part of an open one). */
  readonly disputedMinor: number;
  readonly currency: string;
  readonly status: ClaimStatus;
  readonly disputeReason: string | null;
  readonly prescriptionBasis: string;
  readonly prescriptionEnd: string;
  readonly externalRef: string | null;
  readonly description: string | null;
  readonly importId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export const claimColumns = [
  'claim_id',
  'case_id',
  'creditor_id',
  'debtor_id',
  'invoice_number',
  'issue_date',
  'due_date',
  'amount_minor',
  'outstanding_minor',
  'disputed_minor',
  'currency',
  'status',
  'dispute_reason',
  'prescription_basis',
  'prescription_end',
  'external_ref',
  'description',
  'import_id',
  'created_at',
  'updated_at',
] as const;

type ClaimRow = {
  readonly claim_id: string;
  readonly case_id: string;
  readonly creditor_id: string;
  readonly debtor_id: string;
  readonly invoice_number: string;
  readonly issue_date: string | null;
  readonly due_date: string;
  readonly amount_minor: number;
  readonly outstanding_minor: number;
  readonly disputed_minor: number;
  readonly currency: string;
  readonly status: ClaimStatus;
  readonly dispute_reason: string | null;
  readonly prescription_basis: string;
  readonly prescription_end: string;
  readonly external_ref: string | null;
  readonly description: string | null;
  readonly import_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
};

export function toClaimView(row: ClaimRow): ClaimView {
  return {
    id: row.claim_id,
    caseId: row.case_id,
    creditorId: row.creditor_id,
    debtorId: row.debtor_id,
    invoiceNumber: row.invoice_number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    amountMinor: row.amount_minor,
    outstandingMinor: row.outstanding_minor,
    disputedMinor: disputedPart({
      status: row.status,
      outstandingMinor: Number(row.outstanding_minor),
      disputedMinor: Number(row.disputed_minor),
    }),
    currency: row.currency,
    status: row.status,
    disputeReason: row.dispute_reason,
    prescriptionBasis: row.prescription_basis,
    prescriptionEnd: row.prescription_end,
    externalRef: row.external_ref,
    description: row.description,
    importId: row.import_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the core needs to know about a debtor's contacts; an unverified contact counts as usable. */
export function contactFacts(contacts: readonly ContactView[]): ContactFacts {
  const count = (kind: ContactView['kind'], valid: boolean) =>
    contacts.filter((c) => c.kind === kind && (c.validity !== 'invalid') === valid).length;
  return {
    validEmails: count('email', true),
    invalidEmails: count('email', false),
    validPhones: count('phone', true),
    invalidPhones: count('phone', false),
    postalAddresses: count('postal', true),
  };
}

const prescriptionBases: readonly string[] = ['consumer_2y', 'commercial_5y', 'civil_5y'];

/** The core's verdict on a claim for today, with each reason also written out in `locale`. */
export function assessClaimView(claim: ClaimView, contacts: ContactFacts, today: string, locale: Locale) {
  const facts: ClaimFacts = {
    status: claim.status,
    dueDate: claim.dueDate,
    outstandingMinor: claim.outstandingMinor,
    disputedMinor: claim.disputedMinor,
    currency: claim.currency,
    prescriptionEnd: claim.prescriptionEnd,
    ...(prescriptionBases.includes(claim.prescriptionBasis)
      ? { prescriptionBasis: claim.prescriptionBasis as PrescriptionBasis }
      : {}),
  };
  const assessment = assessClaim(facts, contacts, today);
  const settledCodes: readonly string[] = ['paid', 'cancelled', 'non_positive_balance'];
  const result: ClaimAssessment = {
    verdict: assessment.verdict,
    settled: assessment.blocks.some((b) => settledCodes.includes(b.code)),
    blocks: assessment.blocks.map((b) => reason(b, describeBlock(b, locale))),
    warnings: assessment.warnings.map((w) => reason(w, describeWarning(w, locale))),
  };
  return { assessment: result, core: assessment };
}

function reason(item: CollectabilityBlock | CollectabilityWarning, message: string): Reason {
  const { code, ...data } = item;
  return { code, data, message };
}
