import { formatMoney } from '../shared/money.ts';
import type { Language, MoneyText, TemplateVariables } from './variables.ts';

const eur = (minor: number, language: Language): MoneyText => ({
  minor,
  currency: 'EUR',
  text: formatMoney(minor, 'EUR', language),
});

/**
 * A complete, made-up case in either language: what the editor previews when no case is picked, and what
 * the tests render every shipped template against. Values are shaped as the loader shapes them.
 */
export function sampleVariables(language: Language): TemplateVariables {
  const fr = language === 'fr';
  const d = (iso: string, frText: string, enText: string) => ({ iso, text: fr ? frText : enText });
  return {
    language,
    today: d('2026-05-12', '12 mai 2026', '12 May 2026'),
    debtor: {
      name: 'Boulangerie Lemaire SARL',
      address: { lines: ['12 rue des Lilas', '69003 Lyon'] },
      email: 'compta@boulangerie-lemaire.fr',
      phone: '+33 4 78 00 00 00',
      registration: 'SIREN 552 100 554',
      kind: 'business',
      ref: 'C-1042',
      salutation: fr ? 'Madame, Monsieur,' : 'Dear Sir or Madam,',
    },
    creditor: {
      name: 'Moulins Durand SAS',
      address: { lines: ['4 quai du Port', '13002 Marseille'] },
      email: 'factures@moulins-durand.fr',
      phone: '+33 4 91 00 00 00',
      registration: 'SIREN 732 829 320',
      ref: 'MD',
    },
    collector: {
      name: 'Recouvrement Rhône SAS',
      address: { lines: ['8 place Bellecour', '69002 Lyon'] },
      email: 'contact@recouvrement-rhone.fr',
      phone: '+33 4 72 00 00 00',
      registration: 'SIREN 404 833 048',
      isAgency: true,
      signatory: fr ? 'Service recouvrement' : 'Collections department',
      insurance: fr
        ? 'Assurance responsabilité civile professionnelle : Mutuelle du Rhône, contrat n° RCP-1204.'
        : 'Professional liability insurance: Mutuelle du Rhône, policy no. RCP-1204.',
      declaration: fr
        ? 'Activité déclarée au procureur de la République près le tribunal judiciaire de Lyon le 4 novembre 2025 (CPCE R124-2).'
        : 'Activity declared to the public prosecutor at the tribunal judiciaire de Lyon on 4 November 2025 (CPCE R124-2).',
    },
    case: { id: '00000000-0000-0000-0000-000000000042', ref: 'D-00042' },
    claims: [
      {
        number: 'F-2026-0042',
        issueDate: d('2026-03-03', '3 mars 2026', '3 March 2026'),
        dueDate: d('2026-04-02', '2 avril 2026', '2 April 2026'),
        amount: eur(125_000, language),
        outstanding: eur(125_000, language),
        daysLate: 40,
        label: fr
          ? 'Facture F-2026-0042 du 3 mars 2026, échue le 2 avril 2026'
          : 'Invoice F-2026-0042 of 3 March 2026, due 2 April 2026',
      },
      {
        number: 'F-2026-0057',
        issueDate: null,
        dueDate: d('2026-04-15', '15 avril 2026', '15 April 2026'),
        amount: eur(48_000, language),
        outstanding: eur(30_000, language),
        daysLate: 27,
        label: fr ? 'Facture F-2026-0057, échue le 15 avril 2026' : 'Invoice F-2026-0057, due 15 April 2026',
      },
    ],
    claimCount: 2,
    oldestDueDate: d('2026-04-02', '2 avril 2026', '2 April 2026'),
    balance: {
      principal: eur(155_000, language),
      interest: eur(2_089, language),
      fees: eur(0, language),
      compensation: eur(8_000, language),
      disputed: eur(0, language),
      total: eur(165_089, language),
      interestRate: fr ? 'au taux de 12,15 % l’an' : 'at 12.15% a year',
      asOf: d('2026-05-12', '12 mai 2026', '12 May 2026'),
    },
    payment: {
      link: 'http://127.0.0.1:3000/pay/RF18539007547034',
      beneficiary: 'Recouvrement Rhône SAS',
      iban: 'FR7630006000011234567890189',
      ibanText: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
      reference: 'RF18539007547034',
      referenceText: 'RF18 5390 0754 7034',
    },
    agent: { name: 'Claire Martin' },
    previousLetter: { reference: 'L-2026-000123', date: d('2026-04-20', '20 avril 2026', '20 April 2026') },
    firstLetter: { reference: 'L-2026-000101', date: d('2026-04-09', '9 avril 2026', '9 April 2026') },
    letter: { reference: 'L-2026-000150', date: d('2026-05-12', '12 mai 2026', '12 May 2026') },
    deadline: { date: d('2026-05-20', '20 mai 2026', '20 May 2026'), days: 8 },
    promise: {
      total: eur(60_000, language),
      dates: [
        { dueDate: d('2026-05-20', '20 mai 2026', '20 May 2026'), amount: eur(30_000, language) },
        { dueDate: d('2026-06-20', '20 juin 2026', '20 June 2026'), amount: eur(30_000, language) },
      ],
      dateCount: 2,
      lastDate: d('2026-06-20', '20 juin 2026', '20 June 2026'),
    },
    dispute: {
      reason: fr ? 'facture non reçue' : 'invoice not received',
      amount: eur(30_000, language),
      claims: [{ number: 'F-2026-0057', amount: eur(30_000, language) }],
      deadline: d('2026-06-11', '11 juin 2026', '11 June 2026'),
      outcome: fr ? 'un avoir a été émis' : 'a credit note has been issued',
      resolvedAmount: eur(30_000, language),
    },
    plan: {
      total: eur(165_089, language),
      count: 3,
      next: {
        seq: 2,
        dueDate: d('2026-06-12', '12 juin 2026', '12 June 2026'),
        amount: eur(55_030, language),
      },
      instalments: [
        {
          seq: 1,
          dueDate: d('2026-05-12', '12 mai 2026', '12 May 2026'),
          amount: eur(55_029, language),
          status: fr ? 'payée' : 'paid',
        },
        {
          seq: 2,
          dueDate: d('2026-06-12', '12 juin 2026', '12 June 2026'),
          amount: eur(55_030, language),
          status: fr ? 'à venir' : 'due',
        },
        {
          seq: 3,
          dueDate: d('2026-07-12', '12 juillet 2026', '12 July 2026'),
          amount: eur(55_030, language),
          status: fr ? 'à venir' : 'due',
        },
      ],
    },
    receipt: {
      number: 'Q-2026-0519-7F3A',
      amount: eur(55_029, language),
      date: d('2026-05-19', '19 mai 2026', '19 May 2026'),
      method: fr ? 'carte bancaire' : 'card',
      reference: 'RF18LSWB2R6M0XN9',
      lines: [
        { invoice: 'F-2026-0042', part: fr ? 'intérêts' : 'interest', amount: eur(2_329, language) },
        { invoice: 'F-2026-0042', part: fr ? 'indemnité et frais' : 'fees', amount: eur(4_000, language) },
        { invoice: 'F-2026-0042', part: 'principal', amount: eur(48_700, language) },
      ],
      balance: eur(110_060, language),
      credit: null,
      settled: false,
    },
  };
}
