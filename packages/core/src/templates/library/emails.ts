import type { ShippedTemplate } from './shipped-types.ts';

// Shared pieces, so that every e-mail says the same things the same way.
const FR_RECALL =
  '{{#if firstLetter}}Rappel : notre courrier référence {{firstLetter.reference}} du {{firstLetter.date}}.\n\n{{/if}}';
const EN_RECALL =
  '{{#if firstLetter}}Reminder: our letter reference {{firstLetter.reference}} of {{firstLetter.date}}.\n\n{{/if}}';
const FR_CLAIMS = '{{#each claims}}- {{label}} : reste dû {{outstanding}}\n{{/each}}';
const EN_CLAIMS = '{{#each claims}}- {{label}}: {{outstanding}} outstanding\n{{/each}}';
const FR_PAY =
  'Vous pouvez régler en ligne, proposer un échéancier ou nous signaler un désaccord sur cette page : {{payment.link}}\n\n' +
  '{{#if payment.ibanText}}Par virement : {{payment.beneficiary}}, IBAN {{payment.ibanText}}{{#if payment.bic}}, BIC {{payment.bic}}{{/if}}, ' +
  'en indiquant la référence {{payment.reference}}.\n\n{{/if}}';
const EN_PAY =
  'You can pay online, propose a payment plan or tell us you disagree on this page: {{payment.link}}\n\n' +
  '{{#if payment.ibanText}}By bank transfer: {{payment.beneficiary}}, IBAN {{payment.ibanText}}{{#if payment.bic}}, BIC {{payment.bic}}{{/if}}, ' +
  'quoting the reference {{payment.reference}}.\n\n{{/if}}';
const FR_AGENCY =
  '{{#if collector.isAgency}}{{collector.name}} exerce une activité de recouvrement amiable de créances et vous écrit pour le compte de {{creditor.name}}.\n\n{{/if}}';
const EN_AGENCY =
  '{{#if collector.isAgency}}{{collector.name}} carries on an amicable debt-collection activity and writes to you on behalf of {{creditor.name}}.\n\n{{/if}}';
const FR_SIGN =
  'Si vous avez déjà réglé, merci de ne pas tenir compte de ce message.\n\nCordialement,\n{{#if agent}}{{agent.name}}\n{{/if}}{{collector.signatory}}\n{{collector.name}}{{#if collector.phone}} — {{collector.phone}}{{/if}}';
const EN_SIGN =
  'If you have already paid, please disregard this message.\n\nKind regards,\n{{#if agent}}{{agent.name}}\n{{/if}}{{collector.signatory}}\n{{collector.name}}{{#if collector.phone}} — {{collector.phone}}{{/if}}';

export const EMAILS: readonly ShippedTemplate[] = [
  {
    key: 'pre-due-email',
    channel: 'email',
    language: 'fr',
    subject: 'Échéance à venir — {{creditor.name}}, dossier {{case.ref}}',
    body:
      '{{debtor.salutation}}\n\nNous vous rappelons, à titre de simple information, que les factures suivantes arrivent bientôt à échéance :\n\n' +
      `${FR_CLAIMS}\nMontant total : {{balance.total}}.\n\n${FR_PAY}Nous vous remercions de votre confiance.\n\n${FR_SIGN}`,
  },
  {
    key: 'pre-due-email',
    channel: 'email',
    language: 'en',
    subject: 'Payment due soon — {{creditor.name}}, file {{case.ref}}',
    body:
      '{{debtor.salutation}}\n\nAs a courtesy, we remind you that the following invoices fall due shortly:\n\n' +
      `${EN_CLAIMS}\nTotal: {{balance.total}}.\n\n${EN_PAY}Thank you for your business.\n\n${EN_SIGN}`,
  },
  {
    key: 'reminder-email',
    channel: 'email',
    language: 'fr',
    subject: 'Relance : {{balance.total}} restant dû — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}${FR_AGENCY}Sauf erreur de notre part, les sommes suivantes dues à {{creditor.name}} restent impayées à ce jour :\n\n` +
      `${FR_CLAIMS}\nPrincipal : {{balance.principal}}\n{{#if balance.interest}}Intérêts de retard : {{balance.interest}}\n{{/if}}` +
      '{{#if balance.compensation}}Indemnité forfaitaire pour frais de recouvrement : {{balance.compensation}}\n{{/if}}' +
      'Total : {{balance.total}}\n\nNous vous remercions de bien vouloir procéder au règlement dans les meilleurs délais.\n\n' +
      `${FR_PAY}Si vous rencontrez une difficulté, contactez-nous : nous chercherons ensemble une solution.\n\n${FR_SIGN}`,
  },
  {
    key: 'reminder-email',
    channel: 'email',
    language: 'en',
    subject: 'Reminder: {{balance.total}} outstanding — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}${EN_AGENCY}According to our records, the following sums owed to {{creditor.name}} remain unpaid:\n\n` +
      `${EN_CLAIMS}\nPrincipal: {{balance.principal}}\n{{#if balance.interest}}Late-payment interest: {{balance.interest}}\n{{/if}}` +
      '{{#if balance.compensation}}Fixed compensation for recovery costs: {{balance.compensation}}\n{{/if}}' +
      'Total: {{balance.total}}\n\nWe would be grateful if you could settle this amount as soon as possible.\n\n' +
      `${EN_PAY}If you are facing a difficulty, please contact us: we will look for a solution together.\n\n${EN_SIGN}`,
  },
  {
    key: 'payment-link-email',
    channel: 'email',
    language: 'fr',
    subject: 'Votre lien de paiement — {{balance.total}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}${FR_AGENCY}Votre compte auprès de {{creditor.name}} présente un solde de {{balance.total}}{{#if oldestDueDate}}, échu depuis le {{oldestDueDate}}{{/if}}.\n\n` +
      `Pour le régler en quelques instants, en une fois ou en plusieurs, utilisez ce lien personnel : {{payment.link}}\n\n${FR_SIGN}`,
  },
  {
    key: 'payment-link-email',
    channel: 'email',
    language: 'en',
    subject: 'Your payment link — {{balance.total}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}${EN_AGENCY}Your account with {{creditor.name}} shows a balance of {{balance.total}}{{#if oldestDueDate}}, overdue since {{oldestDueDate}}{{/if}}.\n\n` +
      `To settle it in a few moments, at once or in instalments, use this personal link: {{payment.link}}\n\n${EN_SIGN}`,
  },
  {
    key: 'thanks',
    channel: 'email',
    language: 'fr',
    subject: 'Merci pour votre règlement — dossier {{case.ref}}',
    body:
      '{{debtor.salutation}}\n\nNous vous confirmons la bonne réception de votre règlement et vous en remercions. ' +
      'Votre dossier {{case.ref}} auprès de {{creditor.name}} est soldé.\n\nCordialement,\n{{collector.signatory}}\n{{collector.name}}',
  },
  {
    key: 'thanks',
    channel: 'email',
    language: 'en',
    subject: 'Thank you for your payment — file {{case.ref}}',
    body:
      '{{debtor.salutation}}\n\nWe confirm that your payment has been received, and thank you. ' +
      'Your file {{case.ref}} with {{creditor.name}} is settled.\n\nKind regards,\n{{collector.signatory}}\n{{collector.name}}',
  },
  {
    key: 'promise-confirmation',
    channel: 'email',
    language: 'fr',
    subject: 'Confirmation de votre engagement de paiement — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}{{#if promise}}Nous prenons note de votre engagement à régler {{promise.total}} à {{creditor.name}} selon l’échéancier suivant :\n\n` +
      '{{#each promise.dates}}- {{amount}} au plus tard le {{dueDate}}\n{{/each}}\n' +
      `Nous vous en remercions et suspendons nos relances tant que ces paiements sont reçus à leurs dates.{{/if}}` +
      `{{#unless promise}}Nous prenons note de votre engagement à régler {{balance.total}} à {{creditor.name}} et vous en remercions. ` +
      `Nous suspendons nos relances dans l’attente de votre règlement.{{/unless}}\n\n${FR_PAY}${FR_SIGN}`,
  },
  {
    key: 'promise-confirmation',
    channel: 'email',
    language: 'en',
    subject: 'Your promise to pay — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}{{#if promise}}We note your commitment to pay {{promise.total}} to {{creditor.name}} as follows:\n\n` +
      '{{#each promise.dates}}- {{amount}} by {{dueDate}}\n{{/each}}\n' +
      `Thank you. We are pausing our reminders as long as these payments arrive on their dates.{{/if}}` +
      `{{#unless promise}}We note your commitment to pay {{balance.total}} to {{creditor.name}}, and thank you. ` +
      `We are pausing our reminders while we wait for your payment.{{/unless}}\n\n${EN_PAY}${EN_SIGN}`,
  },
  {
    key: 'plan-agreement',
    channel: 'email',
    language: 'fr',
    subject: 'Votre plan de paiement — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}Comme convenu, vous trouverez ci-joint l’accord de paiement conclu avec {{creditor.name}} : ` +
      'les factures concernées, le montant total, l’échéancier et les moyens de paiement. Conservez-le, il fait foi de notre accord.\n\n' +
      '{{#if plan}}Montant total : {{plan.total}}, selon l’échéancier suivant :\n\n' +
      '{{#each plan.instalments}}- {{amount}} le {{dueDate}}\n{{/each}}\n{{/if}}' +
      'Nous suspendons nos relances tant que chaque échéance est réglée à sa date, et vous enverrons un rappel quelques jours avant chacune. ' +
      'Une échéance manquée met fin à l’accord et la totalité du solde redevient exigible.\n\n' +
      `${FR_PAY}${FR_SIGN}`,
  },
  {
    key: 'plan-agreement',
    channel: 'email',
    language: 'en',
    subject: 'Your payment plan — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}As agreed, please find attached the payment agreement made with {{creditor.name}}: ` +
      'the invoices it covers, the total, the schedule and how to pay. Please keep it: it records our agreement.\n\n' +
      '{{#if plan}}Total: {{plan.total}}, on the following schedule:\n\n' +
      '{{#each plan.instalments}}- {{amount}} on {{dueDate}}\n{{/each}}\n{{/if}}' +
      'We are pausing our reminders as long as each instalment is paid on its date, and will remind you a few days before each one. ' +
      'A missed instalment ends the agreement and the whole balance falls due again.\n\n' +
      `${EN_PAY}${EN_SIGN}`,
  },
  {
    key: 'plan-reminder',
    channel: 'email',
    language: 'fr',
    subject:
      'Rappel : {{#if plan.next}}échéance de {{plan.next.amount}} le {{plan.next.dueDate}}{{/if}}{{#unless plan.next}}prochaine échéance de votre plan de paiement{{/unless}} — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}{{#if plan.next}}Nous vous rappelons l’échéance de {{plan.next.amount}} du plan de paiement convenu avec ` +
      '{{creditor.name}}, à régler au plus tard le {{plan.next.dueDate}}.{{/if}}' +
      '{{#unless plan.next}}La prochaine échéance du plan de paiement convenu avec {{creditor.name}} arrive dans quelques jours ; ' +
      'son montant et sa date figurent dans l’accord qui vous a été envoyé.{{/unless}}\n\n' +
      `${FR_PAY}${FR_SIGN}`,
  },
  {
    key: 'plan-reminder',
    channel: 'email',
    language: 'en',
    subject:
      'Reminder: {{#if plan.next}}instalment of {{plan.next.amount}} due {{plan.next.dueDate}}{{/if}}{{#unless plan.next}}next instalment of your payment plan{{/unless}} — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}{{#if plan.next}}This is a reminder of the instalment of {{plan.next.amount}} under the payment plan agreed ` +
      'with {{creditor.name}}, to be paid by {{plan.next.dueDate}}.{{/if}}' +
      '{{#unless plan.next}}The next instalment of the payment plan agreed with {{creditor.name}} falls due in a few days; ' +
      'its amount and date are in the agreement we sent you.{{/unless}}\n\n' +
      `${EN_PAY}${EN_SIGN}`,
  },
  {
    key: 'handover',
    channel: 'email',
    language: 'fr',
    subject: 'Transmission de votre dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}Malgré nos précédentes relances, la somme de {{balance.total}} due à {{creditor.name}} reste impayée. ` +
      'Votre dossier va être confié à un organisme de recouvrement amiable, qui prendra contact avec vous.\n\n' +
      `Vous pouvez encore régler directement : {{payment.link}}\n\n${FR_SIGN}`,
  },
  {
    key: 'handover',
    channel: 'email',
    language: 'en',
    subject: 'Your file {{case.ref}} is being passed on',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}Despite our previous reminders, the sum of {{balance.total}} owed to {{creditor.name}} remains unpaid. ` +
      'Your file will be entrusted to an amicable debt-collection agency, which will contact you.\n\n' +
      `You may still pay directly: {{payment.link}}\n\n${EN_SIGN}`,
  },
  {
    key: 'dispute-acknowledged',
    channel: 'email',
    language: 'fr',
    subject: 'Nous avons bien reçu votre contestation — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}Nous avons bien reçu votre contestation{{#if dispute}} ({{dispute.reason}}) portant sur {{dispute.amount}} :\n\n` +
      '{{#each dispute.claims}}- Facture {{number}} : {{amount}}\n{{/each}}\n' +
      'Ces montants ne vous seront pas réclamés tant que nous examinons votre demande' +
      '{{#if dispute.deadline}} ; nous vous répondrons au plus tard le {{dispute.deadline}}{{/if}}.{{/if}}\n\n' +
      `Vous pouvez nous transmettre tout justificatif en réponse à ce message.\n\n${FR_SIGN}`,
  },
  {
    key: 'dispute-acknowledged',
    channel: 'email',
    language: 'en',
    subject: 'We have received your dispute — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}We have received your dispute{{#if dispute}} ({{dispute.reason}}) about {{dispute.amount}}:\n\n` +
      '{{#each dispute.claims}}- Invoice {{number}}: {{amount}}\n{{/each}}\n' +
      'We will not ask you to pay these amounts while we look into it' +
      '{{#if dispute.deadline}}; you will have our answer by {{dispute.deadline}} at the latest{{/if}}.{{/if}}\n\n' +
      `You may send us any supporting document in reply to this message.\n\n${EN_SIGN}`,
  },
  {
    key: 'dispute-resolved',
    channel: 'email',
    language: 'fr',
    subject: 'Votre contestation — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}Nous avons examiné votre contestation{{#if dispute}} ({{dispute.reason}}) : {{dispute.outcome}}` +
      '{{#if dispute.resolvedAmount}} ({{dispute.resolvedAmount}}){{/if}}{{/if}}.\n\n' +
      `{{#if claimCount}}Reste dû à ce jour : {{balance.total}}.\n\n${FR_PAY}{{/if}}${FR_SIGN}`,
  },
  {
    key: 'dispute-resolved',
    channel: 'email',
    language: 'en',
    subject: 'Your dispute — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}We have looked into your dispute{{#if dispute}} ({{dispute.reason}}): {{dispute.outcome}}` +
      '{{#if dispute.resolvedAmount}} ({{dispute.resolvedAmount}}){{/if}}{{/if}}.\n\n' +
      `{{#if claimCount}}Still owed today: {{balance.total}}.\n\n${EN_PAY}{{/if}}${EN_SIGN}`,
  },
  {
    key: 'payment-receipt',
    channel: 'email',
    language: 'fr',
    subject: 'Quittance : paiement de {{#if receipt}}{{receipt.amount}}{{/if}} reçu — dossier {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${FR_RECALL}` +
      '{{#if receipt}}Nous avons bien reçu votre paiement de {{receipt.amount}} le {{receipt.date}} ' +
      '({{receipt.method}}{{#if receipt.reference}}, référence {{receipt.reference}}{{/if}}). Merci.\n\n' +
      'Il a été imputé ainsi :\n{{#each receipt.lines}}- facture {{invoice}}, {{part}} : {{amount}}\n{{/each}}\n' +
      '{{#if receipt.credit}}Le trop-perçu de {{receipt.credit}} est conservé à votre crédit ; nous vous le rembourserons sur simple demande.\n\n{{/if}}' +
      '{{#if receipt.settled}}Votre dossier est soldé : il ne reste rien à payer.{{/if}}' +
      '{{#unless receipt.settled}}Reste à payer : {{receipt.balance}}.{{/unless}}\n\n' +
      'Vous trouverez ci-joint la quittance n° {{receipt.number}} ; conservez-la.\n\n{{/if}}' +
      `${FR_AGENCY}Cordialement,\n{{collector.signatory}}\n{{collector.name}}{{#if collector.phone}} — {{collector.phone}}{{/if}}`,
  },
  {
    key: 'payment-receipt',
    channel: 'email',
    language: 'en',
    subject: 'Receipt: payment of {{#if receipt}}{{receipt.amount}}{{/if}} received — file {{case.ref}}',
    body:
      `{{debtor.salutation}}\n\n${EN_RECALL}` +
      '{{#if receipt}}We have received your payment of {{receipt.amount}} on {{receipt.date}} ' +
      '({{receipt.method}}{{#if receipt.reference}}, reference {{receipt.reference}}{{/if}}). Thank you.\n\n' +
      'It was applied as follows:\n{{#each receipt.lines}}- invoice {{invoice}}, {{part}}: {{amount}}\n{{/each}}\n' +
      '{{#if receipt.credit}}The overpayment of {{receipt.credit}} is kept as a credit in your favour; we will refund it on request.\n\n{{/if}}' +
      '{{#if receipt.settled}}Your file is settled: nothing is left to pay.{{/if}}' +
      '{{#unless receipt.settled}}Left to pay: {{receipt.balance}}.{{/unless}}\n\n' +
      'Please find attached receipt no. {{receipt.number}}; please keep it.\n\n{{/if}}' +
      `${EN_AGENCY}Kind regards,\n{{collector.signatory}}\n{{collector.name}}{{#if collector.phone}} — {{collector.phone}}{{/if}}`,
  },
];
