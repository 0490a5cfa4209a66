import type { ScriptDefinition } from './definition.ts';

/**
 * The shipped call scripts (key `default`), French and English: identity check first (nothing about the debt
 * is said to a third party), then the reason for non-payment, one branch per scenario of the sources with its
 * arguments and the agreement to aim for, then the close (every agreement is confirmed in writing).
 */
export const DEFAULT_SCRIPT_KEY = 'default';

export const DEFAULT_SCRIPTS: Readonly<
  Record<'fr' | 'en', { readonly title: string; readonly definition: ScriptDefinition }>
> = {
  fr: {
    title: 'Appel de relance — script par défaut',
    definition: {
      start: 'identity',
      nodes: {
        identity: {
          say: 'Bonjour, {{#if agent}}{{agent.name}}, {{/if}}{{collector.name}}{{#if collector.isAgency}}, pour le compte de {{creditor.name}}{{/if}}. Suis-je bien en ligne avec {{debtor.name}} ?',
          arguments: [
            'Ne parlez du dossier qu’à la personne concernée : à un tiers, laissez seulement votre nom et un numéro de rappel.',
          ],
          answers: [
            { label: 'Oui, c’est la bonne personne', next: 'reason', suggest: 'right_party_contact' },
            { label: 'Un tiers (collègue, proche)', next: 'third_party', suggest: 'third_party' },
            {
              label: 'Mauvais numéro',
              next: 'wrong_number',
              suggest: 'wrong_number',
              reason: 'wrong_contact',
            },
          ],
        },
        third_party: {
          say: 'Pourriez-vous lui demander de rappeler {{collector.name}}{{#if collector.phone}} au {{collector.phone}}{{/if}} ? Quel est le meilleur moment pour le joindre ?',
          answers: [
            { label: 'Rappel convenu', suggest: 'callback_requested', action: 'callback' },
            { label: 'Fin de l’appel' },
          ],
        },
        wrong_number: {
          say: 'Excusez-moi pour le dérangement. Je retire ce numéro de nos fichiers. Bonne journée.',
        },
        reason: {
          say: 'Je vous appelle au sujet du dossier {{case.ref}} : {{claimCount}} facture(s) pour un total de {{balance.total}}. Qu’est-ce qui a empêché le règlement ?',
          arguments: [
            'Écoutez sans interrompre, reformulez, puis proposez une solution : vous maîtrisez le dossier, restez courtois et ferme.',
          ],
          answers: [
            { label: 'Un oubli', next: 'oversight', reason: 'oversight' },
            {
              label: 'Des difficultés de trésorerie passagères',
              next: 'cash_difficulty',
              reason: 'cash_difficulty',
            },
            {
              label: 'Une incompréhension du contrat',
              next: 'misunderstanding',
              reason: 'contract_misunderstanding',
            },
            { label: 'Un mécontentement, un litige', next: 'dissatisfaction', reason: 'dissatisfaction' },
            { label: 'Facture jamais reçue', next: 'not_received', reason: 'invoice_not_received' },
            { label: 'Ce n’est pas le bon interlocuteur', next: 'wrong_contact', reason: 'wrong_contact' },
            { label: 'Refus de payer', next: 'close', reason: 'other', suggest: 'refusal' },
          ],
        },
        oversight: {
          say: 'Pouvez-vous régler {{balance.total}} dès aujourd’hui ? Je peux vous envoyer un lien de paiement sécurisé par SMS ou par e-mail.',
          arguments: [
            'Le paiement par lien prend une minute et vous recevez un reçu immédiatement.',
            'Virement possible avec la référence {{payment.referenceText}}.',
          ],
          answers: [
            {
              label: 'Paie maintenant par lien',
              next: 'close',
              suggest: 'payment_taken',
              action: 'payment_link',
            },
            { label: 'Paiera à une date précise', next: 'close', suggest: 'promise', action: 'promise' },
          ],
        },
        cash_difficulty: {
          say: 'Je comprends. Pour éviter que le dossier n’avance, nous pouvons convenir d’un échéancier. Combien pouvez-vous verser aujourd’hui, puis chaque mois ?',
          arguments: [
            'Un échéancier respecté suspend les relances.',
            'Un premier versement aujourd’hui montre votre bonne foi au créancier.',
          ],
          answers: [
            { label: 'Accepte un échéancier', next: 'close', suggest: 'promise', action: 'plan' },
            { label: 'Paiera à une date plus tardive', next: 'close', suggest: 'promise', action: 'promise' },
            { label: 'Situation grave (difficulté durable)', next: 'close', suggest: 'hardship' },
          ],
        },
        misunderstanding: {
          say: 'Reprenons ensemble la facture et les conditions du contrat avec {{creditor.name}}. Qu’est-ce qui n’est pas clair ?',
          arguments: [
            'Rappelez la prestation, la date et les conditions de paiement ; proposez d’envoyer une copie du contrat.',
          ],
          answers: [
            {
              label: 'Explication acceptée, paie maintenant',
              next: 'close',
              suggest: 'payment_taken',
              action: 'payment_link',
            },
            {
              label: 'Explication acceptée, paiera à une date',
              next: 'close',
              suggest: 'promise',
              action: 'promise',
            },
            { label: 'Conteste toujours', next: 'dissatisfaction', suggest: 'dispute' },
          ],
        },
        dissatisfaction: {
          say: 'Je note votre contestation. Quelle facture et quel montant sont concernés, et pour quelle raison ? Le créancier l’examinera et vous répondra.',
          arguments: [
            'Les factures non contestées restent dues : pouvez-vous les régler dès maintenant ?',
            'Envoyez-nous les pièces (photos, échanges) pour accélérer l’examen.',
          ],
          answers: [{ label: 'Ouvrir un litige', next: 'close', suggest: 'dispute', action: 'dispute' }],
        },
        not_received: {
          say: 'Je vous renvoie la facture à l’adresse de votre choix. Pouvez-vous me confirmer votre adresse e-mail et une date de paiement ?',
          arguments: [
            'La facture vous parviendra aujourd’hui ; une date de paiement évite une nouvelle relance.',
          ],
          answers: [
            {
              label: 'Facture renvoyée, date de paiement promise',
              next: 'close',
              suggest: 'promise',
              action: 'promise',
            },
          ],
        },
        wrong_contact: {
          say: 'Qui s’occupe du règlement des factures chez vous ? Pouvez-vous me donner son nom et ses coordonnées ?',
          answers: [
            {
              label: 'Coordonnées obtenues, rappel prévu',
              next: 'close',
              suggest: 'callback_requested',
              action: 'callback',
            },
            { label: 'Pas de coordonnées', next: 'close', suggest: 'third_party' },
          ],
        },
        close: {
          say: 'Je récapitule : vous recevrez une confirmation écrite de notre accord. Merci de votre temps, bonne journée.',
        },
      },
    },
  },
  en: {
    title: 'Collection call — default script',
    definition: {
      start: 'identity',
      nodes: {
        identity: {
          say: 'Hello, this is {{#if agent}}{{agent.name}}, {{/if}}{{collector.name}}{{#if collector.isAgency}}, on behalf of {{creditor.name}}{{/if}}. Am I speaking to {{debtor.name}}?',
          arguments: [
            'Discuss the file only with the person concerned: to anyone else, leave only your name and a call-back number.',
          ],
          answers: [
            { label: 'Yes, the right person', next: 'reason', suggest: 'right_party_contact' },
            { label: 'A third party (colleague, relative)', next: 'third_party', suggest: 'third_party' },
            { label: 'Wrong number', next: 'wrong_number', suggest: 'wrong_number', reason: 'wrong_contact' },
          ],
        },
        third_party: {
          say: 'Could you ask them to call {{collector.name}} back{{#if collector.phone}} on {{collector.phone}}{{/if}}? When is the best time to reach them?',
          answers: [
            { label: 'Call-back agreed', suggest: 'callback_requested', action: 'callback' },
            { label: 'End of call' },
          ],
        },
        wrong_number: {
          say: 'Sorry to have disturbed you. I will remove this number from our records. Goodbye.',
        },
        reason: {
          say: 'I am calling about file {{case.ref}}: {{claimCount}} invoice(s), {{balance.total}} in total. What has prevented the payment?',
          arguments: [
            'Listen without interrupting, rephrase, then offer a solution: you know the file, stay courteous and firm.',
          ],
          answers: [
            { label: 'An oversight', next: 'oversight', reason: 'oversight' },
            { label: 'A temporary cash difficulty', next: 'cash_difficulty', reason: 'cash_difficulty' },
            {
              label: 'A misunderstanding of the contract',
              next: 'misunderstanding',
              reason: 'contract_misunderstanding',
            },
            { label: 'Dissatisfaction, a dispute', next: 'dissatisfaction', reason: 'dissatisfaction' },
            { label: 'Invoice never received', next: 'not_received', reason: 'invoice_not_received' },
            { label: 'Not the right contact', next: 'wrong_contact', reason: 'wrong_contact' },
            { label: 'Refuses to pay', next: 'close', reason: 'other', suggest: 'refusal' },
          ],
        },
        oversight: {
          say: 'Could you pay {{balance.total}} today? I can send you a secure payment link by text or e-mail.',
          arguments: [
            'Paying by link takes a minute and you get a receipt at once.',
            'You can also pay by bank transfer with the reference {{payment.referenceText}}.',
          ],
          answers: [
            { label: 'Pays now by link', next: 'close', suggest: 'payment_taken', action: 'payment_link' },
            { label: 'Will pay on a set date', next: 'close', suggest: 'promise', action: 'promise' },
          ],
        },
        cash_difficulty: {
          say: 'I understand. To keep the file from moving on, we can agree a payment plan. How much can you pay today, then each month?',
          arguments: [
            'A plan that is kept stops the reminders.',
            'A first payment today shows your good faith to the creditor.',
          ],
          answers: [
            { label: 'Agrees to a payment plan', next: 'close', suggest: 'promise', action: 'plan' },
            { label: 'Will pay on a later date', next: 'close', suggest: 'promise', action: 'promise' },
            { label: 'Serious hardship', next: 'close', suggest: 'hardship' },
          ],
        },
        misunderstanding: {
          say: 'Let us go through the invoice and the terms of your contract with {{creditor.name}}. What is unclear?',
          arguments: [
            'Recall the service, its date and the payment terms; offer to send a copy of the contract.',
          ],
          answers: [
            {
              label: 'Explanation accepted, pays now',
              next: 'close',
              suggest: 'payment_taken',
              action: 'payment_link',
            },
            {
              label: 'Explanation accepted, will pay on a date',
              next: 'close',
              suggest: 'promise',
              action: 'promise',
            },
            { label: 'Still disputes it', next: 'dissatisfaction', suggest: 'dispute' },
          ],
        },
        dissatisfaction: {
          say: 'I am noting your dispute. Which invoice and amount does it concern, and why? The creditor will look into it and reply.',
          arguments: [
            'The invoices you do not dispute remain due: could you pay them now?',
            'Send us your documents (photos, messages) to speed up the review.',
          ],
          answers: [{ label: 'Open a dispute', next: 'close', suggest: 'dispute', action: 'dispute' }],
        },
        not_received: {
          say: 'I will send the invoice again to the address you choose. Could you confirm your e-mail address and a payment date?',
          arguments: ['You will have the invoice today; a payment date avoids another reminder.'],
          answers: [
            {
              label: 'Invoice re-sent, payment date promised',
              next: 'close',
              suggest: 'promise',
              action: 'promise',
            },
          ],
        },
        wrong_contact: {
          say: 'Who handles the payment of invoices in your company? Could you give me their name and details?',
          answers: [
            {
              label: 'Details obtained, call-back planned',
              next: 'close',
              suggest: 'callback_requested',
              action: 'callback',
            },
            { label: 'No details given', next: 'close', suggest: 'third_party' },
          ],
        },
        close: {
          say: 'To sum up: you will receive a written confirmation of what we agreed. Thank you for your time, goodbye.',
        },
      },
    },
  },
};
