import type { ReasonMessages } from './types.ts';

/** Error messages of the creditor portal (issue #7). */
export const creditorPortalMessages: ReasonMessages = {
  creditor_not_own: {
    fr: (d) =>
      `Un compte client ne place des créances que pour son propre créancier${typeof d?.own === 'string' ? ` (${d.own})` : ''}.`,
    en: (d) =>
      `A client account places claims for its own creditor${typeof d?.own === 'string' ? ` (${d.own})` : ''} only.`,
  },
  case_closed: {
    fr: 'Ce dossier est déjà clos : il ne peut être ni suspendu ni retiré.',
    en: 'This case is already closed: it can be neither held nor withdrawn.',
  },
  case_already_withdrawn: {
    fr: 'Ce dossier a déjà été retiré.',
    en: 'This case has already been withdrawn.',
  },
  case_already_held: { fr: 'Ce dossier est déjà suspendu.', en: 'This case is already on hold.' },
  case_held_by_creditor: {
    fr: 'Le créancier a suspendu ce dossier : seule la reprise du dossier le relance.',
    en: 'The creditor has put this case on hold: only releasing it resumes collection.',
  },
  case_not_held: { fr: 'Ce dossier n’est pas suspendu.', en: 'This case is not on hold.' },
  withdrawal_reason_required: {
    fr: 'Le retrait d’un dossier demande un motif (1 à 500 caractères).',
    en: 'A withdrawal needs a reason (1 to 500 characters).',
  },
  report_recipients_invalid: {
    fr: 'Les destinataires du rapport sont des adresses e-mail valides (1 à 10).',
    en: 'The report’s recipients are valid e-mail addresses (1 to 10).',
  },
  report_period_invalid: {
    fr: 'La période d’un rapport est un mois (2026-10) ou une semaine ISO (2026-W42).',
    en: 'A report’s period is a month (2026-10) or an ISO week (2026-W42).',
  },
  report_subscription_missing: {
    fr: 'Aucun rapport programmé pour ce créancier : enregistrez-en un d’abord.',
    en: 'No scheduled report for this creditor: save one first.',
  },
  report_just_sent: {
    fr: 'Un rapport vient d’être envoyé : réessayez dans un instant.',
    en: 'A report was just sent: try again in a moment.',
  },
  email_settings_missing: {
    fr: 'Aucun serveur d’e-mail (SMTP) n’est configuré pour cet espace.',
    en: 'No e-mail (SMTP) server is set up for this tenant.',
  },
};
