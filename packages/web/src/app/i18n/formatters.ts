import type { i18n } from 'i18next';
import { formatInteger } from '../format/dates.ts';
import { isLanguage } from './languages.ts';

/** `{{count, integer}}` in a translation: "1 241" in French, "1,241" in English. */
export function addFormatters(instance: i18n): void {
  instance.services.formatter?.add('integer', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? formatInteger(value, isLanguage(lng) ? lng : 'fr') : String(value),
  );
}
