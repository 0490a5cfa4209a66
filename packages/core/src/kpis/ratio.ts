import { fail, type KpiLocale } from './common.ts';

/**
 * A rate kept as its two integers (kept promises / resolved promises, cents recovered / cents placed), so
 * that rates of several groups add up exactly (`addRatios`) and a percentage is rounded once, at display.
 * A denominator of 0 means "no basis": `percent` answers null, never 0 % or NaN.
 */
export type Ratio = { readonly numerator: number; readonly denominator: number };

const MAX_DECIMALS = 12;

export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    fail(`A ratio is made of integers: ${numerator}/${denominator}`, { numerator, denominator });
  }
  return { numerator: numerator === 0 ? 0 : numerator, denominator: denominator === 0 ? 0 : denominator };
}

/** The ratio of two groups together: numerators and denominators summed (not the mean of two rates). */
export function addRatios(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator + b.numerator, a.denominator + b.denominator);
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    fail(`decimals must be an integer from 0 to ${MAX_DECIMALS}: ${decimals}`, { decimals });
  }
}

/**
 * numerator / denominator × 10^decimals rounded to an integer, half away from zero ("half up" on the
 * magnitude, so −0.25 → −0.3 as 0.25 → 0.3). Exact: BigInt, no float ever.
 */
export function roundedScaled(numerator: bigint, denominator: bigint, decimals: number): bigint {
  if (denominator === 0n) fail('Division by zero');
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = (numerator < 0n ? -numerator : numerator) * 10n ** BigInt(decimals);
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = (2n * n + d) / (2n * d);
  return negative ? -magnitude : magnitude;
}

/** A scaled integer as a decimal string: (429n, 1) → '42.9', (-5n, 2) → '-0.05', (7n, 0) → '7'. */
export function scaledToString(scaled: bigint, decimals: number): string {
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  if (decimals === 0) return `${sign}${digits}`;
  const cut = digits.length - decimals;
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** numerator / denominator as a decimal string with `decimals` digits, rounded half up (exact). */
export function decimalQuotient(numerator: bigint, denominator: bigint, decimals: number): string {
  checkDecimals(decimals);
  return scaledToString(roundedScaled(numerator, denominator, decimals), decimals);
}

/**
 * The ratio as a percentage string: 3/7 → '42.9', 1/3 → '33.3', 2/3 → '66.7', 5/8 → '62.5' (1 decimal);
 * null when the denominator is 0. Rounded half up on the exact fraction (BigInt), so no float drift.
 */
export function percent(r: Ratio, decimals = 1): string | null {
  checkDecimals(decimals);
  if (r.denominator === 0) return null;
  return decimalQuotient(BigInt(r.numerator) * 100n, BigInt(r.denominator), decimals);
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: KpiLocale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'percent',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The percentage for a person: '42,9 %' (fr) or '42.9%' (en); null when the denominator is 0. The digits
 * are `percent`'s (rounded exactly); Intl only lays them out — it receives the fraction as a decimal
 * string (42.9 % → '0.429'), which it reads exactly, so the spaces are Intl's own (in French a no-break
 * space before the sign and a narrow no-break space between thousands).
 */
export function formatPercent(r: Ratio, locale: KpiLocale, decimals = 1): string | null {
  checkDecimals(decimals);
  if (r.denominator === 0) return null;
  const scaled = roundedScaled(BigInt(r.numerator) * 100n, BigInt(r.denominator), decimals);
  const fraction = scaledToString(scaled, decimals + 2) as `${number}`;
  return formatterFor(locale, decimals).format(fraction);
}
