import type { ReasonMessages } from './types.ts';

const at = (value: unknown, locale: 'fr' | 'en'): string =>
  typeof value === 'string'
    ? new Date(value).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        timeZone: 'Europe/Paris',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '';

/** Error messages of the agent workspace's queue (issue #5), in French and English, by reason. */
export const queueMessages: ReasonMessages = {
  case_locked: {
    fr: (d) =>
      `${String(d?.lockedByName ?? 'Un autre conseiller')} travaille sur ce dossier jusqu’à ${at(d?.lockedUntil, 'fr')}.`,
    en: (d) =>
      `${String(d?.lockedByName ?? 'Another agent')} is working on this case until ${at(d?.lockedUntil, 'en')}.`,
  },
  outcome_reason_missing: {
    fr: 'Ce résultat demande le motif de non-paiement.',
    en: 'This outcome needs the reason for non-payment.',
  },
  outcome_promise_missing: {
    fr: 'Enregistrez d’abord la promesse, puis le résultat de l’appel.',
    en: 'Record the promise first, then the call’s outcome.',
  },
  outcome_plan_missing: {
    fr: 'Établissez d’abord l’échéancier, puis le résultat de l’appel.',
    en: 'Set up the payment plan first, then the call’s outcome.',
  },
  outcome_dispute_missing: {
    fr: 'Ouvrez d’abord la contestation, puis le résultat de l’appel.',
    en: 'Open the dispute first, then the call’s outcome.',
  },
  outcome_promise_unknown: {
    fr: 'Cette promesse n’existe pas sur ce dossier.',
    en: 'No such promise on this case.',
  },
  outcome_plan_unknown: {
    fr: 'Cet échéancier n’existe pas sur ce dossier.',
    en: 'No such payment plan on this case.',
  },
  outcome_dispute_unknown: {
    fr: 'Cette contestation n’existe pas sur ce dossier.',
    en: 'No such dispute on this case.',
  },
  callback_missing: { fr: 'Indiquez l’heure du rappel.', en: 'Give the callback time.' },
  callback_invalid: {
    fr: 'L’heure du rappel n’est pas une date valide.',
    en: 'The callback time is not a valid instant.',
  },
  callback_in_past: { fr: 'Le rappel doit être dans le futur.', en: 'The callback must be in the future.' },
  callback_outside_hours: {
    fr: (d) =>
      d?.next
        ? `Les appels ne sont pas permis à cette heure pour ce débiteur ; prochain créneau : ${at(d.next, 'fr')}.`
        : 'Les appels ne sont pas permis à cette heure pour ce débiteur.',
    en: (d) =>
      d?.next
        ? `Calls are not allowed at this time for this debtor; next slot: ${at(d.next, 'en')}.`
        : 'Calls are not allowed at this time for this debtor.',
  },
  payment_link_no_phone: {
    fr: 'Le débiteur n’a pas de numéro de téléphone utilisable : envoyez le lien par e-mail.',
    en: 'The debtor has no usable phone number: send the link by e-mail.',
  },
  payment_link_no_email: {
    fr: 'Le débiteur n’a pas d’adresse e-mail utilisable : envoyez le lien par SMS.',
    en: 'The debtor has no usable e-mail address: send the link by SMS.',
  },
  payment_link_case_closed: {
    fr: 'Le dossier est clos : aucun lien de paiement n’est envoyé.',
    en: 'The case is closed: no payment link is sent.',
  },
  payment_link_not_allowed: {
    fr: 'Les règles de conformité ne permettent pas d’envoyer ce message à ce débiteur.',
    en: 'The compliance rules do not allow this message to this debtor.',
  },
  agent_unknown: { fr: 'Conseiller inconnu ou désactivé.', en: 'Unknown or disabled agent.' },
  user_not_found: { fr: 'Utilisateur introuvable.', en: 'User not found.' },
};
