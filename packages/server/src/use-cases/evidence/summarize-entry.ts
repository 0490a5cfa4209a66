import type { Locale } from '../../db/schema.ts';

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

/** One line saying what an entry records: the note's text, or the recipients, subject, reference, ids… */
export function summarizeEntry(
  kind: string,
  payload: Readonly<Record<string, unknown>>,
  locale: Locale,
): string {
  const parts: string[] = [];
  if (kind === 'agent_note' && typeof payload.text === 'string') parts.push(clip(payload.text));
  const separator = locale === 'fr' ? ' : ' : ': ';
  for (const [key, fr, en] of shown) {
    const value = textOf(payload[key]);
    if (value !== null) parts.push(`${locale === 'fr' ? fr : en}${separator}${clip(value)}`);
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
