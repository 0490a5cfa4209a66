import { DomainError } from './errors.ts';

/** ISO 4217 minor-unit digits where they differ from the usual 2 (the list covers the currencies we meet). */
const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  JPY: 0,
  XOF: 0,
  XPF: 0,
  XAF: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  TND: 3,
  JOD: 3,
  OMR: 3,
  LYD: 3,
  IQD: 3,
};

/** Digits after the decimal point in the currency's minor unit (EUR 2, JPY 0, TND 3); 2 when unknown. */
export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency] ?? 2;
}

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/** Throws `invalid_input`: a malformed currency code is a programming error, not a business "no". */
export function assertCurrencyCode(currency: string): void {
  if (!isCurrencyCode(currency)) {
    throw new DomainError('invalid_input', `Not an ISO 4217 currency code: ${currency}`, { currency });
  }
}

const markerCache = new Map<string, ReadonlySet<string>>();

/** Compares currency markers ignoring case and spacing: 'F CFA' = 'FCFA', 'eur' = 'EUR'. */
export function normalizeCurrencyMarker(marker: string): string {
  return marker.replace(/\s/g, '').toUpperCase();
}

/**
 * Every way a value of `currency` may be marked in text: its ISO code and the symbols the French and
 * English locales print for it ('€', '$', 'US$', '$US', 'JP¥', '¥', 'F CFA' …), normalized.
 */
export function currencyMarkers(currency: string): ReadonlySet<string> {
  const cached = markerCache.get(currency);
  if (cached) return cached;
  const markers = new Set<string>([currency]);
  for (const locale of ['fr-FR', 'en-GB', 'en-US']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const parts = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay,
      }).formatToParts(0);
      const symbol = parts.find((p) => p.type === 'currency');
      if (symbol) markers.add(normalizeCurrencyMarker(symbol.value));
    }
  }
  markerCache.set(currency, markers);
  return markers;
}
