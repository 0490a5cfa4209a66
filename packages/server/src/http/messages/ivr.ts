import type { ReasonMessages } from './types.ts';

/** Error messages of the payment IVR (issue #6), in French and English, by reason. */
export const ivrMessages: ReasonMessages = {
  ivr_signature_invalid: {
    fr: 'La signature de cette requête du serveur vocal est absente ou fausse : rien n’a été enregistré.',
    en: 'The signature of this IVR request is missing or wrong: nothing was recorded.',
  },
  ivr_call_sid_missing: {
    fr: 'Une requête du serveur vocal doit porter l’identifiant de l’appel (CallSid).',
    en: 'An IVR request must carry the call’s id (CallSid).',
  },
  ivr_settings_languages: {
    fr: 'Le serveur vocal parle au moins une langue, chacune une seule fois.',
    en: 'The IVR speaks at least one language, each once.',
  },
  ivr_settings_incomplete: {
    fr: 'Avec Twilio, le numéro du serveur vocal est obligatoire.',
    en: 'With Twilio, the IVR’s phone number is required.',
  },
  ivr_nothing_owed: {
    fr: 'Il n’y a rien à payer sur ce dossier : pas de transfert vers le serveur vocal.',
    en: 'There is nothing to pay on this case: no transfer to the IVR.',
  },
  ivr_not_builtin: {
    fr: 'Le simulateur de serveur vocal ne fonctionne qu’avec le fournisseur intégré.',
    en: 'The IVR simulator works with the built-in provider only.',
  },
  payment_attempt_not_found: {
    fr: 'Tentative de paiement introuvable.',
    en: 'Payment attempt not found.',
  },
};
