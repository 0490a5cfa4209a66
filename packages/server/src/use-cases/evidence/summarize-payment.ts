import { formatDate, formatMoney } from '@relance/core';
import type { Locale } from '../../db/schema.ts';

type Payload = Readonly<Record<string, unknown>>;
type Words = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

const METHODS: Words = {
  card: { fr: 'carte bancaire', en: 'card' },
  transfer: { fr: 'virement', en: 'bank transfer' },
  direct_debit: { fr: 'prélèvement', en: 'direct debit' },
  cheque: { fr: 'chèque', en: 'cheque' },
  cash: { fr: 'espèces', en: 'cash' },
  other: { fr: 'autre moyen', en: 'other means' },
};

const CHANNELS: Words = {
  portal: { fr: 'portail', en: 'portal' },
  ivr: { fr: 'serveur vocal', en: 'payment IVR' },
  agent: { fr: 'agent', en: 'agent' },
  statement: { fr: 'relevé bancaire', en: 'bank statement' },
  api: { fr: 'API', en: 'API' },
  manual: { fr: 'saisie', en: 'entered by hand' },
};

const PARTS: Words = {
  interest: { fr: 'intérêts', en: 'interest' },
  fees: { fr: 'frais', en: 'fees' },
  principal: { fr: 'principal', en: 'principal' },
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

function money(minor: unknown, currency: unknown, locale: Locale): string | null {
  const m = num(minor);
  const c = str(currency);
  if (m === null || c === null) return null;
  try {
    return formatMoney(m, c, locale).replace(/[\u00a0\u202f]/g, ' ');
  } catch {
    return null;
  }
}

function word(words: Words, value: unknown, locale: Locale): string | null {
  const v = str(value);
  return v === null ? null : (words[v]?.[locale] ?? v);
}

/** "F-1 : intérêts 2,30 €, principal 97,70 €" from the allocation lines kept in the payload. */
function lines(items: unknown, currency: unknown, locale: Locale): string | null {
  if (!Array.isArray(items) || items.length === 0) return null;
  const said = items.flatMap((item: unknown) => {
    if (item === null || typeof item !== 'object') return [];
    const l = item as Record<string, unknown>;
    const a = money(l.amountMinor, currency, locale);
    return a ? [`${str(l.invoiceNumber) ?? '?'} ${word(PARTS, l.part, locale) ?? ''} ${a}`] : [];
  });
  if (said.length === 0) return null;
  return locale === 'fr' ? `imputé : ${said.join(', ')}` : `applied: ${said.join(', ')}`;
}

/** What a payment's evidence entry says, in the reader's language; null for other kinds. */
export function summarizePayment(kind: string, p: Payload, locale: Locale): (string | null)[] | null {
  const fr = locale === 'fr';
  switch (kind) {
    case 'payment_received': {
      const total = money(p.amountMinor, p.currency, locale);
      const method = word(METHODS, p.method, locale);
      const channel = word(CHANNELS, p.channel, locale);
      const on = str(p.receivedOn);
      const credit = num(p.creditMinor);
      return [
        `${fr ? 'Paiement' : 'Payment'}${total ? ` ${fr ? 'de' : 'of'} ${total}` : ''}${method ? ` ${fr ? 'par' : 'by'} ${method}` : ''}${channel ? ` (${channel})` : ''}`,
        on ? `${fr ? 'reçu le' : 'received on'} ${formatDate(on, locale)}` : null,
        lines(p.lines, p.currency, locale),
        credit && credit > 0
          ? `${fr ? 'trop-perçu' : 'overpayment'} ${money(credit, p.currency, locale)}`
          : null,
        str(p.reference) ? `${fr ? 'réf.' : 'ref.'} ${str(p.reference)}` : null,
      ];
    }
    case 'payment_reversed': {
      const total = money(p.amountMinor, p.currency, locale);
      return [
        `${fr ? 'Paiement annulé' : 'Payment reversed'}${total ? ` (${total})` : ''}`,
        str(p.reason) ? `${fr ? 'motif' : 'reason'}${fr ? ' : ' : ': '}${str(p.reason)}` : null,
      ];
    }
    default:
      return null;
  }
}
