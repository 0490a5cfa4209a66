import type { Language } from '@relance/core';

/** The words of a remittance statement (relevé de reversement), in French and English. */
export type RemittanceTexts = {
  readonly title: string;
  readonly number: (ref: string) => string;
  readonly to: string;
  readonly period: (start: string, end: string) => string;
  readonly issued: (date: string) => string;
  readonly mandate: (signedOn: string) => string;
  readonly linesHeading: string;
  readonly columns: readonly [string, string, string, string, string, string, string];
  readonly reversal: string;
  readonly none: string;
  readonly totalsHeading: string;
  readonly collected: (count: number) => string;
  readonly commission: string;
  readonly vat: (rate: string) => string;
  readonly net: string;
  readonly invoiced: string;
  readonly dueOn: (date: string) => string;
  readonly account: (iban: string) => string;
  readonly law: string;
  readonly page: (n: number, of: number) => string;
};

export const REMITTANCE_TEXTS: Readonly<Record<Language, RemittanceTexts>> = {
  fr: {
    title: 'Relevé de reversement',
    number: (ref) => `Relevé n° ${ref}`,
    to: 'Client mandant',
    period: (start, end) => `Encaissements du ${start} au ${end}`,
    issued: (date) => `Établi le ${date}`,
    mandate: (signedOn) => `Mandat de recouvrement du ${signedOn}`,
    linesHeading: 'Paiements encaissés pour votre compte',
    columns: ['Date', 'Quittance', 'Débiteur', 'Encaissé', 'Commission', 'TVA', 'Net'],
    reversal: 'annulé',
    none: 'Aucun paiement encaissé pendant la période.',
    totalsHeading: 'Récapitulatif',
    collected: (count) => `Total encaissé (${count} paiement${count > 1 ? 's' : ''})`,
    commission: 'Commission de l’agence (HT)',
    vat: (rate) => `TVA sur la commission (${rate.replace('.', ',')} %)`,
    net: 'Net à vous reverser',
    invoiced: 'Honoraires facturés séparément (TTC)',
    dueOn: (date) => `À reverser au plus tard le ${date}.`,
    account: (iban) => `Fonds reçus sur le compte dédié de l’agence ${iban} (CPCE R124-2).`,
    law:
      'Les paiements, même partiels, vous sont signalés et chacun a donné lieu à une quittance au débiteur ; les fonds ' +
      'encaissés sont reversés dans le mois de leur encaissement effectif (CPCE R124-5 et R124-6). La commission, ' +
      'à la charge du créancier, est déterminée par le mandat (R124-3).',
    page: (n, of) => `page ${n}/${of}`,
  },
  en: {
    title: 'Remittance statement',
    number: (ref) => `Statement no. ${ref}`,
    to: 'Client',
    period: (start, end) => `Payments collected from ${start} to ${end}`,
    issued: (date) => `Issued on ${date}`,
    mandate: (signedOn) => `Collection mandate of ${signedOn}`,
    linesHeading: 'Payments collected on your behalf',
    columns: ['Date', 'Receipt', 'Debtor', 'Collected', 'Commission', 'VAT', 'Net'],
    reversal: 'reversed',
    none: 'No payment was collected in the period.',
    totalsHeading: 'Summary',
    collected: (count) => `Total collected (${count} payment${count > 1 ? 's' : ''})`,
    commission: 'Agency commission (excl. VAT)',
    vat: (rate) => `VAT on the commission (${rate}%)`,
    net: 'Net to be remitted to you',
    invoiced: 'Fee invoiced separately (incl. VAT)',
    dueOn: (date) => `To be remitted by ${date} at the latest.`,
    account: (iban) => `Funds received on the agency’s dedicated account ${iban} (CPCE R124-2).`,
    law:
      'Every payment, even partial, is reported to you and each one was acknowledged by a receipt to the debtor; the ' +
      'money collected is remitted within a month of its actual collection (French CPCE R124-5 and R124-6). The ' +
      'commission, payable by the creditor, is set by the mandate (R124-3).',
    page: (n, of) => `page ${n}/${of}`,
  },
};
