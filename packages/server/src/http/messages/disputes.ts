import type { Details, ReasonMessages } from './types.ts';

const n = (details: Details, key: string): string => String(details?.[key] ?? '');
const euros = (details: Details, key: string, locale: 'fr' | 'en'): string => {
  const minor = Number(details?.[key]);
  if (!Number.isFinite(minor)) return '';
  const value = (minor / 100).toFixed(2);
  return locale === 'fr' ? value.replace('.', ',') : value;
};
/** The n-th date of the schedule, counted from 1 for people. */
const nth = (details: Details): string => String(Number(details?.index ?? 0) + 1);

/** Error messages of the agent workspace's promises and disputes (issue #5), in French and English, by reason. */
export const disputesMessages: ReasonMessages = {
  promise_case_closed: {
    fr: 'Le dossier est soldé : il n’y a rien à promettre.',
    en: 'The case is closed: there is nothing to promise.',
  },
  promise_schedule_empty: {
    fr: 'Une promesse a au moins une date.',
    en: 'A promise has at least one date.',
  },
  promise_too_many_dates: {
    fr: (d) => `Une promesse a au plus ${n(d, 'max')} dates : au-delà, proposez un échéancier.`,
    en: (d) => `A promise has at most ${n(d, 'max')} dates: beyond that, offer a payment plan.`,
  },
  promise_date_invalid: {
    fr: (d) => `La date n° ${nth(d)} n’est pas une date valable.`,
    en: (d) => `Date ${nth(d)} is not a valid date.`,
  },
  promise_date_past: {
    fr: (d) => `La date n° ${nth(d)} (${n(d, 'dueOn')}) est passée.`,
    en: (d) => `Date ${nth(d)} (${n(d, 'dueOn')}) is in the past.`,
  },
  promise_dates_not_increasing: {
    fr: (d) => `La date n° ${nth(d)} doit suivre la précédente.`,
    en: (d) => `Date ${nth(d)} must come after the previous one.`,
  },
  promise_beyond_horizon: {
    fr: (d) => `La date n° ${nth(d)} est trop lointaine : au plus tard le ${n(d, 'lastOn')}.`,
    en: (d) => `Date ${nth(d)} is too far ahead: ${n(d, 'lastOn')} at the latest.`,
  },
  promise_amount_invalid: {
    fr: (d) => `Le montant de la date n° ${nth(d)} doit être positif.`,
    en: (d) => `The amount of date ${nth(d)} must be positive.`,
  },
  promise_exceeds_outstanding: {
    fr: (d) =>
      `La promesse (${euros(d, 'totalMinor', 'fr')}) dépasse le reste dû hors contestation (${euros(d, 'outstandingMinor', 'fr')}).`,
    en: (d) =>
      `The promise (${euros(d, 'totalMinor', 'en')}) is more than what is owed outside disputes (${euros(d, 'outstandingMinor', 'en')}).`,
  },
  promise_plan_active: {
    fr: 'Le dossier a un plan de paiement en cours : modifiez ou annulez le plan plutôt qu’ajouter une promesse.',
    en: 'The case has an active payment plan: change or cancel the plan rather than add a promise.',
  },
  promise_not_found: { fr: 'Promesse introuvable.', en: 'Promise not found.' },
  promise_not_open: {
    fr: 'Cette promesse n’est plus en cours.',
    en: 'This promise is no longer open.',
  },
  dispute_not_found: { fr: 'Contestation introuvable.', en: 'Dispute not found.' },
  dispute_not_open: {
    fr: 'Cette contestation est déjà close.',
    en: 'This dispute is already closed.',
  },
  dispute_deadline_invalid: {
    fr: 'La date de réponse doit être aujourd’hui ou plus tard.',
    en: 'The answer date must be today or later.',
  },
  dispute_no_claim: {
    fr: 'Choisissez au moins une facture contestée.',
    en: 'Choose at least one disputed invoice.',
  },
  dispute_claim_twice: {
    fr: 'Une facture est citée deux fois.',
    en: 'An invoice is named twice.',
  },
  dispute_claim_not_in_case: {
    fr: 'Cette facture n’appartient pas au dossier.',
    en: 'This invoice is not part of the case.',
  },
  dispute_claim_not_open: {
    fr: (d) => `La facture ${n(d, 'invoice')} n’est pas ouverte (déjà contestée, payée ou annulée).`,
    en: (d) => `Invoice ${n(d, 'invoice')} is not open (already disputed, paid or cancelled).`,
  },
  dispute_amount_invalid: {
    fr: (d) =>
      `Le montant contesté sur la facture ${n(d, 'invoice')} doit être positif et au plus ${euros(d, 'outstandingMinor', 'fr')}.`,
    en: (d) =>
      `The disputed amount on invoice ${n(d, 'invoice')} must be positive and at most ${euros(d, 'outstandingMinor', 'en')}.`,
  },
  dispute_owner_invalid: {
    fr: 'Le responsable doit être un utilisateur de l’espace qui traite les dossiers.',
    en: 'The owner must be a user of this workspace who works cases.',
  },
  dispute_amount_not_expected: {
    fr: 'Seuls un avoir ou un abandon de créance ont un montant.',
    en: 'Only a credit note or a write-off has an amount.',
  },
  dispute_resolution_amount_invalid: {
    fr: (d) =>
      `Le montant doit être positif et au plus le montant contesté (${euros(d, 'disputedMinor', 'fr')}).`,
    en: (d) =>
      `The amount must be positive and at most the disputed amount (${euros(d, 'disputedMinor', 'en')}).`,
  },
  dispute_document_size: {
    fr: 'Le fichier est vide ou dépasse 10 Mo.',
    en: 'The file is empty or larger than 10 MB.',
  },
  dispute_document_missing: {
    fr: 'Envoyez le document dans une partie `file`.',
    en: 'Send the document as a `file` part.',
  },
};
