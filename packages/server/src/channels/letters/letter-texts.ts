import type { LetterKind, TemplateVariables } from './letter-model.ts';

type Language = TemplateVariables['language'];

/**
 * CPCE L111-8, paragraphs 2 and 3, reproduced on every agency letter (R124-4 5°). Al. 2 as quoted in
 * legal-rules.md A4; al. 3 as read, identical, on four stored copies of the official text (doctrine.fr
 * LEGIARTI000025025657, ancr.fr, cerclab.univ-lorraine.fr n°7212, kohenavocats.fr), version in force since
 * 19 March 2014 (loi 2014-344). Re-check against Légifrance before go-live.
 */
export const L111_8_AL2 =
  'Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s’ils concernent un acte dont l’accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.';
export const L111_8_AL3 =
  'Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l’exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.';
/** An unofficial translation, printed under the French text on English letters (the French text is the law). */
const L111_8_EN =
  'Unofficial translation: The costs of collection undertaken without an enforceable title shall be borne by the creditor, unless they relate to an act which the creditor is required by law to perform. Any stipulation to the contrary is deemed unwritten, unless otherwise provided by law. However, a creditor who can justify the necessity of the steps taken to recover the debt may ask the enforcement judge to leave all or part of the costs thus incurred to be borne by a debtor in bad faith.';

export type LetterTexts = {
  readonly subject: (kind: LetterKind, v: TemplateVariables) => string;
  readonly registeredMention: string;
  readonly trackingNumber: (n: string) => string;
  readonly ourReference: string;
  readonly caseReference: string;
  readonly yourReference: string;
  readonly firstLetterRecall: (reference: string, date: string) => string;
  readonly dated: (place: string | null, date: string) => string;
  readonly agencyStatement: string;
  readonly onBehalfOf: (creditor: string) => string;
  readonly table: {
    readonly invoice: string;
    readonly issued: string;
    readonly due: string;
    readonly amount: string;
    readonly outstanding: string;
  };
  readonly principal: string;
  readonly interest: (rate: string | null, asOf: string) => string;
  readonly fees: string;
  readonly compensation: string;
  readonly disputed: string;
  readonly total: string;
  readonly costsExcluded: string;
  readonly demand: (total: string, days: number, deadline: string) => string;
  readonly interestRunning: (rate: string | null) => string;
  readonly consequences: string;
  readonly paymentMethods: (link: string) => string;
  readonly r124Title: string;
  readonly creditorIs: (name: string, address: string) => string;
  readonly l1118Intro: string;
  readonly l1118Translation: string | null;
  readonly slip: {
    readonly title: string;
    readonly beneficiary: string;
    readonly iban: string;
    readonly bic: string;
    readonly amount: string;
    readonly reference: string;
    readonly referenceHint: string;
    readonly payer: string;
    readonly online: string;
    readonly detach: string;
  };
  readonly page: (n: number, of: number) => string;
};

const fr: LetterTexts = {
  subject: (kind, v) =>
    kind === 'formal_notice'
      ? `Objet : mise en demeure de payer — dossier ${v.case.ref}`
      : `Objet : ${v.claimCount > 1 ? 'factures impayées' : 'facture impayée'} — dossier ${v.case.ref}`,
  registeredMention: 'Lettre recommandée avec accusé de réception',
  trackingNumber: (n) => `N° d’envoi : ${n}`,
  ourReference: 'Notre référence',
  caseReference: 'Dossier',
  yourReference: 'Votre référence client',
  firstLetterRecall: (reference, date) => `Notre premier courrier : réf. ${reference} du ${date}`,
  dated: (place, date) => (place ? `${place}, le ${date}` : `Le ${date}`),
  agencyStatement:
    'Société exerçant une activité de recouvrement amiable de créances pour le compte d’autrui',
  onBehalfOf: (creditor) => `Agissant pour le compte de ${creditor}`,
  table: {
    invoice: 'Facture',
    issued: 'Date',
    due: 'Échéance',
    amount: 'Montant',
    outstanding: 'Reste dû',
  },
  principal: 'Principal',
  interest: (rate, asOf) =>
    rate ? `Intérêts de retard (${rate}, arrêtés au ${asOf})` : `Intérêts de retard (arrêtés au ${asOf})`,
  fees: 'Pénalités et frais contractuels',
  compensation: 'Indemnité forfaitaire pour frais de recouvrement (C. com. L441-10, 40 € par facture)',
  disputed: 'Montant contesté, non réclamé par la présente',
  total: 'Total dû',
  costsExcluded:
    'Ce décompte n’inclut aucun frais de recouvrement amiable : ils restent à la charge du créancier (art. L111-8 du code des procédures civiles d’exécution).',
  demand: (total, days, deadline) =>
    `En conséquence, je vous mets en demeure de me régler la somme de ${total} dans un délai de ${days} jours à compter de la réception de la présente, soit au plus tard le ${deadline}.`,
  interestRunning: (rate) =>
    rate
      ? `Les intérêts continuent de courir ${rate} jusqu’au complet paiement.`
      : 'Les intérêts continuent de courir jusqu’au complet paiement.',
  consequences:
    'À défaut de paiement dans ce délai, le créancier se réserve la possibilité de saisir la juridiction compétente afin d’obtenir le paiement des sommes dues.',
  paymentMethods: (link) =>
    `Vous pouvez régler par virement bancaire aux coordonnées du bulletin ci-dessous, en indiquant la référence qui y figure, ou en ligne sur ${link}. Pour toute question, ou pour proposer un échéancier, contactez-nous.`,
  r124Title: 'Informations légales (art. R124-4 du code des procédures civiles d’exécution)',
  creditorIs: (name, address) => `Créancier : ${name}${address ? `, ${address}` : ''}.`,
  l1118Intro: 'Article L111-8 du code des procédures civiles d’exécution, alinéas 2 et 3 :',
  l1118Translation: null,
  slip: {
    title: 'Bulletin de paiement',
    beneficiary: 'Bénéficiaire',
    iban: 'IBAN',
    bic: 'BIC',
    amount: 'Montant',
    reference: 'Référence à indiquer',
    referenceHint: 'Recopiez la référence telle quelle dans le libellé de votre virement.',
    payer: 'Débiteur',
    online: 'Paiement en ligne',
    detach: 'À détacher et à conserver',
  },
  page: (n, of) => `Page ${n}/${of}`,
};

const en: LetterTexts = {
  subject: (kind, v) =>
    kind === 'formal_notice'
      ? `Re: formal notice to pay — file ${v.case.ref}`
      : `Re: ${v.claimCount > 1 ? 'unpaid invoices' : 'unpaid invoice'} — file ${v.case.ref}`,
  registeredMention: 'Registered letter with acknowledgement of receipt',
  trackingNumber: (n) => `Tracking number: ${n}`,
  ourReference: 'Our reference',
  caseReference: 'File',
  yourReference: 'Your customer reference',
  firstLetterRecall: (reference, date) => `Our first letter: ref. ${reference} of ${date}`,
  dated: (place, date) => (place ? `${place}, ${date}` : date),
  agencyStatement: 'A company carrying on an amicable debt-collection activity on behalf of others',
  onBehalfOf: (creditor) => `Acting on behalf of ${creditor}`,
  table: {
    invoice: 'Invoice',
    issued: 'Date',
    due: 'Due date',
    amount: 'Amount',
    outstanding: 'Outstanding',
  },
  principal: 'Principal',
  interest: (rate, asOf) =>
    rate ? `Late-payment interest (${rate}, up to ${asOf})` : `Late-payment interest (up to ${asOf})`,
  fees: 'Contractual penalties and fees',
  compensation: 'Fixed compensation for recovery costs (French Commercial Code L441-10, €40 per invoice)',
  disputed: 'Disputed amount, not claimed in this letter',
  total: 'Total due',
  costsExcluded:
    'This statement includes no amicable collection costs: they remain payable by the creditor (article L111-8 of the French Code of civil enforcement procedures).',
  demand: (total, days, deadline) =>
    `Accordingly, I hereby give you formal notice to pay the sum of ${total} within ${days} days of receiving this letter, that is by ${deadline} at the latest.`,
  interestRunning: (rate) =>
    rate
      ? `Interest continues to run ${rate} until payment in full.`
      : 'Interest continues to run until payment in full.',
  consequences:
    'Failing payment within this period, the creditor reserves the right to bring the matter before the competent court to obtain payment of the sums due.',
  paymentMethods: (link) =>
    `You may pay by bank transfer to the account on the slip below, quoting the reference shown there, or online at ${link}. For any question, or to propose a payment plan, please contact us.`,
  r124Title: 'Legal information (article R124-4 of the French Code of civil enforcement procedures)',
  creditorIs: (name, address) => `Creditor: ${name}${address ? `, ${address}` : ''}.`,
  l1118Intro: 'Article L111-8 of the French Code of civil enforcement procedures, paragraphs 2 and 3:',
  l1118Translation: L111_8_EN,
  slip: {
    title: 'Payment slip',
    beneficiary: 'Beneficiary',
    iban: 'IBAN',
    bic: 'BIC',
    amount: 'Amount',
    reference: 'Payment reference',
    referenceHint: 'Quote the payment reference exactly as printed in your transfer.',
    payer: 'Debtor',
    online: 'Pay online',
    detach: 'Detach and keep',
  },
  page: (n, of) => `Page ${n} of ${of}`,
};

export function letterTexts(language: Language): LetterTexts {
  return language === 'fr' ? fr : en;
}
