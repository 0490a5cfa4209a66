const SPACE = 32;
const NBSP = 0xa0;
const NARROW_NBSP = 0x202f;
const MINUS = 45;

/**
 * The common shapes of an amount — '1234,56', '1 234,56', '-12.5', '1234' — read straight into minor units
 * with integer arithmetic; undefined for anything else (a currency sign, a thousands dot, brackets…), which
 * `parseAmount` from the core then reads. For the shapes it accepts it gives exactly what `parseAmount`
 * gives (a test checks), only ten times faster: it runs twice per row of a million-row file.
 */
export function plainAmount(text: string, decimal: ',' | '.', minorDigits: number): number | undefined {
  const n = text.length;
  const decimalCode = decimal.charCodeAt(0);
  let i = 0;
  const negative = text.charCodeAt(0) === MINUS;
  if (negative) i = 1;
  let value = 0;
  let digits = 0;
  let run = 0;
  let grouped = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      run++;
    } else if (c === SPACE || c === NBSP || c === NARROW_NBSP) {
      if (run === 0 || run > 3 || (grouped && run !== 3)) return undefined;
      grouped = true;
      run = 0;
    } else if (c === decimalCode) break;
    else return undefined;
  }
  if (digits === 0 || (grouped && run !== 3)) return undefined;
  let fraction = 0;
  if (i < n) {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      if (fraction < minorDigits) {
        value = value * 10 + (c - 48);
        digits++;
      } else if (c !== 48) return undefined;
      fraction++;
    }
    if (fraction === 0) return undefined;
  }
  for (; fraction < minorDigits; fraction++) {
    value *= 10;
    digits++;
  }
  if (digits > 15) return undefined;
  return negative && value !== 0 ? -value : value;
}
