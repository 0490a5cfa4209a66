import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { formatDate, formatDateTime, formatInteger } from './dates.ts';
import { formatMoney } from './money.ts';

export type Formatters = {
  readonly language: Language;
  readonly money: (minor: number, currency: string) => string;
  readonly date: (isoDate: string | null | undefined) => string;
  readonly dateTime: (isoInstant: string | null | undefined) => string;
  readonly integer: (value: number) => string;
};

/** Formatters bound to the current UI language; components re-render when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'fr';
  return {
    language,
    money: (minor, currency) => formatMoney(minor, currency, language),
    date: (isoDate) => formatDate(isoDate, language),
    dateTime: (isoInstant) => formatDateTime(isoInstant, language),
    integer: (value) => formatInteger(value, language),
  };
}
