import { assertCurrencyCode } from '../shared/currencies.ts';
import { isIsoDate } from '../shared/dates.ts';
import { DomainError } from '../shared/errors.ts';

/**
 * What every KPI function shares.
 *
 * One currency per call: a call names its currency, every row that carries money carries its own, and a
 * row in another currency throws `invalid_input` ("Currency mismatch") — the caller groups by currency
 * first (the database does it in the same GROUP BY as the other dimensions). Adding euros to pounds is a
 * programming error, not a figure to show; the currency given with an empty list still names the result.
 *
 * Amounts are integer minor units (safe integers); counts are non-negative safe integers; dates are
 * 'YYYY-MM-DD' and "today" is always a parameter (`asOf`), never read from a clock.
 */

export type KpiLocale = 'fr' | 'en';

function invalid(message: string, details: Readonly<Record<string, unknown>>): never {
  throw new DomainError('invalid_input', message, details);
}

export function checkCurrency(currency: string): void {
  assertCurrencyCode(currency);
}

/** A row's currency against the call's. */
export function checkSameCurrency(expected: string, actual: string): void {
  if (expected !== actual) {
    invalid(`Currency mismatch: the figures are in ${expected}, a row is in ${actual}`, { expected, actual });
  }
}

/** Any safe integer of minor units (a credit note may be negative). */
export function checkMinor(value: number, field: string): void {
  if (!Number.isSafeInteger(value))
    invalid(`${field} must be an integer of minor units: ${value}`, { field });
}

/** A non-negative safe integer of minor units. */
export function checkAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    invalid(`${field} must be a non-negative integer of minor units: ${value}`, { field });
  }
}

/** A non-negative safe integer. */
export function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    invalid(`${field} must be a non-negative integer: ${value}`, { field });
  }
}

export function checkDate(value: string, field: string): void {
  if (!isIsoDate(value)) invalid(`${field} must be a date (YYYY-MM-DD): ${value}`, { field });
}

/** Sums minor units, refusing to leave the exact integer range. */
export function addMinor(a: number, b: number): number {
  const total = a + b;
  if (!Number.isSafeInteger(total)) invalid('Amount out of the exact integer range', { a, b });
  return total;
}

export function fail(message: string, details: Readonly<Record<string, unknown>> = {}): never {
  invalid(message, details);
}

/** Code-point order: the same on every machine (keys, months, ids). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
