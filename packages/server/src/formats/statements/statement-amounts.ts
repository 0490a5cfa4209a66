import { minorToDecimalString, minorUnitDigits } from '@relance/core';
import type { Direction, StatementAmount } from './statement-model.ts';

export type ParsedAmount = StatementAmount & { readonly negative: boolean };

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A decimal amount as banks write it ('8.850', '474.4', '1000', '-509.12') → integer minor units of
 * `currency`, by string arithmetic (never a float). The minor-unit digits come from `minorUnitDigits`
 * (2 for a currency it does not list, which includes 'XXX', the code of redacted test files). More
 * decimals than the currency has: zeros are dropped ('8.850' EUR is 885 exactly); significant ones are
 * rounded half-up on the absolute value ('1.005' → 101) and `exact` is false, the caller warns.
 * Null when the text is not a plain decimal number or does not fit in a safe integer.
 */
export function parseStatementAmount(text: string, currency: string): ParsedAmount | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign = '', integerText = '', fraction = ''] = match;
  const digits = minorUnitDigits(currency);
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const dropped = fraction.slice(digits);
  const exact = !/[1-9]/.test(dropped);
  let minor = BigInt(`${integerText}${kept}`);
  if (!exact && dropped.charCodeAt(0) >= 53) minor += 1n;
  if (minor > MAX_SAFE) return null;
  const value = Number(minor);
  const decimal = exact ? minorToDecimalString(value, currency) : exactDecimal(integerText, fraction);
  return { minor: value, decimal, currency, exact, negative: sign === '-' && /[1-9]/.test(text) };
}

function exactDecimal(integerText: string, fraction: string): string {
  const integer = integerText.replace(/^0+(?=\d)/, '');
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed === '' ? integer : `${integer}.${trimmed}`;
}

/** A balance or amount with its direction as one signed number of minor units. */
export function signedMinor(amount: StatementAmount, direction: Direction): number {
  return direction === 'debit' && amount.minor !== 0 ? -amount.minor : amount.minor;
}

/** CRDT / DBIT → credit / debit; null for anything else. */
export function parseDirection(code: string | null): Direction | null {
  if (code === 'CRDT') return 'credit';
  if (code === 'DBIT') return 'debit';
  return null;
}

export function isCurrencyText(text: string | null): text is string {
  return text !== null && /^[A-Z]{3}$/.test(text);
}
