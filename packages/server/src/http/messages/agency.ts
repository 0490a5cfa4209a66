import type { Details, ReasonMessages } from './types.ts';

type Issue = {
  readonly field?: unknown;
  readonly message?: { readonly fr?: unknown; readonly en?: unknown };
};

/** Each refused field of a mandate, in the reader's language: "commission.rate : …". */
function issues(d: Details, language: 'fr' | 'en'): string {
  const list = Array.isArray(d?.issues) ? (d.issues as readonly Issue[]) : [];
  return list
    .map(
      (i) =>
        `${String(i.field ?? '')}${language === 'fr' ? ' : ' : ': '}${String(i.message?.[language] ?? '')}`,
    )
    .join(' ; ');
}

/** Error messages of agency mode (issue #7): mandates, placements, remittance statements. */
export const agencyMessages: ReasonMessages = {
  mandate_invalid: {
    fr: (d) => `Mandat refusé — ${issues(d, 'fr')}`,
    en: (d) => `Mandate refused — ${issues(d, 'en')}`,
  },
  mandate_strategy_unknown: {
    fr: (d) => `Scénario inconnu : ${Array.isArray(d?.strategies) ? d.strategies.join(', ') : ''}.`,
    en: (d) => `Unknown strategy: ${Array.isArray(d?.strategies) ? d.strategies.join(', ') : ''}.`,
  },
  mandate_not_found: { fr: 'Ce client n’a pas de mandat.', en: 'This client has no mandate.' },
  not_an_agency: {
    fr: 'Seule une agence travaille sous mandat et reverse à des clients (CPCE R124-1).',
    en: 'Only an agency works under mandates and remits to clients (CPCE R124-1).',
  },
  placement_label_invalid: {
    fr: 'Le nom d’un placement compte de 1 à 120 caractères.',
    en: 'A placement label has 1 to 120 characters.',
  },
  period_invalid: {
    fr: (d) =>
      `« ${String(d?.period ?? '')} » n’est pas une période : 2026-10 (mois), 2026-10-F1 ou F2 (quinzaine), 2026-W42 (semaine).`,
    en: (d) =>
      `"${String(d?.period ?? '')}" is not a period: 2026-10 (month), 2026-10-F1 or F2 (fortnight), 2026-W42 (week).`,
  },
  period_not_ended: {
    fr: (d) =>
      `La période ${String(d?.period ?? '')} se termine le ${String(d?.end ?? '')} : elle n’est pas close.`,
    en: (d) => `The period ${String(d?.period ?? '')} ends on ${String(d?.end ?? '')}: it is not over yet.`,
  },
  period_frequency_mismatch: {
    fr: (d) =>
      `Les reversements de ce client sont ${frequencyFr(d?.frequency)} : la période ne convient pas.`,
    en: (d) => `This client's remittances are ${String(d?.frequency ?? '')}: the period does not fit.`,
  },
  remittance_not_found: { fr: 'Relevé de reversement introuvable.', en: 'Remittance statement not found.' },
  remittance_email_pending: {
    fr: 'L’e-mail de ce relevé est déjà en attente ou en cours d’envoi.',
    en: 'This statement’s e-mail is already queued or being sent.',
  },
  client_email_missing: {
    fr: 'Ce client n’a pas d’adresse e-mail : renseignez-la dans ses coordonnées.',
    en: 'This client has no e-mail address: add it to its details.',
  },
};

function frequencyFr(frequency: unknown): string {
  if (frequency === 'weekly') return 'hebdomadaires';
  if (frequency === 'fortnightly') return 'bimensuels';
  return 'mensuels';
}
