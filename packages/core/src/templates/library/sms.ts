import type { ShippedTemplate } from './shipped-types.ts';

// GSM-7 only (no ê, â, ô, î, ç, no curly apostrophe), one or two segments once the variables are filled.
const FR_RECALL =
  '{{#if firstLetter}} (courrier {{firstLetter.reference}} du {{firstLetter.date.iso}}){{/if}}';
const EN_RECALL = '{{#if firstLetter}} (letter {{firstLetter.reference}} of {{firstLetter.date.iso}}){{/if}}';

export const SMS: readonly ShippedTemplate[] = [
  {
    key: 'pre-due-sms',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: '{{creditor.name}} : votre paiement de {{balance.total}} arrive à échéance{{#if oldestDueDate}} le {{oldestDueDate.text}}{{/if}}. Pour régler : {{payment.link}}',
  },
  {
    key: 'pre-due-sms',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: '{{creditor.name}}: your payment of {{balance.total}} is due{{#if oldestDueDate}} on {{oldestDueDate.text}}{{/if}}. To pay: {{payment.link}}',
  },
  {
    key: 'reminder-sms',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : sauf erreur, {{balance.total}} restent impayés. Merci de régler ou de nous contacter : {{payment.link}}`,
  },
  {
    key: 'reminder-sms',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: {{balance.total}} is still unpaid. Please pay or contact us: {{payment.link}}`,
  },
  {
    key: 'payment-link-sms',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : réglez {{balance.total}} en ligne, en une ou plusieurs fois : {{payment.link}}`,
  },
  {
    key: 'payment-link-sms',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: pay {{balance.total}} online, at once or in instalments: {{payment.link}}`,
  },
  {
    key: 'thanks',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: '{{creditor.name}} : nous avons bien enregistré votre paiement, merci. Dossier {{case.ref}} soldé.',
  },
  {
    key: 'thanks',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: '{{creditor.name}}: we have received your payment, thank you. File {{case.ref}} is settled.',
  },
  {
    key: 'promise-confirmation',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : merci, nous notons votre engagement de régler {{#if promise}}{{promise.total}} : {{#each promise.dates}}{{amount}} le {{dueDate.iso}}. {{/each}}{{/if}}{{#unless promise}}{{balance.total}}. {{/unless}}Pour payer : {{payment.link}}`,
  },
  {
    key: 'promise-confirmation',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: thank you, we note your promise to pay {{#if promise}}{{promise.total}}: {{#each promise.dates}}{{amount}} on {{dueDate.iso}}. {{/each}}{{/if}}{{#unless promise}}{{balance.total}}. {{/unless}}To pay: {{payment.link}}`,
  },
  {
    key: 'plan-reminder',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : rappel, {{#if plan.next}}échéance de {{plan.next.amount}} de votre plan de paiement à régler le {{plan.next.dueDate}}.{{/if}}{{#unless plan.next}}une échéance de votre plan de paiement arrive dans quelques jours.{{/unless}} Pour payer : {{payment.link}}`,
  },
  {
    key: 'plan-reminder',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: reminder, {{#if plan.next}}instalment of {{plan.next.amount}} of your payment plan due on {{plan.next.dueDate}}.{{/if}}{{#unless plan.next}}an instalment of your payment plan falls due in a few days.{{/unless}} To pay: {{payment.link}}`,
  },
  {
    key: 'dispute-acknowledged',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : contestation recue{{#if dispute}} ({{dispute.amount}}){{/if}}. Ces montants ne vous sont pas réclamés pendant son examen.`,
  },
  {
    key: 'dispute-acknowledged',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: dispute received{{#if dispute}} ({{dispute.amount}}){{/if}}. We will not ask you to pay these amounts while we look into it.`,
  },
  {
    key: 'dispute-resolved',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : votre contestation a été examinée{{#if dispute}} : {{dispute.outcome}}{{/if}}. Details : {{payment.link}}`,
  },
  {
    key: 'dispute-resolved',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: we have looked into your dispute{{#if dispute}}: {{dispute.outcome}}{{/if}}. Details: {{payment.link}}`,
  },
  {
    key: 'payment-receipt',
    channel: 'sms',
    language: 'fr',
    subject: null,
    body: `{{creditor.name}}${FR_RECALL} : paiement de {{#if receipt}}{{receipt.amount}} recu le {{receipt.date}}, merci. {{#if receipt.settled}}Dossier {{case.ref}} soldé.{{/if}}{{#unless receipt.settled}}Reste à payer : {{receipt.balance}}.{{/unless}} Quittance {{receipt.number}}{{/if}} : {{payment.link}}`,
  },
  {
    key: 'payment-receipt',
    channel: 'sms',
    language: 'en',
    subject: null,
    body: `{{creditor.name}}${EN_RECALL}: payment of {{#if receipt}}{{receipt.amount}} received on {{receipt.date}}, thank you. {{#if receipt.settled}}File {{case.ref}} is settled.{{/if}}{{#unless receipt.settled}}Left to pay: {{receipt.balance}}.{{/unless}} Receipt {{receipt.number}}{{/if}}: {{payment.link}}`,
  },
];
