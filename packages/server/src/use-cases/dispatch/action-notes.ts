import type { Locale } from '../../db/schema.ts';

type Note = {
  readonly pattern: RegExp;
  readonly fr: (m: RegExpExecArray) => string;
  readonly en: (m: RegExpExecArray) => string;
};

/**
 * The notes Relance itself writes on an action it cancelled or set aside (`actions.last_error`, kept in
 * English as written), read out in the reader's language. Anything else there is a provider's or mail server's
 * own words, shown as they came.
 */
const NOTES: readonly Note[] = [
  note(/^Held by the creditor\.$/, 'Suspendue par le créancier.'),
  note(
    /^Held by the creditor \(was waiting for review\)\.$/,
    'Suspendue par le créancier (attendait une validation).',
  ),
  note(/^Withdrawn by the creditor\.$/, 'Dossier retiré par le créancier.'),
  note(
    /^Not sent: collection on the case was paused after this was planned\.$/,
    'Non envoyée : la relance du dossier a été mise en pause après sa planification.',
  ),
  note(
    /^Not sent: the debtor promised to pay after this was planned\.$/,
    'Non envoyée : le débiteur a promis de payer après sa planification.',
  ),
  note(
    /^Not sent: a payment plan was agreed after this was planned\.$/,
    'Non envoyée : un échéancier a été convenu après sa planification.',
  ),
  note(/^payment plan ended$/, 'Échéancier terminé.', 'Payment plan ended.'),
  {
    pattern: /^Cancelled: the whole case is disputed \(dispute ([^)]+)\)\.$/,
    fr: (m) => `Annulée : tout le dossier est contesté (contestation ${m[1] ?? ''}).`,
    en: (m) => m[0],
  },
  note(/^The payment receipt thanks the debtor\.$/, 'La quittance du paiement remercie le débiteur.'),
  note(/^Cancelled: the case is paid\.$/, 'Annulée : le dossier est payé.'),
  note(
    /^Replaced by a later callback request of the debtor\.$/,
    'Remplacée par une demande de rappel plus récente du débiteur.',
  ),
  note(
    /^The call window closed and no other window opens in the coming weeks\.$/,
    'La plage d’appel s’est refermée et aucune autre ne s’ouvre dans les semaines à venir.',
  ),
  {
    pattern:
      /^Interrupted after the message was handed to (.+): whether it left is unknown\. Not re-sent automatically\.$/,
    fr: (m) =>
      `Interrompue après la remise du message à ${m[1] ?? ''} : on ne sait pas s’il est parti. Pas de nouvel envoi automatique.`,
    en: (m) => m[0],
  },
];

function note(pattern: RegExp, fr: string, en?: string): Note {
  return { pattern, fr: () => fr, en: (m) => en ?? m[0] };
}

/** The text to show for an action's last note, and whether it is Relance's own (else a server's words). */
export function actionNote(
  lastError: string | null,
  locale: Locale,
): { readonly text: string; readonly ours: boolean } | null {
  if (lastError === null) return null;
  for (const n of NOTES) {
    const match = n.pattern.exec(lastError);
    if (match) return { text: n[locale](match), ours: true };
  }
  return { text: lastError, ours: false };
}
