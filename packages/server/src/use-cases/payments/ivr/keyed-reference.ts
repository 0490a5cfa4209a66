import { isValidRfReference } from '@relance/core';

/**
 * What a caller keyed at the first question: an agent's six-digit transfer code, or the digits of the case's
 * RF reference (ISO 11649) after the letters "RF" — check digits included, so a mistyped key or two swapped
 * keys are caught before anything is looked up (mod 97). References are given with a body of digits only
 * (`use-cases/templates/payment-reference.ts`) so that they can be keyed; "73" keyed for the letters R and F
 * is accepted too.
 */
export type Keyed =
  | { readonly kind: 'transfer'; readonly code: string }
  | { readonly kind: 'reference'; readonly reference: string }
  | { readonly kind: 'malformed' };

export const TRANSFER_CODE_DIGITS = 6;

export function parseKeyed(digits: string): Keyed {
  const clean = digits.replace(/[^0-9]/g, '');
  if (clean.length === TRANSFER_CODE_DIGITS) return { kind: 'transfer', code: clean };
  if (isValidRfReference(`RF${clean}`)) return { kind: 'reference', reference: `RF${clean}` };
  if (clean.startsWith('73') && isValidRfReference(`RF${clean.slice(2)}`)) {
    return { kind: 'reference', reference: `RF${clean.slice(2)}` };
  }
  return { kind: 'malformed' };
}

/**
 * An amount keyed as units, then optionally star and the cents: "120#" → 12000, "120*5#" → 12050,
 * "120*05#" → 12005 (for a currency with two minor digits). Null when it is not one.
 */
export function parseKeyedAmount(digits: string, minorDigits: number): number | null {
  const match = /^(\d{1,9})(?:\*(\d*))?$/.exec(digits.trim());
  if (!match) return null;
  const units = Number(match[1]);
  const fraction = match[2] ?? '';
  if (fraction.length > minorDigits) return null;
  const minor = fraction === '' ? 0 : Number(fraction.padEnd(minorDigits, '0'));
  return units * 10 ** minorDigits + minor;
}
