import type { Language } from '@relance/core';

/** The words of the payment plan agreement, in the debtor's language. */
export type PlanAgreementTexts = {
  readonly title: string;
  readonly between: string;
  readonly creditor: string;
  readonly debtor: string;
  readonly collectorFor: (creditor: string) => string;
  readonly caseReference: string;
  readonly agreedOn: (date: string) => string;
  readonly claimsHeading: string;
  readonly claimColumns: readonly [string, string, string];
  readonly totalsHeading: string;
  readonly principal: string;
  readonly interest: string;
  readonly fees: string;
  readonly total: string;
  readonly scheduleHeading: string;
  readonly scheduleColumns: readonly [string, string, string];
  readonly downPayment: string;
  readonly kindLine: Readonly<Record<'full_now' | 'scheduled' | 'instalments', string>>;
  readonly paymentHeading: string;
  readonly online: (link: string) => string;
  readonly transfer: (beneficiary: string, iban: string, bic: string | null) => string;
  readonly reference: (reference: string) => string;
  readonly termsHeading: string;
  readonly terms: readonly string[];
};

const fr: PlanAgreementTexts = {
  title: 'Accord de paiement',
  between: 'Entre les soussignés',
  creditor: 'Créancier\u00a0:',
  debtor: 'Débiteur\u00a0:',
  collectorFor: (creditor) => `agissant pour le compte de ${creditor}`,
  caseReference: 'Dossier',
  agreedOn: (date) => `Accord conclu le ${date}.`,
  claimsHeading: 'Factures couvertes',
  claimColumns: ['Facture', 'Échéance', 'Reste dû'],
  totalsHeading: 'Montant dû',
  principal: 'Principal',
  interest: 'Intérêts de retard',
  fees: 'Frais et indemnités',
  total: 'Total à régler',
  scheduleHeading: 'Échéancier',
  scheduleColumns: ['N°', 'Date', 'Montant'],
  downPayment: 'Acompte',
  kindLine: {
    full_now: 'Paiement intégral ce jour.',
    scheduled: 'Paiement intégral à la date convenue (paiement programmé).',
    instalments: 'Paiement échelonné selon l’échéancier ci-dessous.',
  },
  paymentHeading: 'Moyens de paiement',
  online: (link) => `En ligne : ${link}`,
  transfer: (beneficiary, iban, bic) =>
    `Par virement : ${beneficiary}, IBAN ${iban}${bic ? `, BIC ${bic}` : ''}`,
  reference: (reference) => `Référence à rappeler avec chaque paiement : ${reference}`,
  termsHeading: 'Conditions',
  terms: [
    'Tant que chaque échéance est réglée à sa date, aucune relance ni action de recouvrement n’est engagée pour les factures ci-dessus.',
    'Une échéance non réglée, après un délai de grâce, met fin à l’accord : le solde restant dû redevient exigible en totalité et le recouvrement reprend.',
    'Un rappel est envoyé quelques jours avant chaque échéance. Vous pouvez régler par anticipation à tout moment.',
  ],
};

const en: PlanAgreementTexts = {
  title: 'Payment agreement',
  between: 'Between',
  creditor: 'Creditor:',
  debtor: 'Debtor:',
  collectorFor: (creditor) => `acting on behalf of ${creditor}`,
  caseReference: 'File',
  agreedOn: (date) => `Agreed on ${date}.`,
  claimsHeading: 'Invoices covered',
  claimColumns: ['Invoice', 'Due date', 'Outstanding'],
  totalsHeading: 'Amount owed',
  principal: 'Principal',
  interest: 'Late-payment interest',
  fees: 'Fees and compensation',
  total: 'Total to pay',
  scheduleHeading: 'Schedule',
  scheduleColumns: ['No.', 'Date', 'Amount'],
  downPayment: 'Down payment',
  kindLine: {
    full_now: 'Payment in full today.',
    scheduled: 'Payment in full on the agreed date.',
    instalments: 'Payment by instalments as scheduled below.',
  },
  paymentHeading: 'How to pay',
  online: (link) => `Online: ${link}`,
  transfer: (beneficiary, iban, bic) =>
    `By bank transfer: ${beneficiary}, IBAN ${iban}${bic ? `, BIC ${bic}` : ''}`,
  reference: (reference) => `Reference to quote with every payment: ${reference}`,
  termsHeading: 'Terms',
  terms: [
    'As long as each instalment is paid on its date, no reminder or collection step is taken for the invoices above.',
    'An instalment left unpaid after a grace period ends the agreement: the whole remaining balance falls due again and collection resumes.',
    'A reminder is sent a few days before each instalment. You may pay early at any time.',
  ],
};

export function planAgreementTexts(language: Language): PlanAgreementTexts {
  return language === 'fr' ? fr : en;
}
