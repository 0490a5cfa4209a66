import type { ReasonMessages } from './types.ts';

/** Error messages of the agencies' comparison (issue #7), in French and English, by reason. */
export const agencyComparisonMessages: ReasonMessages = {
  outside_agency_invalid: {
    fr: (d) =>
      `L’agence n’est pas valable (${Array.isArray(d?.fields) ? d.fields.join(', ') : '?'}) : une clé en minuscules, un nom, une commission en pourcentage.`,
    en: (d) =>
      `The agency is not valid (${Array.isArray(d?.fields) ? d.fields.join(', ') : '?'}): a lower-case key, a name, a commission in percent.`,
  },
  outside_agency_not_found: { fr: 'Agence introuvable.', en: 'Agency not found.' },
  outside_agency_inactive: {
    fr: 'Cette agence est désactivée : elle ne reçoit plus de dossier. Réactivez-la d’abord.',
    en: 'This agency is deactivated: it is given no new case. Reactivate it first.',
  },
  handover_not_found: { fr: 'Transmission introuvable.', en: 'Hand-over not found.' },
  handover_date_invalid: {
    fr: 'Date non valable : AAAA-MM-JJ, et un rappel tombe le jour de la transmission ou après.',
    en: 'Invalid date: YYYY-MM-DD, and a recall falls on or after the hand-over.',
  },
  case_with_another_agency: {
    fr: 'Ce dossier est déjà confié à une autre agence : rappelez-le d’abord.',
    en: 'This case is already with another agency: recall it first.',
  },
  agency_report_empty: {
    fr: 'Le relevé de l’agence n’a aucune ligne.',
    en: 'The agency’s report has no line.',
  },
  agency_report_columns: {
    fr: (d) =>
      `Colonnes manquantes dans le relevé : ${Array.isArray(d?.missing) ? d.missing.join(', ') : '?'} (référence, montant, date).`,
    en: (d) =>
      `Columns missing from the report: ${Array.isArray(d?.missing) ? d.missing.join(', ') : '?'} (reference, amount, date).`,
  },
};
