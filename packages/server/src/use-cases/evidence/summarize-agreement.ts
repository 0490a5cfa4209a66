import {
  DISPOSITION_RULES,
  formatDate,
  formatMoney,
  isDisposition,
  isNonPaymentReason,
  NON_PAYMENT_REASON_LABELS,
} from '@relance/core';
import type { Locale } from '../../db/schema.ts';
import { disputeReasonText } from '../workspace/disputes/dispute-texts.ts';

type Payload = Readonly<Record<string, unknown>>;

const RESOLUTIONS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  credit_note: { fr: 'avoir', en: 'credit note' },
  write_off: { fr: 'abandon de créance', en: 'write-off' },
  rejected: { fr: 'rejetée', en: 'rejected' },
  withdrawn: { fr: 'retirée par le débiteur', en: 'withdrawn by the debtor' },
  cleared: { fr: 'levée par le fichier du créancier', en: 'cleared by the creditor’s file' },
};

const CHANNELS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  phone: { fr: 'téléphone', en: 'phone' },
  call: { fr: 'téléphone', en: 'phone' },
  portal: { fr: 'portail', en: 'portal' },
  email: { fr: 'e-mail', en: 'e-mail' },
  sms: { fr: 'SMS', en: 'SMS' },
  letter: { fr: 'courrier', en: 'letter' },
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** "300,00 €" / "€300.00" with plain spaces; null when the amount or its currency is missing. */
function amount(minor: unknown, currency: unknown, locale: Locale): string | null {
  const m = num(minor);
  const c = str(currency);
  if (m === null || c === null) return null;
  try {
    return formatMoney(m, c, locale).replace(/[\u00a0\u202f]/g, ' ');
  } catch {
    return null;
  }
}

function day(iso: unknown, locale: Locale): string | null {
  const d = str(iso);
  if (d === null || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  return formatDate(d, locale);
}

/** "300,00 € le 20/03/2026, 300,00 € le 20/04/2026" from [{ dueOn, amountMinor }]. */
function schedule(items: unknown, currency: unknown, locale: Locale): string | null {
  if (!Array.isArray(items)) return null;
  const parts = items.flatMap((item: unknown) => {
    if (item === null || typeof item !== 'object') return [];
    const i = item as Record<string, unknown>;
    const a = amount(i.amountMinor, currency, locale);
    const d = day(i.dueOn, locale);
    return a && d ? [locale === 'fr' ? `${a} le ${d}` : `${a} on ${d}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : null;
}

const label = (locale: Locale, fr: string, en: string, value: string | null): string | null =>
  value === null ? null : `${locale === 'fr' ? `${fr} : ` : `${en}: `}${value}`;

/**
 * What an agreement, a dispute or a call outcome says, in the reader's language: the amounts and dates of a
 * promise or a plan, the reason and outcome of a dispute, the disposition and reason of a call. Null for
 * the other kinds (they are summarised from their payload keys).
 */
export function summarizeAgreement(
  kind: string,
  p: Payload,
  locale: Locale,
  instant: (value: string) => string,
): (string | null)[] | null {
  const fr = locale === 'fr';
  switch (kind) {
    case 'promise_recorded': {
      const total = amount(p.amountMinor, p.currency, locale);
      const channel = str(p.channel);
      return [
        total ? (fr ? `Promesse de ${total}` : `Promise of ${total}`) : fr ? 'Promesse' : 'Promise',
        schedule(p.schedule, p.currency, locale),
        label(locale, 'canal', 'channel', channel ? (CHANNELS[channel]?.[locale] ?? channel) : null),
      ];
    }
    case 'payment_link_requested': {
      const channel = str(p.channel);
      return [
        fr ? 'Lien de paiement envoyé pendant l’appel' : 'Payment link sent during the call',
        label(locale, 'canal', 'channel', channel ? (CHANNELS[channel]?.[locale] ?? channel) : null),
      ];
    }
    case 'promise_cancelled':
      return [fr ? 'Promesse annulée' : 'Promise cancelled', label(locale, 'note', 'note', str(p.note))];
    case 'plan_agreed': {
      const total = amount(p.totalMinor, p.currency, locale);
      const count = Array.isArray(p.instalments) ? p.instalments.length : null;
      const head = fr
        ? `Échéancier${total ? ` de ${total}` : ''}${count ? ` en ${count} échéance${count > 1 ? 's' : ''}` : ''}`
        : `Payment plan${total ? ` of ${total}` : ''}${count ? ` in ${count} instalment${count > 1 ? 's' : ''}` : ''}`;
      return [head, schedule(p.instalments, p.currency, locale)];
    }
    case 'plan_cancelled': {
      const reminders = num(p.cancelledReminders);
      return [
        fr ? 'Échéancier annulé' : 'Payment plan cancelled',
        label(locale, 'motif', 'reason', str(p.reason)),
        reminders ? label(locale, 'rappels annulés', 'reminders cancelled', String(reminders)) : null,
      ];
    }
    case 'dispute_opened': {
      const total = amount(p.amountMinor, p.currency, locale);
      const reason = str(p.reason);
      return [
        total ? (fr ? `Contestation de ${total}` : `Dispute of ${total}`) : fr ? 'Contestation' : 'Dispute',
        label(locale, 'motif', 'reason', reason ? disputeReasonText(reason, locale) : null),
        p.wholeCase === true ? (fr ? 'tout le dossier' : 'the whole case') : null,
      ];
    }
    case 'dispute_resolved': {
      const resolution = str(p.resolution);
      const total = amount(p.amountMinor, p.currency, locale);
      return [
        `${fr ? 'Contestation close' : 'Dispute closed'}${resolution ? ` (${RESOLUTIONS[resolution]?.[locale] ?? resolution})` : ''}`,
        label(locale, 'montant', 'amount', total),
        label(locale, 'note', 'note', str(p.note)),
      ];
    }
    case 'call_outcome': {
      const outcome = str(p.outcome);
      const reason = str(p.reason);
      return [
        label(
          locale,
          'résultat',
          'outcome',
          outcome && isDisposition(outcome) ? DISPOSITION_RULES[outcome].label[locale] : outcome,
        ),
        label(
          locale,
          'motif',
          'reason',
          reason && isNonPaymentReason(reason) ? NON_PAYMENT_REASON_LABELS[reason][locale] : reason,
        ),
        label(locale, 'téléphone', 'phone', str(p.phone)),
        label(locale, 'rappel', 'callback', str(p.callbackAt) ? instant(String(p.callbackAt)) : null),
        label(locale, 'note', 'note', str(p.note)),
      ];
    }
    default:
      return null;
  }
}
