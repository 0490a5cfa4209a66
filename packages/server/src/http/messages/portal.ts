import type { Details, ReasonMessages } from './types.ts';

const closed = (d: Details, fr: boolean): string => {
  switch (d?.state) {
    case 'expired':
      return fr
        ? 'Ce lien de paiement a expiré. Vous pouvez toujours régler par virement ou nous appeler.'
        : 'This payment link has expired. You can still pay by transfer or call us.';
    case 'locked':
      return fr
        ? 'Ce lien a été bloqué après plusieurs réponses inexactes, pour protéger vos informations. Vous pouvez régler par virement ou nous appeler.'
        : 'This link was locked after several wrong answers, to protect your details. You can pay by transfer or call us.';
    default:
      return fr
        ? 'Ce lien de paiement n’est plus actif. Vous pouvez régler par virement ou nous appeler.'
        : 'This payment link is no longer active. You can pay by transfer or call us.';
  }
};

/** Messages of the debtor's payment portal (issue #6): courteous, in the debtor's language. */
export const portalMessages: ReasonMessages = {
  portal_link_invalid: {
    fr: 'Ce lien de paiement n’est pas valable. Vérifiez qu’il est complet, ou contactez l’expéditeur du message.',
    en: 'This payment link is not valid. Check that it is complete, or contact the sender of the message.',
  },
  portal_link_closed: { fr: (d) => closed(d, true), en: (d) => closed(d, false) },
  portal_check_required: {
    fr: 'Pour votre sécurité, merci de confirmer d’abord votre identité.',
    en: 'For your security, please confirm your identity first.',
  },
  portal_check_failed: {
    fr: (d) => {
      const left = Number(d?.attemptsLeft ?? 0);
      return `Cette réponse ne correspond pas à nos informations. Il vous reste ${left} essai${left > 1 ? 's' : ''}.`;
    },
    en: (d) => {
      const left = Number(d?.attemptsLeft ?? 0);
      return `This answer does not match our records. You have ${left} attempt${left === 1 ? '' : 's'} left.`;
    },
  },
  portal_settled: {
    fr: 'Il n’y a plus rien à régler sur ce dossier. Merci !',
    en: 'There is nothing left to pay on this case. Thank you!',
  },
  portal_amount_out_of_range: {
    fr: (d) => `Indiquez un montant entre ${String(d?.min ?? '')} et ${String(d?.max ?? '')}.`,
    en: (d) => `Enter an amount between ${String(d?.min ?? '')} and ${String(d?.max ?? '')}.`,
  },
  portal_attempt_not_found: { fr: 'Ce paiement est introuvable.', en: 'This payment cannot be found.' },
  portal_callback_time: {
    fr: 'Choisissez un créneau dans les sept prochains jours.',
    en: 'Choose a time in the next seven days.',
  },
  portal_callback_no_phone: {
    fr: 'Nous n’avons pas de numéro auquel vous rappeler. Vous pouvez nous appeler directement.',
    en: 'We have no number to call you back on. You are welcome to call us directly.',
  },
  portal_contact_not_found: {
    fr: 'Ce moyen de contact est introuvable.',
    en: 'This contact detail cannot be found.',
  },
  portal_too_many_requests: {
    fr: 'Beaucoup de demandes en peu de temps : merci de patienter une minute.',
    en: 'Many requests in a short time: please wait a minute.',
  },
  payment_link_not_found: { fr: 'Lien de paiement introuvable.', en: 'Payment link not found.' },
};
