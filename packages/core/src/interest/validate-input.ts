import { compareDates, isIsoDate } from '../shared/dates.ts';
import type { Result } from '../shared/result.ts';
import { err, ok } from '../shared/result.ts';
import { regimeCurrency } from './fixed-compensation.ts';
import type { InterestError, InterestInput, InterestInputField, InvalidInterestInput } from './types.ts';

const RATE = /^\d{1,3}(\.\d{1,4})?$/;

function invalid(
  field: InterestInputField,
  reason: InvalidInterestInput,
  message: string,
): Result<never, InterestError> {
  return err({ kind: 'invalid_input', field, reason, message });
}

function isPositiveMinor(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

/** Options that only make sense for one regime are refused elsewhere, rather than silently ignored. */
function checkRegimeOptions(input: InterestInput): Result<InterestInput, InterestError> {
  const { regime } = input;
  if (regime === 'fr-legal' && input.creditor === undefined)
    return invalid('creditor', 'required', 'fr-legal needs the creditor kind: individual or professional');
  if (regime !== 'fr-legal' && input.creditor !== undefined)
    return invalid('creditor', 'not_for_regime', `The creditor kind is for fr-legal only, not ${regime}`);
  if (regime !== 'fr-legal' && input.judgmentEnforceable !== undefined)
    return invalid(
      'judgmentEnforceable',
      'not_for_regime',
      `A judgment date is for fr-legal only, not ${regime}`,
    );
  if (regime !== 'fr-b2b' && input.contractRatePercent !== undefined)
    return invalid(
      'contractRatePercent',
      'not_for_regime',
      `A contract rate is for fr-b2b only, not ${regime}`,
    );
  if (input.contractRatePercent !== undefined && !RATE.test(input.contractRatePercent))
    return invalid(
      'contractRatePercent',
      'not_a_rate',
      `Not a rate in percent: ${input.contractRatePercent}`,
    );
  return ok(input);
}

function checkPayments(input: InterestInput): Result<InterestInput, InterestError> {
  for (const p of input.payments ?? []) {
    if (!isIsoDate(p.date)) return invalid('payments', 'not_a_date', `Not an ISO date: ${p.date}`);
    if (!isPositiveMinor(p.amountMinor))
      return invalid('payments', 'not_positive', `A payment must be positive: ${p.amountMinor}`);
    if (compareDates(p.date, input.from) < 0 || compareDates(p.date, input.to) > 0)
      return invalid('payments', 'payment_outside_period', `Payment of ${p.date} outside the period`);
  }
  return ok(input);
}

/** Checks what the types cannot say; the first problem found is returned, naming the field. */
export function validateInterestInput(input: InterestInput): Result<InterestInput, InterestError> {
  if (!isPositiveMinor(input.principalMinor))
    return invalid(
      'principalMinor',
      'not_positive',
      `The principal must be positive: ${input.principalMinor}`,
    );
  const currency = regimeCurrency(input.regime);
  if (input.currency !== currency)
    return invalid('currency', 'currency_not_supported', `${input.regime} is computed in ${currency} only`);
  for (const field of ['from', 'to', 'judgmentEnforceable'] as const) {
    const value = input[field];
    if (value !== undefined && !isIsoDate(value))
      return invalid(field, 'not_a_date', `Not an ISO date: ${value}`);
  }
  if (compareDates(input.to, input.from) < 0)
    return invalid('to', 'to_before_from', `The end ${input.to} is before the start ${input.from}`);
  const options = checkRegimeOptions(input);
  return options.ok ? checkPayments(input) : options;
}
