import type { ReasonMessages } from './types.ts';

/** Error messages of bank statements (issue #6): the import and the reconciliation queue. */
export const statementsMessages: ReasonMessages = {
  statement_unreadable: {
    fr: (d) =>
      typeof d?.fr === 'string'
        ? `Relevé illisible : ${d.fr}`
        : 'Ce fichier n’est pas un relevé bancaire lisible.',
    en: (d) => (typeof d?.en === 'string' ? d.en : 'This file is not a readable bank statement.'),
  },
  statement_line_not_found: { fr: 'Ligne de relevé introuvable.', en: 'Statement line not found.' },
  statement_line_settled: {
    fr: 'Cette ligne est déjà traitée (rapprochée, écartée ou annulée) : rechargez la liste.',
    en: 'This line is already settled (matched, set aside or reversed): reload the list.',
  },
  statement_line_not_a_credit: {
    fr: 'Seul un crédit peut être enregistré comme paiement : un débit ou un retour s’écarte.',
    en: 'Only a credit can be booked as a payment: set a debit or a return aside.',
  },
  statement_line_amount_unknown: {
    fr: 'Cette ligne d’un lot n’a pas de montant propre : elle ne peut pas être enregistrée.',
    en: 'This batch line has no amount of its own: it cannot be booked.',
  },
};
