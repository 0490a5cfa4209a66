import type { Locale } from '../../db/schema.ts';
import { summarizeAgreement } from './summarize-agreement.ts';
import { summarizePayment } from './summarize-payment.ts';

/**
 * The payload keys worth a reader's eye, in the order they are told, with their names. The channels write
 * their own payloads; a key not listed here stays in the entry (and in journal.json) but not in the summary.
 */
const shown: readonly (readonly [key: string, fr: string, en: string])[] = [
  ['author', 'auteur', 'author'],
  ['to', 'à', 'to'],
  ['recipient', 'destinataire', 'recipient'],
  ['phone', 'téléphone', 'phone'],
  ['address', 'adresse', 'address'],
  ['subject', 'objet', 'subject'],
  ['reference', 'réf.', 'ref.'],
  ['template', 'modèle', 'template'],
  ['trackingNumber', 'n° de suivi', 'tracking no.'],
  ['status', 'statut', 'status'],
  ['event', 'événement', 'event'],
  ['outcome', 'résultat', 'outcome'],
  ['provider', 'prestataire', 'provider'],
  ['providerMessageId', 'id prestataire', 'provider id'],
  ['messageId', 'Message-ID', 'Message-ID'],
  ['reason', 'motif', 'reason'],
  ['error', 'erreur', 'error'],
  ['windowStart', 'à partir de', 'from'],
  ['windowEnd', 'jusqu’à', 'until'],
];

const maxValue = 160;

/** Words of the channels and providers (statuses, provider names, outcomes), said in the reader's language. */
const words: Readonly<Record<string, { readonly fr: string; readonly en: string }>> = {
  queued: { fr: 'en file', en: 'queued' },
  accepted: { fr: 'accepté', en: 'accepted' },
  sending: { fr: 'en cours d’envoi', en: 'sending' },
  sent: { fr: 'envoyé', en: 'sent' },
  delivered: { fr: 'remis', en: 'delivered' },
  undelivered: { fr: 'non remis', en: 'undelivered' },
  failed: { fr: 'en échec', en: 'failed' },
  bounced: { fr: 'rejeté (adresse en erreur)', en: 'bounced' },
  delayed: { fr: 'retardé', en: 'delayed' },
  read: { fr: 'lu', en: 'read' },
  posted: { fr: 'posté', en: 'posted' },
  returned: { fr: 'retourné', en: 'returned' },
  unclaimed: { fr: 'non réclamé', en: 'unclaimed' },
  printed: { fr: 'imprimé', en: 'printed' },
  to_print: { fr: 'à imprimer', en: 'to print' },
  'builtin-sms': { fr: 'SMS intégré (démo)', en: 'built-in SMS (demo)' },
  twilio: { fr: 'Twilio', en: 'Twilio' },
  smtp: { fr: 'serveur SMTP', en: 'SMTP server' },
  print: { fr: 'impression', en: 'print' },
  'call-queue': { fr: 'file d’appels', en: 'call queue' },
  handover: { fr: 'transmission', en: 'hand-over' },
  answered: { fr: 'a répondu', en: 'answered' },
  no_answer: { fr: 'pas de réponse', en: 'no answer' },
  wrong_number: { fr: 'faux numéro', en: 'wrong number' },
  promise: { fr: 'promesse', en: 'promise' },
  conversation: { fr: 'conversation', en: 'conversation' },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const INSTANTS = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
} as const;

/** Formatters of instants in a reader's zone, with the zone's short name ("UTC+1", "CET"): one per zone. */
const ZONED = new Map<string, Intl.DateTimeFormat>();

function instantText(value: string, locale: Locale, timeZone: string): string {
  if (timeZone === 'UTC')
    return `${INSTANTS[locale].format(new Date(value)).replace(/\u202f/g, '\u00a0')} UTC`;
  const key = `${locale}:${timeZone}`;
  let format = ZONED.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    ZONED.set(key, format);
  }
  return format.format(new Date(value)).replace(/\u202f/g, '\u00a0');
}

/**
 * A stored value as a person reads it: a known word translated, an instant as a date and time in the reader's
 * zone, named (UTC unless the reader gave theirs).
 */
function said(value: string, locale: Locale, timeZone = 'UTC'): string {
  const word = words[value];
  if (word) return word[locale];
  if (INSTANT.test(value)) return instantText(value, locale, timeZone);
  return value;
}

/** One line saying what an entry records: the note's text, or the recipients, subject, reference, ids… */
export function summarizeEntry(
  kind: string,
  payload: Readonly<Record<string, unknown>>,
  locale: Locale,
  /** The reader's IANA zone for the instants told; UTC by default (the exported file). */
  timeZone = 'UTC',
): string {
  const agreement =
    summarizePayment(kind, payload, locale) ??
    summarizeAgreement(kind, payload, locale, (value) => said(value, locale, timeZone));
  if (agreement) return agreement.flatMap((part) => (part === null ? [] : [clip(part)])).join(' · ');
  const parts: string[] = [];
  if (kind === 'agent_note' && typeof payload.text === 'string') parts.push(clip(payload.text));
  const separator = locale === 'fr' ? ' : ' : ': ';
  for (const [key, fr, en] of shown) {
    const value = textOf(payload[key]);
    if (value !== null)
      parts.push(`${locale === 'fr' ? fr : en}${separator}${clip(said(value, locale, timeZone))}`);
  }
  if (kind !== 'agent_note' && parts.length === 0 && typeof payload.text === 'string')
    parts.push(clip(payload.text));
  return parts.join(' · ');
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const items = Array.isArray(value)
    ? value
    : value !== null && typeof value === 'object'
      ? Object.values(value)
      : null;
  if (items === null) return null;
  const texts = items.map(textOf).filter((v): v is string => v !== null);
  return texts.length > 0 ? texts.join(', ') : null;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxValue ? `${flat.slice(0, maxValue - 1)}…` : flat;
}
