import {
  assertCurrencyCode,
  currencyMarkers,
  minorUnitDigits,
  normalizeCurrencyMarker,
} from './currencies.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';

export type AmountError = 'empty' | 'not_a_number' | 'too_many_decimals' | 'out_of_range';
export type DecimalSeparator = ',' | '.';

// A currency marker: a run of anything that is not a digit, a sign, a bracket or a separator ('€', 'EUR',
// 'US$', 'F CFA'). The number itself: digits, separators and grouping spaces/apostrophes, ending on a digit.
const MARK = "[^\\d\\s.,+\\-\\u2212()'\\u2019]+(?:[ \\u00a0\\u202f][^\\d\\s.,+\\-\\u2212()'\\u2019]+)*";
const AMOUNT_SHAPE = new RegExp(
  `^([-+\\u2212])?\\s*(${MARK})?\\s*([-+\\u2212])?\\s*([\\d.,\\s'\\u2019]*\\d)\\s*(${MARK})?\\s*([-\\u2212])?$`,
  'u',
);
const GROUPING = /[.,\s'\u2019]/u;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_TEXT_LENGTH = 64;

/**
 * Parses an amount typed by a human or exported by an accounting tool into integer minor units, exactly
 * (string arithmetic, never a float). Accepts '1 234,56', '1.234,56', '1,234.56', '-12,00', '(12.00)',
 * '12,00 €', '€12.00', 'EUR 12', '+5', a trailing minus ('12,00-', as SAP exports it), and extra decimals
 * that are zeros ('1234,5000'). A currency marker that does not match `currency` is refused.
 *
 * `decimalSeparator` 'auto' reads a lone ',' or '.' as the decimal separator, even before exactly three
 * digits ('1.234' is 1.234). When the caller names the separator (from `detectDecimalSeparator` on the
 * whole column), the other one is a thousands separator ('1.234' with ',' is 1234) — unless it cannot be
 * one ('12.5' with ',' is still 12.50: a lone separator not followed by three digits can only be decimal).
 */
export function parseAmount(
  text: string,
  currency: string,
  decimalSeparator: DecimalSeparator | 'auto' = 'auto',
): Result<number, AmountError> {
  assertCurrencyCode(currency);
  let body = text.trim();
  if (body === '') return err('empty');
  // No amount is this long; the cap also bounds the regular expression's work on hostile input.
  if (body.length > MAX_TEXT_LENGTH) return err('not_a_number');
  const bracketed = body.startsWith('(') && body.endsWith(')');
  if (bracketed) body = body.slice(1, -1).trim();
  const match = AMOUNT_SHAPE.exec(body);
  if (!match) return err('not_a_number');
  const [, sign1, marker1, sign2, numberText = '', marker2, sign3] = match;
  const signs = [sign1, sign2, sign3].filter((s) => s !== undefined);
  if (signs.length > 1 || (bracketed && signs.length > 0)) return err('not_a_number');
  if (marker1 !== undefined && marker2 !== undefined) return err('not_a_number');
  const marker = marker1 ?? marker2;
  if (marker !== undefined && !currencyMarkers(currency).has(normalizeCurrencyMarker(marker))) {
    return err('not_a_number');
  }
  const parts = splitNumber(numberText.trim(), decimalSeparator);
  if (!parts) return err('not_a_number');

  const digits = minorUnitDigits(currency);
  const extra = parts.fraction.slice(digits);
  if (/[1-9]/.test(extra)) return err('too_many_decimals');
  const minorText = `${parts.integer}${parts.fraction.slice(0, digits).padEnd(digits, '0')}`.replace(
    /^0+(?=\d)/,
    '',
  );
  if (minorText.length > 16 || BigInt(minorText) > MAX_SAFE) return err('out_of_range');
  const value = Number(minorText);
  const negative = bracketed || signs[0] === '-' || signs[0] === '\u2212';
  return ok(negative && value !== 0 ? -value : value);
}

type NumberParts = { readonly integer: string; readonly fraction: string };

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** '1.234' or '12,345' or '1 234.567': a lone separator that can be read as a thousands separator. */
function isThousandsShape(text: string, separator: DecimalSeparator): boolean {
  const at = text.indexOf(separator);
  const before = text.slice(0, at);
  const lastRun = /(\d+)$/.exec(before)?.[1] ?? '';
  return /^\d{3}$/.test(text.slice(at + 1)) && lastRun.length >= 1 && lastRun.length <= 3;
}

function chooseDecimal(text: string, mode: DecimalSeparator | 'auto'): DecimalSeparator | null {
  const dots = count(text, '.');
  const commas = count(text, ',');
  if (mode === 'auto') {
    if (dots > 0 && commas > 0) return text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    if (dots === 1) return '.';
    if (commas === 1) return ',';
    return null;
  }
  const other: DecimalSeparator = mode === ',' ? '.' : ',';
  if (count(text, mode) > 0) return mode;
  if (count(text, other) === 1 && !isThousandsShape(text, other)) return other;
  return null;
}

function splitNumber(text: string, mode: DecimalSeparator | 'auto'): NumberParts | null {
  const decimal = chooseDecimal(text, mode);
  if (decimal !== null && count(text, decimal) > 1) return null;
  const at = decimal === null ? text.length : text.indexOf(decimal);
  const fraction = decimal === null ? '' : text.slice(at + 1);
  if (decimal !== null && !/^\d+$/.test(fraction)) return null;
  const integer = ungroup(text.slice(0, at));
  if (integer === null || (integer === '' && fraction === '')) return null;
  return { integer, fraction };
}

/** '1 234 567' → '1234567'; null when the groups are not 1–3 digits then threes, or mix separators. */
function ungroup(text: string): string | null {
  if (/^\d*$/.test(text)) return text;
  const separators = new Set(
    [...text.replace(/\d/g, '')].map((c) => (/\s/u.test(c) ? ' ' : c === '\u2019' ? "'" : c)),
  );
  if (separators.size !== 1) return null;
  const groups = text.split(GROUPING);
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * Guesses a column's decimal separator from many of its values. Decisive evidence: both separators in one
 * value (the last one is decimal), one separator repeated (it groups thousands), a lone separator not
 * followed by exactly three digits (it is decimal). A lone separator before exactly three digits only
 * counts when nothing decisive was seen, and then as a thousands separator. Ties go to ','; a column
 * of integers gives '.'.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  const strong = { ',': 0, '.': 0 };
  const weak = { ',': 0, '.': 0 };
  for (const sample of samples) {
    const text = sample.replace(/[^\d.,]/g, '');
    const dots = count(text, '.');
    const commas = count(text, ',');
    if (dots > 0 && commas > 0) strong[text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',']++;
    else if (dots > 1) strong[',']++;
    else if (commas > 1) strong['.']++;
    else if (dots === 1 || commas === 1) {
      const lone: DecimalSeparator = dots === 1 ? '.' : ',';
      if (isThousandsShape(text, lone)) weak[lone === '.' ? ',' : '.']++;
      else strong[lone]++;
    }
  }
  if (strong[','] + strong['.'] > 0) return strong['.'] > strong[','] ? '.' : ',';
  if (weak[','] + weak['.'] > 0) return weak['.'] > weak[','] ? '.' : ',';
  return '.';
}
