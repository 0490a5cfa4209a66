import { intlLocale, type Language } from '../i18n/languages.ts';

type DecimalString = `${number}`;

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Number of minor-unit digits of a currency (EUR 2, JPY 0, BHD 3), as Intl knows it. */
export function currencyDigits(currency: string): number {
  return currencyFormatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Builds the exact decimal text of an amount in minor units ("-12345", 2 → "-123.45") without ever
 * dividing a number, so no binary floating-point rounding can creep in.
 */
export function minorToDecimalString(minor: number | bigint, digits: number): DecimalString {
  const value = BigInt(minor);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString();
  const sign = negative ? '-' : '';
  if (digits === 0) return `${sign}${text}` as DecimalString;
  const padded = text.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const fraction = padded.slice(padded.length - digits);
  return `${sign}${whole}.${fraction}` as DecimalString;
}

/** Narrow no-break spaces (U+202F, used by fr-FR) become plain no-break spaces (U+00A0). */
export function normaliseSpaces(text: string): string {
  return text.replaceAll('\u202f', '\u00a0');
}

export function formatMoney(minor: number | bigint, currency: string, language: Language): string {
  const formatter = currencyFormatter(intlLocale(language), currency);
  return normaliseSpaces(formatter.format(minorToDecimalString(minor, currencyDigits(currency))));
}

/**
 * An amount typed by a person ("1 234,56", "1234.5", "80") in minor units of the currency, read digit by
 * digit (never through a float); null when the text is not an amount or has more decimals than the
 * currency allows.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const digits = currencyDigits(currency);
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}
