import type { Language } from '@relance/core';
import type { DisputeResolution } from '../../../db/schema.ts';

export const DISPUTE_REASONS = [
  'contract_misunderstanding',
  'not_received',
  'quality',
  'already_paid',
  'amount_wrong',
  'other',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** How a person resolves a dispute. */
export const DISPUTE_RESOLUTIONS = ['credit_note', 'write_off', 'rejected', 'withdrawn'] as const;
export type DisputeResolutionKind = (typeof DISPUTE_RESOLUTIONS)[number];
/** Every resolution a dispute can carry: a person's, or `cleared` by the creditor's next file. */
export const DISPUTE_OUTCOMES = [...DISPUTE_RESOLUTIONS, 'cleared'] as const;

const REASONS: Readonly<Record<DisputeReason, Readonly<Record<Language, string>>>> = {
  contract_misunderstanding: { fr: 'désaccord sur le contrat', en: 'disagreement about the contract' },
  not_received: { fr: 'facture ou prestation non reçue', en: 'invoice or service not received' },
  quality: { fr: 'qualité de la prestation', en: 'quality of the goods or service' },
  already_paid: { fr: 'facture déjà réglée', en: 'invoice already paid' },
  amount_wrong: { fr: 'montant erroné', en: 'wrong amount' },
  other: { fr: 'autre motif', en: 'other reason' },
};

const OUTCOMES: Readonly<Record<DisputeResolution, Readonly<Record<Language, string>>>> = {
  credit_note: { fr: 'un avoir a été émis', en: 'a credit note has been issued' },
  write_off: { fr: 'le montant a été abandonné', en: 'the amount has been written off' },
  rejected: {
    fr: 'elle n’a pas pu être retenue et les sommes restent dues',
    en: 'it could not be upheld and the amounts remain due',
  },
  withdrawn: { fr: 'vous l’avez retirée', en: 'you have withdrawn it' },
  cleared: {
    fr: 'le créancier l’a close dans ses comptes',
    en: 'the creditor has closed it in its accounts',
  },
};

/** The reason in the debtor's language; an unknown stored value reads as "other". */
export function disputeReasonText(reason: string, language: Language): string {
  return (REASONS[reason as DisputeReason] ?? REASONS.other)[language];
}

export function disputeOutcomeText(resolution: string, language: Language): string {
  return (OUTCOMES[resolution as DisputeResolution] ?? OUTCOMES.rejected)[language];
}
