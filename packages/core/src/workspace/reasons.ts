import type { Bilingual } from '../compliance/types.ts';

/**
 * Why the debtor has not paid, as the agent qualifies it during the call (the sources' list). Kept on the
 * outcome for the statistics and to pick the script's arguments; a dispute itself is opened separately.
 */
export const NON_PAYMENT_REASONS = [
  'oversight',
  'cash_difficulty',
  'contract_misunderstanding',
  'dissatisfaction',
  'invoice_not_received',
  'wrong_contact',
  'other',
] as const;

export type NonPaymentReason = (typeof NON_PAYMENT_REASONS)[number];

export const NON_PAYMENT_REASON_LABELS: Readonly<Record<NonPaymentReason, Bilingual>> = {
  oversight: { fr: 'Oubli', en: 'Oversight' },
  cash_difficulty: { fr: 'Difficulté de trésorerie passagère', en: 'Temporary cash difficulty' },
  contract_misunderstanding: { fr: 'Incompréhension du contrat', en: 'Contract misunderstanding' },
  dissatisfaction: { fr: 'Insatisfaction ou litige', en: 'Dissatisfaction or dispute' },
  invoice_not_received: { fr: 'Facture non reçue', en: 'Invoice not received' },
  wrong_contact: { fr: 'Mauvais interlocuteur', en: 'Wrong contact' },
  other: { fr: 'Autre', en: 'Other' },
};

export function isNonPaymentReason(code: string): code is NonPaymentReason {
  return (NON_PAYMENT_REASONS as readonly string[]).includes(code);
}
