import type { ShippedTemplate } from './shipped-types.ts';

// Call scripts an agent reads (or the IVR speaks): identify, check you speak to the debtor, state, listen, agree.
const FR_CHECK =
  'Présentez-vous : {{#if agent}}{{agent.name}}, {{/if}}{{collector.name}}{{#if collector.isAgency}}, pour le compte de {{creditor.name}} (activité de recouvrement amiable){{/if}}.\n' +
  'Vérifiez que vous parlez bien à {{debtor.name}} avant de parler du dossier ; sinon, ne laissez qu’un nom et un numéro de rappel.\n';
const EN_CHECK =
  'Introduce yourself: {{#if agent}}{{agent.name}}, {{/if}}{{collector.name}}{{#if collector.isAgency}}, on behalf of {{creditor.name}} (amicable debt collection){{/if}}.\n' +
  'Check that you are speaking to {{debtor.name}} before mentioning the file; otherwise leave only a name and a call-back number.\n';
const FR_FACTS =
  'Dossier {{case.ref}}{{#if firstLetter}}, courrier {{firstLetter.reference}} du {{firstLetter.date}}{{/if}} : {{claimCount}} facture(s), total {{balance.total}}.\n' +
  '{{#each claims}}  - {{label}} : {{outstanding}}\n{{/each}}';
const EN_FACTS =
  'File {{case.ref}}{{#if firstLetter}}, letter {{firstLetter.reference}} of {{firstLetter.date}}{{/if}}: {{claimCount}} invoice(s), total {{balance.total}}.\n' +
  '{{#each claims}}  - {{label}}: {{outstanding}}\n{{/each}}';
const FR_CLOSE =
  'Proposez : paiement immédiat par le lien {{payment.link}}, ou une date de paiement (promesse), ou un échéancier. ' +
  'Notez tout désaccord sans discuter. Restez courtois, ne menacez jamais, ne citez aucune poursuite non décidée.\n' +
  'Concluez en récapitulant ce qui est convenu.';
const EN_CLOSE =
  'Offer: immediate payment through {{payment.link}}, or a payment date (promise), or a payment plan. ' +
  'Note any disagreement without arguing. Stay courteous, never threaten, never mention proceedings not decided.\n' +
  'End by summing up what was agreed.';

export const CALLS: readonly ShippedTemplate[] = [
  {
    key: 'cordial-call',
    channel: 'call',
    language: 'fr',
    subject: null,
    body: `${FR_CHECK}Ton : cordial, c’est un premier contact ; le retard est peut-être un oubli.\n${FR_FACTS}Demandez si les factures ont bien été reçues et si quelque chose bloque leur règlement.\n${FR_CLOSE}`,
  },
  {
    key: 'cordial-call',
    channel: 'call',
    language: 'en',
    subject: null,
    body: `${EN_CHECK}Tone: friendly, this is a first contact; the delay may be an oversight.\n${EN_FACTS}Ask whether the invoices were received and whether anything is holding up payment.\n${EN_CLOSE}`,
  },
  {
    key: 'consumer-call',
    channel: 'call',
    language: 'fr',
    subject: null,
    body: `${FR_CHECK}Ton : bienveillant et clair ; laissez la personne s’exprimer, proposez un paiement accompagné si besoin.\n${FR_FACTS}${FR_CLOSE}`,
  },
  {
    key: 'consumer-call',
    channel: 'call',
    language: 'en',
    subject: null,
    body: `${EN_CHECK}Tone: kind and clear; let the person speak, offer an assisted payment if needed.\n${EN_FACTS}${EN_CLOSE}`,
  },
  {
    key: 'ivr-reminder',
    channel: 'call',
    language: 'fr',
    subject: null,
    body:
      'Bonjour, ici {{collector.name}}{{#if collector.isAgency}}, pour le compte de {{creditor.name}}{{/if}}. ' +
      'Ce message est destiné à {{debtor.name}}. Un paiement de {{balance.total}} reste en attente sur votre dossier {{case.ref}}{{#if firstLetter}}, objet de notre courrier {{firstLetter.reference}} du {{firstLetter.date}}{{/if}}. ' +
      'Pour payer maintenant, tapez 1. Pour parler à un conseiller, tapez 2. Le lien de paiement vous est aussi envoyé par SMS. Merci.',
  },
  {
    key: 'ivr-reminder',
    channel: 'call',
    language: 'en',
    subject: null,
    body:
      'Hello, this is {{collector.name}}{{#if collector.isAgency}}, on behalf of {{creditor.name}}{{/if}}. ' +
      'This message is for {{debtor.name}}. A payment of {{balance.total}} is still pending on your file {{case.ref}}{{#if firstLetter}}, the subject of our letter {{firstLetter.reference}} of {{firstLetter.date}}{{/if}}. ' +
      'To pay now, press 1. To speak to an adviser, press 2. The payment link is also sent to you by text message. Thank you.',
  },
];
