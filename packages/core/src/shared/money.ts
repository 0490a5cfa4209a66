import { assertCurrencyCode, minorUnitDigits } from './currencies.ts';
import { DomainError } from './errors.ts';

export type { AmountError, DecimalSeparator } from './amounts.ts';
export { detectDecimalSeparator, parseAmount } from './amounts.ts';
export { isCurrencyCode, minorUnitDigits } from './currencies.ts';

/** An amount of money: integer minor units (cents, pence, yen) and an ISO 4217 currency. Never float euros. */
export type Money = { readonly amountMinor: number; readonly currency: string };

export type MoneyLocale = 'fr' | 'en';

function assertMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new DomainError('invalid_input', `Not an integer amount of minor units: ${amountMinor}`, {
      amountMinor,
    });
  }
}

/** Builds a Money after checking the amount is a safe integer and the currency a well-formed ISO code. */
export function money(amountMinor: number, currency: string): Money {
  assertMinor(amountMinor);
  assertCurrencyCode(currency);
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency };
}

/** 123456 EUR → '1234.56'; -5 EUR → '-0.05'; 1200 JPY → '1200'. Exact: built as a string, no division. */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  assertMinor(amountMinor);
  const digits = minorUnitDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${absolute}`;
  const cut = absolute.length - digits;
  return `${sign}${absolute.slice(0, cut)}.${absolute.slice(cut)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: MoneyLocale): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = minorUnitDigits(currency);
    formatter = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * 123456 EUR → '1 234,56 €' (fr, with no-break spaces) or '€1,234.56' (en). The amount reaches Intl as a
 * decimal string, so no float is ever involved; the narrow no-break space of French grouping is replaced
 * by a plain no-break space, which every font and e-mail client renders.
 */
export function formatMoney(amountMinor: number, currency: string, locale: MoneyLocale): string {
  assertCurrencyCode(currency);
  const decimal = minorToDecimalString(amountMinor, currency) as `${number}`;
  return formatterFor(currency, locale).format(decimal).replaceAll('\u202f', '\u00a0');
}

function assertSameCurrency(expected: string, actual: string): void {
  if (expected !== actual) {
    throw new DomainError('invalid_input', `Currency mismatch: ${expected} and ${actual}`, {
      expected,
      actual,
    });
  }
}

function safeSum(a: number, b: number): number {
  const total = a + b;
  if (!Number.isSafeInteger(total)) {
    throw new DomainError('invalid_input', 'Amount out of the exact integer range', { a, b });
  }
  return total;
}

/** Adds two amounts of the same currency; a mismatch throws `invalid_input` (a programming error). */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a.currency, b.currency);
  return money(safeSum(a.amountMinor, b.amountMinor), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a.currency, b.currency);
  return money(safeSum(a.amountMinor, -b.amountMinor), a.currency);
}

/** Total of amounts that must share one currency, in minor units (0 for an empty list). */
export function sumMinor(values: readonly Money[]): number {
  const [first] = values;
  let total = 0;
  for (const value of values) {
    if (first) assertSameCurrency(first.currency, value.currency);
    total = safeSum(total, value.amountMinor);
  }
  return total;
}

/** Like `sumMinor`, as a Money; the currency is given so that an empty list still has one. */
export function sumMoney(values: readonly Money[], currency: string): Money {
  for (const value of values) assertSameCurrency(currency, value.currency);
  return money(sumMinor(values), currency);
}
