import type { ShippedTemplate } from './shipped-types.ts';

/*
 * Letters: only the body paragraphs (separated by a blank line). The layout prints the parties, the
 * references, the salutation before the body, then the claims table, the split of the amount, the formal
 * demand with its deadline (formal notice), the payment methods and slip, the signature and, for an agency,
 * the R124-4 mentions. Nothing here may read like a court document.
 */
const FR_RECALL =
  '{{#if firstLetter}}Nous faisons suite à notre courrier référence {{firstLetter.reference}} du {{firstLetter.date}}.\n\n{{/if}}';
const EN_RECALL =
  '{{#if firstLetter}}We refer to our letter reference {{firstLetter.reference}} of {{firstLetter.date}}.\n\n{{/if}}';
const FR_PREVIOUS =
  '{{#if previousLetter}}Notre courrier du {{previousLetter.date}} (référence {{previousLetter.reference}}) est resté sans réponse.\n\n{{/if}}';
const EN_PREVIOUS =
  '{{#if previousLetter}}Our letter of {{previousLetter.date}} (reference {{previousLetter.reference}}) has remained unanswered.\n\n{{/if}}';

export const LETTERS: readonly ShippedTemplate[] = [
  {
    key: 'reminder-letter',
    channel: 'letter',
    language: 'fr',
    subject: null,
    body:
      `${FR_RECALL}Sauf erreur ou omission de notre part, {{#if collector.isAgency}}nous constatons, pour le compte de {{creditor.name}}, que {{/if}}` +
      'le règlement des factures détaillées ci-dessous ne nous est pas parvenu à ce jour.\n\n' +
      'Il s’agit peut-être d’un simple oubli : nous vous remercions de bien vouloir régler la somme de {{balance.total}} dans les meilleurs délais. ' +
      'Si vous avez effectué ce paiement entre-temps, merci de ne pas tenir compte de ce courrier.\n\n' +
      'En cas de difficulté ou de désaccord sur ces montants, contactez-nous{{#if collector.phone}} au {{collector.phone}}{{/if}} : nous examinerons votre situation avec attention.',
  },
  {
    key: 'reminder-letter',
    channel: 'letter',
    language: 'en',
    subject: null,
    body:
      `${EN_RECALL}Unless we are mistaken, {{#if collector.isAgency}}acting on behalf of {{creditor.name}}, we note that {{/if}}` +
      'payment of the invoices listed below has not reached us to date.\n\n' +
      'This may be a simple oversight: we would be grateful if you would pay the sum of {{balance.total}} as soon as possible. ' +
      'If you have made this payment in the meantime, please disregard this letter.\n\n' +
      'If you are facing a difficulty or disagree with these amounts, please contact us{{#if collector.phone}} on {{collector.phone}}{{/if}}: we will look at your situation carefully.',
  },
  {
    key: 'registered-reminder',
    channel: 'letter',
    language: 'fr',
    subject: null,
    body:
      `${FR_RECALL}${FR_PREVIOUS}Malgré nos précédentes relances, la somme de {{balance.total}} due à {{creditor.name}} reste impayée.\n\n` +
      'Nous vous demandons de régler cette somme sans attendre, ou de prendre contact avec nous pour convenir d’un échéancier. ' +
      'Les intérêts de retard continuent de courir jusqu’au complet paiement.\n\n' +
      'Si vous contestez tout ou partie de ces montants, indiquez-nous vos motifs par écrit : nous les examinerons.',
  },
  {
    key: 'registered-reminder',
    channel: 'letter',
    language: 'en',
    subject: null,
    body:
      `${EN_RECALL}${EN_PREVIOUS}Despite our previous reminders, the sum of {{balance.total}} owed to {{creditor.name}} remains unpaid.\n\n` +
      'We ask you to pay this sum without delay, or to contact us to agree on a payment plan. ' +
      'Late-payment interest continues to run until payment in full.\n\n' +
      'If you dispute all or part of these amounts, please tell us your reasons in writing: we will examine them.',
  },
  {
    key: 'formal-notice',
    channel: 'letter',
    language: 'fr',
    subject: null,
    body:
      `${FR_RECALL}${FR_PREVIOUS}{{#if collector.isAgency}}Agissant pour le compte de {{creditor.name}}, nous{{else}}Nous{{/if}} constatons que, malgré nos relances, ` +
      'les factures détaillées ci-dessous, émises en exécution de nos relations commerciales, demeurent impayées.\n\n' +
      'Le présent courrier vaut mise en demeure de payer au sens de l’article 1344 du Code civil.',
  },
  {
    key: 'formal-notice',
    channel: 'letter',
    language: 'en',
    subject: null,
    body:
      `${EN_RECALL}${EN_PREVIOUS}{{#if collector.isAgency}}Acting on behalf of {{creditor.name}}, we{{else}}We{{/if}} note that, despite our reminders, ` +
      'the invoices listed below remain unpaid.\n\n' +
      'This letter is a formal notice to pay within the meaning of article 1344 of the French Civil Code.',
  },
  {
    key: 'handover',
    channel: 'letter',
    language: 'fr',
    subject: null,
    body:
      `${FR_RECALL}${FR_PREVIOUS}Malgré nos relances, la somme de {{balance.total}} due à {{creditor.name}} reste impayée.\n\n` +
      'Sans règlement de votre part, votre dossier sera confié à un organisme de recouvrement amiable, qui prendra contact avec vous. ' +
      'Vous pouvez encore régler directement, ou nous proposer un échéancier.',
  },
  {
    key: 'handover',
    channel: 'letter',
    language: 'en',
    subject: null,
    body:
      `${EN_RECALL}${EN_PREVIOUS}Despite our reminders, the sum of {{balance.total}} owed to {{creditor.name}} remains unpaid.\n\n` +
      'Without payment from you, your file will be entrusted to an amicable debt-collection agency, which will contact you. ' +
      'You may still pay directly, or propose a payment plan.',
  },
];
