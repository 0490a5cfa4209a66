import { intlLocale, type Language } from '../i18n/languages.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Formats a calendar date 'YYYY-MM-DD' in the UI locale; the date is never shifted by a time zone. */
export function formatDate(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate) return '—';
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const text = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
  return text.replaceAll('\u202f', '\u00a0');
}

/** Formats an instant (ISO 8601 timestamp) with date and time in the user's time zone. */
export function formatDateTime(isoInstant: string | null | undefined, language: Language): string {
  if (!isoInstant) return '—';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const text = new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
  return text.replaceAll('\u202f', '\u00a0');
}

/** The browser's IANA time zone (e.g. 'Europe/Paris'): where the person reading the screen is. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * An instant with its date, time and the zone named ("12 mars 2026, 10:30 UTC+1"), in `timeZone` (the
 * browser's by default): a timeline read by agents in several zones says which clock it is on.
 */
export function formatZonedDateTime(
  isoInstant: string | null | undefined,
  language: Language,
  timeZone: string = browserTimeZone(),
): string {
  if (!isoInstant) return '—';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const text = new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
  return text.replaceAll('\u202f', '\u00a0');
}

export function formatInteger(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value).replaceAll('\u202f', '\u00a0');
}

/** The calendar day of an instant in the browser's time zone, as 'YYYY-MM-DD' (today by default). */
export function localIsoDate(instant: Date = new Date()): string {
  const year = String(instant.getFullYear()).padStart(4, '0');
  const month = String(instant.getMonth() + 1).padStart(2, '0');
  const day = String(instant.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** A calendar day ('YYYY-MM-DD') moved by whole days, or by whole months (the 31st becomes the month's last). */
export function shiftIsoDate(
  isoDate: string,
  by: { readonly days?: number; readonly months?: number },
): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const months = by.months ?? 0;
  const lastOfMonth = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastOfMonth) + (by.days ?? 0)));
  return shifted.toISOString().slice(0, 10);
}
