import { isIsoDate } from '../shared/dates.ts';
import type { AllocationError, AllocationInput, AllocationInputField } from './allocation-types.ts';

function invalid(field: AllocationInputField, subject: string | null, message: string): AllocationError {
  return { kind: 'invalid_input', field, subject, message };
}

function isAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function checkClaims(input: AllocationInput): AllocationError | null {
  const { currency } = input.payment;
  const seen = new Set<string>();
  for (const claim of input.claims) {
    const id = claim.claimId;
    if (seen.has(id)) return invalid('claim.claimId', id, `Claim ${id} is given twice`);
    seen.add(id);
    if (claim.currency !== currency) {
      return {
        kind: 'currency_mismatch',
        expected: currency,
        actual: claim.currency,
        claimId: id,
        message: `The payment is in ${currency} and claim ${claim.invoiceNumber} in ${claim.currency}`,
      };
    }
    if (![claim.principalMinor, claim.interestMinor, claim.feesMinor].every(isAmount)) {
      return invalid('claim.amounts', id, `Claim ${id}: amounts owed must be integers of minor units ≥ 0`);
    }
    if (!isIsoDate(claim.dueDate)) return invalid('claim.dueDate', id, `Claim ${id}: not a due date`);
    if (claim.issueDate !== null && !isIsoDate(claim.issueDate)) {
      return invalid('claim.issueDate', id, `Claim ${id}: not an issue date`);
    }
  }
  return null;
}

/** The first reason the input cannot be allocated, or null. Amounts are integers of minor units. */
export function validateAllocationInput(input: AllocationInput): AllocationError | null {
  const { payment } = input;
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) {
    return invalid('payment.amountMinor', null, 'A payment is an integer of minor units above zero');
  }
  if (!isIsoDate(payment.receivedOn)) return invalid('payment.receivedOn', null, 'Not a date of receipt');
  const claimError = checkClaims(input);
  if (claimError) return claimError;
  const seqs = new Set<number>();
  for (const instalment of input.instalments ?? []) {
    const subject = String(instalment.seq);
    if (seqs.has(instalment.seq) || !isAmount(instalment.amountMinor) || !isAmount(instalment.paidMinor)) {
      return invalid('instalment', subject, `Instalment ${subject}: a unique seq and amounts ≥ 0`);
    }
    seqs.add(instalment.seq);
  }
  return null;
}
