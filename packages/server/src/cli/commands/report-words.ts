import type { ReportEmailStatus } from '../../db/schema-creditor-portal.ts';
import type { CreditorReportView } from '../../use-cases/creditor-portal/creditor-reports.ts';
import type { ReportSubscriptionView } from '../../use-cases/creditor-portal/report-subscription.ts';
import type { Lang } from '../i18n.ts';

/** The `reports` command's words, French and English (kept beside the command). */
const en = {
  help: {
    reports: 'the creditors’ reports: the dashboard as a PDF, e-mailed weekly or monthly',
    list: 'each creditor’s scheduled report and the reports made (the last 50)',
    creditor: 'the creditor’s reference (e.g. ACME)',
    creditorAll: 'the creditor’s reference (default: every creditor)',
    subscribe: 'schedule (or change, or stop) a creditor’s report',
    frequency: 'weekly (the last ISO week) or monthly (the last month)',
    to: 'a recipient’s e-mail address (repeat for several, up to 10)',
    language: 'the report’s language: fr or en',
    off: 'stop sending it (the subscription is kept, inactive)',
    preview: 'write the report as it would be sent now, as PDF (nothing is sent or kept)',
    period:
      'weekly or monthly (to today), or a whole month 2026-10 or ISO week 2026-W42 (default: the subscription’s frequency)',
    out: 'the PDF file to write (default: the report’s own name, in the current folder)',
    send: 'make the report of the week or month to today and e-mail it now to the subscription’s recipients',
  },
  frequency: { weekly: 'weekly', monthly: 'monthly' } as Record<'weekly' | 'monthly', string>,
  subscription: (s: ReportSubscriptionView | null) =>
    s === null
      ? 'no scheduled report'
      : `${s.active ? '' : '(stopped) '}${en.frequency[s.frequency]} in ${s.language === 'fr' ? 'French' : 'English'} to ${s.recipients.join(', ')}`,
  creditor: (ref: string, name: string, subscription: string) => `${ref} ${name} — ${subscription}`,
  status: {
    planned: 'to send',
    sending: 'sending',
    sent: 'sent',
    failed: 'failed',
    unconfirmed: 'in doubt',
  } as Record<ReportEmailStatus, string>,
  report: (r: CreditorReportView, status: string) =>
    `  ${r.period}  ${r.periodStart} to ${r.periodEnd}  ${status}${r.emailedAt ? ` ${r.emailedAt}` : ''} → ${r.emailTo}${r.error ? ` (${r.error})` : ''}`,
  noReport: '  no report made yet',
  noCreditor: 'No creditor.',
  saved: (ref: string, subscription: string) => `Report of ${ref}: ${subscription}.`,
  written: (file: string, bytes: string) => `Written ${file} (${bytes} bytes).`,
  sent: (to: string) => `Report sent to ${to}.`,
  notSent: (status: string, error: string | null) =>
    `Report not sent (${status})${error ? `: ${error}` : ''}. The dispatcher will try again.`,
  toRequired: 'Name at least one recipient with --to.',
  unknownCreditor: (ref: string) => `No creditor has the reference ${ref}.`,
};

const fr: typeof en = {
  help: {
    reports:
      'les rapports aux créanciers : le tableau de bord en PDF, envoyé par e-mail chaque semaine ou chaque mois',
    list: 'le rapport programmé de chaque créancier et les rapports produits (les 50 derniers)',
    creditor: 'la référence du créancier (ex. ACME)',
    creditorAll: 'la référence du créancier (par défaut : tous les créanciers)',
    subscribe: 'programmer (ou modifier, ou arrêter) le rapport d’un créancier',
    frequency: 'weekly (la dernière semaine ISO) ou monthly (le dernier mois)',
    to: 'l’adresse e-mail d’un destinataire (à répéter pour plusieurs, 10 au plus)',
    language: 'la langue du rapport : fr ou en',
    off: 'ne plus l’envoyer (l’abonnement est gardé, inactif)',
    preview: 'écrire le rapport tel qu’il partirait maintenant, en PDF (rien n’est envoyé ni gardé)',
    period:
      'weekly ou monthly (jusqu’à aujourd’hui), ou un mois entier 2026-10 ou une semaine ISO 2026-W42 (par défaut : la fréquence de l’abonnement)',
    out: 'le fichier PDF à écrire (par défaut : le nom du rapport, dans le dossier courant)',
    send: 'produire le rapport de la semaine ou du mois jusqu’à aujourd’hui et l’envoyer maintenant aux destinataires',
  },
  frequency: { weekly: 'hebdomadaire', monthly: 'mensuel' },
  subscription: (s) =>
    s === null
      ? 'aucun rapport programmé'
      : `${s.active ? '' : '(arrêté) '}${fr.frequency[s.frequency]} en ${s.language === 'fr' ? 'français' : 'anglais'} à ${s.recipients.join(', ')}`,
  creditor: (ref, name, subscription) => `${ref} ${name} — ${subscription}`,
  status: {
    planned: 'à envoyer',
    sending: 'en cours',
    sent: 'envoyé',
    failed: 'en échec',
    unconfirmed: 'incertain',
  },
  report: (r, status) =>
    `  ${r.period}  du ${r.periodStart} au ${r.periodEnd}  ${status}${r.emailedAt ? ` ${r.emailedAt}` : ''} → ${r.emailTo}${r.error ? ` (${r.error})` : ''}`,
  noReport: '  aucun rapport produit',
  noCreditor: 'Aucun créancier.',
  saved: (ref, subscription) => `Rapport de ${ref} : ${subscription}.`,
  written: (file, bytes) => `Écrit ${file} (${bytes} octets).`,
  sent: (to) => `Rapport envoyé à ${to}.`,
  notSent: (status, error) =>
    `Rapport non envoyé (${status})${error ? ` : ${error}` : ''}. Le répartiteur réessaiera.`,
  toRequired: 'Nommez au moins un destinataire avec --to.',
  unknownCreditor: (ref) => `Aucun créancier n’a la référence ${ref}.`,
};

export type ReportWords = typeof en;

export function reportWords(lang: Lang): ReportWords {
  return lang === 'fr' ? fr : en;
}
