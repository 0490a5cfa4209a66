import { currencyDigits, minorToDecimalString } from '../../app/format/money.ts';

/** An amount as a person types it in their language: "1234,56" in French, "1234.56" in English. */
export function amountText(minor: number, currency: string, language: string): string {
  const text = minorToDecimalString(minor, currencyDigits(currency));
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** The browser's calendar day, `days` from today: the bounds of the date field. */
export function localDay(days = 0, from: Date = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
