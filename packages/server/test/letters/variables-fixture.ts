import type { TemplateVariables } from '../../src/channels/letters/letter-model.ts';

/** A hand-made case, as the templates loader would give it: two B2B invoices, interest, the €40 per invoice. */
export function letterVariables(options: {
  readonly language: 'fr' | 'en';
  readonly agency: boolean;
  readonly firstLetter?: boolean;
}): TemplateVariables {
  const fr = options.language === 'fr';
  const money = (minor: number) => ({
    minor,
    currency: 'EUR',
    text: fr
      ? `${(minor / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 }).replaceAll('\u202f', '\u00a0')}\u00a0€`
      : `€${(minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
  });
  const date = (iso: string, frText: string, enText: string) => ({ iso, text: fr ? frText : enText });
  const creditor = {
    name: 'Œnologie Durand & Fils SAS',
    address: { lines: ['12 rue des Vignes', '21000 Dijon'] },
    email: 'compta@durand.example',
    phone: '+33 3 80 00 00 00',
    registration: 'SIREN 552 100 554',
    ref: 'DURAND',
  };
  return {
    language: options.language,
    today: date('2026-11-23', '23 novembre 2026', '23 November 2026'),
    debtor: {
      kind: 'business',
      name: 'Boulangerie « Le Fournil » SARL',
      ref: 'C-0042',
      salutation: fr ? 'Madame, Monsieur,' : 'Dear Sir or Madam,',
      address: { lines: ['Mme Zoé Lefèvre', '3 place de l’Église', '69002 Lyon'] },
      email: 'zoe@fournil.example',
      phone: null,
      registration: 'SIREN 123 456 782',
    },
    creditor,
    collector: options.agency
      ? {
          name: 'Recouvra Conseil SAS',
          address: { lines: ['8 boulevard Haussmann', '75009 Paris'] },
          email: 'contact@recouvra.example',
          phone: '+33 1 40 00 00 00',
          registration: 'RCS Paris 901 234 567',
          isAgency: true,
          signatory: fr ? 'Le service recouvrement' : 'The collection department',
        }
      : { ...creditor, isAgency: false, signatory: fr ? 'Le service comptabilité' : 'Accounts department' },
    case: { id: 'case-1', ref: 'D-00042' },
    claims: [
      {
        number: 'F-2026-0042',
        issueDate: date('2026-03-03', '3 mars 2026', '3 March 2026'),
        dueDate: date('2026-04-02', '2 avril 2026', '2 April 2026'),
        amount: money(1250_00),
        outstanding: money(1250_00),
        daysLate: 235,
        label: 'F-2026-0042',
      },
      {
        number: 'F-2026-0077',
        issueDate: date('2026-05-12', '12 mai 2026', '12 May 2026'),
        dueDate: date('2026-06-11', '11 juin 2026', '11 June 2026'),
        amount: money(980_40),
        outstanding: money(480_40),
        daysLate: 165,
        label: 'F-2026-0077',
      },
    ],
    claimCount: 2,
    oldestDueDate: date('2026-04-02', '2 avril 2026', '2 April 2026'),
    balance: {
      principal: money(1730_40),
      interest: money(96_12),
      fees: money(0),
      compensation: money(80_00),
      disputed: money(0),
      total: money(1906_52),
      interestRate: fr ? 'au taux de 12,15 % l’an' : 'at 12.15% a year',
      asOf: date('2026-11-23', '23 novembre 2026', '23 November 2026'),
    },
    payment: {
      link: 'https://pay.relance.example/p/7XK2Q9',
      beneficiary: options.agency ? 'Recouvra Conseil SAS' : creditor.name,
      iban: 'FR7630006000011234567890189',
      ibanText: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
      reference: 'RF18539007547034',
      referenceText: 'RF18 5390 0754 7034',
    },
    agent: null,
    previousLetter: options.firstLetter
      ? { reference: 'L-2026-000101', date: date('2026-10-02', '2 octobre 2026', '2 October 2026') }
      : null,
    firstLetter: options.firstLetter
      ? { reference: 'L-2026-000101', date: date('2026-10-02', '2 octobre 2026', '2 October 2026') }
      : null,
    letter: { reference: 'L-2026-000123', date: date('2026-11-23', '23 novembre 2026', '23 November 2026') },
    deadline: { date: date('2026-12-01', '1er décembre 2026', '1 December 2026'), days: 8 },
  };
}

export const reminderBody = {
  fr: [
    'Sauf erreur de notre part, les factures ci-dessous restent impayées à ce jour malgré nos précédents rappels.',
    'Nous vous remercions de bien vouloir régulariser cette situation dans les meilleurs délais. Si votre règlement a croisé ce courrier, nous vous prions de ne pas en tenir compte.',
  ],
  en: [
    'According to our records, the invoices below remain unpaid to date despite our previous reminders.',
    'We would be grateful if you could settle this matter as soon as possible. If your payment has crossed this letter, please disregard it.',
  ],
} as const;
