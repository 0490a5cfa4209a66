import { type DomainErrorCode, formatDate } from '@relance/core';
import type { Locale } from '../db/schema.ts';

import { agencyMessages } from './messages/agency.ts';
import { agencyComparisonMessages } from './messages/agency-comparison.ts';
import { creditorPortalMessages } from './messages/creditor-portal.ts';
import { debtorsMessages } from './messages/debtors.ts';
import { disputesMessages } from './messages/disputes.ts';
import { ivrMessages } from './messages/ivr.ts';
import { kpisMessages } from './messages/kpis.ts';
import { paymentsMessages } from './messages/payments.ts';
import { plansMessages } from './messages/plans.ts';
import { portalMessages } from './messages/portal.ts';
import { queueMessages } from './messages/queue.ts';
import { ratesMessages } from './messages/rates.ts';
import { scriptsMessages } from './messages/scripts.ts';
import { statementsMessages } from './messages/statements.ts';
import type { Details, ReasonMessages } from './messages/types.ts';

/**
 * Our error messages in French and English, by the `reason` the use cases put in the details.
 * A DomainError without a known reason keeps the message it was thrown with.
 */
const byReason: ReasonMessages = {
  ...queueMessages,
  ...disputesMessages,
  ...ivrMessages,
  ...plansMessages,
  ...portalMessages,
  ...scriptsMessages,
  ...paymentsMessages,
  ...statementsMessages,
  ...agencyMessages,
  ...agencyComparisonMessages,
  ...kpisMessages,
  ...creditorPortalMessages,
  ...ratesMessages,
  ...debtorsMessages,
  bad_credentials: { fr: 'E-mail ou mot de passe incorrect.', en: 'Wrong e-mail or password.' },
  authentication_required: {
    fr: 'Veuillez vous connecter (session ou clé d’API).',
    en: 'Please sign in (session or API key).',
  },
  too_many_sign_in_attempts: {
    fr: 'Trop de tentatives de connexion : réessayez dans quelques minutes.',
    en: 'Too many sign-in attempts: try again in a few minutes.',
  },
  forbidden: { fr: 'Vous n’avez pas le droit de faire cela.', en: 'You are not allowed to do this.' },
  client_without_creditor: {
    fr: 'Ce compte client n’est rattaché à aucun créancier.',
    en: 'This client account is not tied to a creditor.',
  },
  case_not_found: { fr: 'Dossier introuvable.', en: 'Case not found.' },
  debtor_not_found: { fr: 'Débiteur introuvable.', en: 'Debtor not found.' },
  claim_not_found: { fr: 'Créance introuvable.', en: 'Claim not found.' },
  import_not_found: { fr: 'Import introuvable.', en: 'Import not found.' },
  document_not_found: { fr: 'Document introuvable.', en: 'Document not found.' },
  note_length: {
    fr: 'Une note doit contenir entre 1 et 5000 caractères.',
    en: 'A note needs between 1 and 5000 characters.',
  },
  creditor_not_found: {
    fr: (d) =>
      typeof d?.creditorRef === 'string'
        ? `Aucun créancier « ${d.creditorRef} » dans cet espace.`
        : 'Créancier introuvable.',
    en: (d) =>
      typeof d?.creditorRef === 'string'
        ? `No creditor "${d.creditorRef}" in this tenant.`
        : 'Creditor not found.',
  },
  api_key_not_found: { fr: 'Clé d’API introuvable.', en: 'API key not found.' },
  tenant_not_found: { fr: 'Espace introuvable.', en: 'Tenant not found.' },
  route_not_found: { fr: 'Cette adresse n’existe pas.', en: 'There is nothing at this address.' },
  email_taken: {
    fr: 'Un utilisateur existe déjà avec cette adresse e-mail.',
    en: 'A user with this e-mail address already exists.',
  },
  email_invalid: { fr: 'L’adresse e-mail n’est pas valide.', en: 'The e-mail address is not valid.' },
  display_name_required: { fr: 'Le nom de l’utilisateur est obligatoire.', en: 'The user needs a name.' },
  password_too_short: {
    fr: (d) => `Le mot de passe doit contenir au moins ${String(d?.minLength ?? 12)} caractères.`,
    en: (d) => `The password needs at least ${String(d?.minLength ?? 12)} characters.`,
  },
  client_requires_creditor: {
    fr: 'Un compte client doit être rattaché à un créancier.',
    en: 'A client account must be tied to a creditor.',
  },
  creditor_only_for_client: {
    fr: 'Seul un compte client est rattaché à un créancier.',
    en: 'Only a client account is tied to a creditor.',
  },
  api_key_name_required: { fr: 'La clé d’API doit avoir un nom.', en: 'The API key needs a name.' },
  tenant_name_required: { fr: 'L’espace doit avoir un nom.', en: 'The tenant needs a name.' },
  invalid_request: { fr: 'La requête est invalide.', en: 'The request is invalid.' },
  twilio_signature_invalid: {
    fr: 'La signature Twilio de cette requête est absente ou fausse : rien n’a été enregistré.',
    en: 'The Twilio signature of this request is missing or wrong: nothing was recorded.',
  },
  sms_settings_incomplete: {
    fr: (d) => `Twilio a besoin de : ${Array.isArray(d?.fields) ? d.fields.join(', ') : '?'}.`,
    en: (d) => `Twilio needs: ${Array.isArray(d?.fields) ? d.fields.join(', ') : '?'}.`,
  },
  action_not_found: { fr: 'Action introuvable.', en: 'Action not found.' },
  not_in_review: {
    fr: (d) => `Cette action est « ${String(d?.status ?? '?')} » : elle n’attend pas de validation.`,
    en: (d) => `This action is "${String(d?.status ?? '?')}": it is not waiting for review.`,
  },
  strategy_not_found: {
    fr: (d) => `Aucune stratégie n’a la clé « ${String(d?.key ?? '?')} ».`,
    en: (d) => `No strategy has the key "${String(d?.key ?? '?')}".`,
  },
  template_not_found: {
    fr: (d) =>
      `Aucun modèle « ${String(d?.key ?? d?.template ?? '?')} » pour ce canal${typeof d?.language === 'string' ? ` et cette langue (${d.language})` : ''}.`,
    en: (d) =>
      `No template "${String(d?.key ?? d?.template ?? '?')}" for this channel${typeof d?.language === 'string' ? ` and language (${d.language})` : ''}.`,
  },
  invalid_template_key: {
    fr: (d) =>
      `« ${String(d?.key ?? '?')} » n’est pas une clé de modèle : lettres minuscules, chiffres et tirets.`,
    en: (d) => `"${String(d?.key ?? '?')}" is not a template key: lower-case letters, digits and dashes.`,
  },
  invalid_template: {
    fr: 'Le modèle contient des erreurs : voyez chaque problème, avec sa ligne et sa colonne.',
    en: 'The template has mistakes: see each issue, with its line and column.',
  },
  invalid_identity: {
    fr: 'Ces coordonnées ne sont pas valides : voyez chaque champ en cause.',
    en: 'These details are not valid: see each field concerned.',
  },
  concurrent_save: {
    fr: 'Quelqu’un l’a enregistré en même temps : rechargez, puis recommencez.',
    en: 'Someone saved it at the same time: reload and try again.',
  },
  invalid_strategy: {
    fr: 'La stratégie contient des erreurs : voyez chaque problème, avec son chemin.',
    en: 'The strategy has mistakes: see each issue, with its path.',
  },
  pause_end_out_of_range: {
    fr: (d) =>
      `La pause doit finir après aujourd’hui (${day(d?.today, 'fr')}) et au plus tard le ${day(d?.latest, 'fr')} : pour plus longtemps, mettez en pause sans date de fin.`,
    en: (d) =>
      `The pause must end after today (${day(d?.today, 'en')}) and by ${day(d?.latest, 'en')}: for longer, pause with no end date.`,
  },
  future_event: {
    fr: 'La date de l’événement est dans le futur.',
    en: 'The event’s date is in the future.',
  },
  invalid_time: {
    fr: 'L’heure doit s’écrire HH:MM (par exemple 06:00).',
    en: 'The time must be written HH:MM (for instance 06:00).',
  },
  invalid_time_zone: {
    fr: 'Ce n’est pas un fuseau horaire IANA (par exemple Europe/Paris).',
    en: 'This is not an IANA time zone (for instance Europe/Paris).',
  },
  future_run: {
    fr: 'Un jour à venir ne peut être que prévisualisé : demandez un essai à blanc (dryRun).',
    en: 'A day to come can only be previewed: ask for a dry run (dryRun).',
  },
  postal_item_not_found: { fr: 'Courrier introuvable.', en: 'Letter not found.' },
  print_batch_not_found: { fr: 'Lot d’impression introuvable.', en: 'Print batch not found.' },
  proof_empty: { fr: 'Le fichier de preuve est vide.', en: 'The proof file is empty.' },
  proof_media_type: {
    fr: 'Une preuve est un fichier PDF, PNG ou JPEG.',
    en: 'A proof is a PDF, PNG or JPEG file.',
  },
  proof_missing: {
    fr: 'Envoyez la preuve dans une partie « file » du formulaire.',
    en: 'Send the proof as a "file" part of the form.',
  },
  action_not_unconfirmed: {
    fr: (d) =>
      `Cette action est « ${String(d?.status ?? '?')} » : seule une action non confirmée se décide ainsi.`,
    en: (d) =>
      `This action is "${String(d?.status ?? '?')}": only an unconfirmed action is decided this way.`,
  },
  action_not_failed: {
    fr: (d) =>
      `Cette action est « ${String(d?.status ?? '?')} » : seule une action en échec peut être relancée.`,
    en: (d) => `This action is "${String(d?.status ?? '?')}": only a failed action can be retried.`,
  },
  call_task_not_found: { fr: 'Appel introuvable dans la file.', en: 'Call task not found.' },
  call_task_closed: {
    fr: (d) =>
      d?.status === 'cancelled'
        ? 'Cet appel a été annulé (par exemple, tout le dossier est contesté ou retiré) : aucun résultat ni rappel ne peut plus y être enregistré.'
        : 'Cet appel est déjà traité, expiré ou annulé.',
    en: (d) =>
      d?.status === 'cancelled'
        ? 'This call task was cancelled (for instance, the whole case is disputed or withdrawn): no outcome or callback can be recorded on it any more.'
        : 'This call task is already done, expired or cancelled.',
  },
  call_promise_missing: {
    fr: 'Une promesse de paiement demande une date (aujourd’hui ou plus tard) et un montant.',
    en: 'A promise to pay needs a date (today or later) and an amount.',
  },
  upload_file_missing: {
    fr: 'Aucun fichier reçu : envoyez-le dans le champ « file ».',
    en: 'No file received: send it in the "file" field.',
  },
  upload_creditor_missing: {
    fr: 'Le champ « creditor » (référence du créancier) est obligatoire.',
    en: 'The "creditor" field (the creditor’s reference) is required.',
  },
  upload_mapping_invalid: {
    fr: 'Le champ « mapping » doit être un objet JSON.',
    en: 'The "mapping" field must be a JSON object.',
  },
  upload_too_large: { fr: 'Le fichier est trop volumineux.', en: 'The file is too large.' },
  internal: {
    fr: 'Erreur interne du serveur. L’incident a été journalisé.',
    en: 'Internal server error. The incident has been logged.',
  },
};

/** A generic sentence per code, for errors that carry neither a known reason nor a message. */
const byCode: Readonly<Record<DomainErrorCode | 'internal', { readonly fr: string; readonly en: string }>> = {
  not_found: { fr: 'Introuvable.', en: 'Not found.' },
  forbidden: { fr: 'Accès refusé.', en: 'Access denied.' },
  unauthenticated: { fr: 'Authentification requise.', en: 'Authentication required.' },
  invalid_input: { fr: 'La requête est invalide.', en: 'The request is invalid.' },
  conflict: { fr: 'Conflit avec l’état actuel.', en: 'Conflict with the current state.' },
  import_unreadable: { fr: 'Le fichier est illisible.', en: 'The file cannot be read.' },
  import_mapping_incomplete: {
    fr: 'Des colonnes obligatoires ne sont pas associées.',
    en: 'Some required columns are not mapped.',
  },
  rate_limited: { fr: 'Trop de requêtes.', en: 'Too many requests.' },
  internal: { fr: 'Erreur interne du serveur.', en: 'Internal server error.' },
};

export function errorMessage(
  code: DomainErrorCode | 'internal',
  locale: Locale,
  details: Details,
  fallback?: string,
): string {
  const reason = details?.reason;
  const known = typeof reason === 'string' ? byReason[reason] : undefined;
  if (known) {
    const message = known[locale];
    return typeof message === 'function' ? message(details) : message;
  }
  return fallback && fallback.trim() !== '' ? fallback : byCode[code][locale];
}

function day(value: unknown, locale: Locale): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDate(value, locale)
    : String(value ?? '');
}
