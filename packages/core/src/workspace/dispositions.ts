import type { Bilingual } from '../compliance/types.ts';
import type { CaseEventKind } from '../strategies/progress.ts';

/** What came of a call, as the agent records it (the disposition codes of the sources). */
export const DISPOSITIONS = [
  'no_answer',
  'voicemail',
  'busy',
  'wrong_number',
  'third_party',
  'right_party_contact',
  'promise',
  'payment_plan',
  'payment_taken',
  'dispute',
  'hardship',
  'refusal',
  'callback_requested',
  'deceased',
] as const;

export type Disposition = (typeof DISPOSITIONS)[number];

export type DispositionRule = {
  readonly label: Bilingual;
  /** The agent spoke to the debtor (or the person who may commit for a business): counts as a contact. */
  readonly rightParty: boolean;
  readonly needs: {
    /** A qualified reason for non-payment is asked. */
    readonly reason: boolean;
    /** A callback instant, in the future and inside the allowed hours. */
    readonly callback: boolean;
    /** The id of the promise recorded during the call (promises are made by their own endpoint). */
    readonly promise: boolean;
    /** The id of the payment plan agreed during the call (plans are made by their own endpoint). */
    readonly plan: boolean;
    /** The id of the dispute opened during the call. */
    readonly dispute: boolean;
  };
  /**
   * The strategy event the outcome queues. A promise, a plan or a dispute feeds `conversation` here: the promise or
   * dispute event itself is queued by the use case that creates the row, so the run never sees it twice.
   */
  readonly event: CaseEventKind;
};

const NO_NEEDS = { reason: false, callback: false, promise: false, plan: false, dispute: false } as const;

export const DISPOSITION_RULES: Readonly<Record<Disposition, DispositionRule>> = {
  no_answer: {
    label: { fr: 'Pas de réponse', en: 'No answer' },
    rightParty: false,
    needs: NO_NEEDS,
    event: 'call_unanswered',
  },
  voicemail: {
    label: { fr: 'Messagerie', en: 'Voicemail' },
    rightParty: false,
    needs: NO_NEEDS,
    event: 'call_unanswered',
  },
  busy: {
    label: { fr: 'Occupé', en: 'Busy' },
    rightParty: false,
    needs: NO_NEEDS,
    event: 'call_unanswered',
  },
  wrong_number: {
    label: { fr: 'Mauvais numéro', en: 'Wrong number' },
    rightParty: false,
    needs: NO_NEEDS,
    event: 'wrong_number',
  },
  third_party: {
    label: { fr: 'Tiers (pas le débiteur)', en: 'Third party (not the debtor)' },
    rightParty: false,
    needs: NO_NEEDS,
    event: 'call_unanswered',
  },
  right_party_contact: {
    label: { fr: 'Débiteur joint', en: 'Right-party contact' },
    rightParty: true,
    needs: { ...NO_NEEDS, reason: true },
    event: 'conversation',
  },
  promise: {
    label: { fr: 'Promesse de paiement', en: 'Promise to pay' },
    rightParty: true,
    needs: { ...NO_NEEDS, promise: true },
    event: 'conversation',
  },
  payment_plan: {
    label: { fr: 'Échéancier accordé', en: 'Payment plan agreed' },
    rightParty: true,
    needs: { ...NO_NEEDS, plan: true },
    event: 'conversation',
  },
  payment_taken: {
    label: { fr: 'Paiement pris', en: 'Payment taken' },
    rightParty: true,
    needs: NO_NEEDS,
    event: 'conversation',
  },
  dispute: {
    label: { fr: 'Contestation', en: 'Dispute' },
    rightParty: true,
    needs: { ...NO_NEEDS, dispute: true },
    event: 'conversation',
  },
  hardship: {
    label: { fr: 'Difficultés financières', en: 'Hardship' },
    rightParty: true,
    needs: { ...NO_NEEDS, reason: true },
    event: 'conversation',
  },
  refusal: {
    label: { fr: 'Refus de payer', en: 'Refusal to pay' },
    rightParty: true,
    needs: { ...NO_NEEDS, reason: true },
    event: 'conversation',
  },
  callback_requested: {
    label: { fr: 'Rappel demandé', en: 'Callback requested' },
    rightParty: true,
    needs: { ...NO_NEEDS, callback: true },
    event: 'conversation',
  },
  deceased: {
    label: { fr: 'Débiteur décédé', en: 'Debtor deceased' },
    rightParty: false,
    needs: NO_NEEDS,
    event: 'pause',
  },
};

export function isDisposition(code: string): code is Disposition {
  return (DISPOSITIONS as readonly string[]).includes(code);
}
