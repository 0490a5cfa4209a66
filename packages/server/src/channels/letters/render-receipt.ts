import type { Language, TemplateVariables } from '@relance/core';
import { printable } from './fonts.ts';
import { CONTENT_WIDTH, ensureSpace, finish, GREY, INK, MARGIN, MM, newLetterDocument } from './pdf-kit.ts';
import { heading, table } from './pdf-table.ts';

type Texts = {
  readonly title: string;
  readonly number: (n: string) => string;
  readonly received: (from: string, amount: string, date: string, method: string) => string;
  readonly reference: (ref: string) => string;
  readonly forCase: (ref: string, creditor: string) => string;
  readonly collectedBy: (collector: string, creditor: string) => string;
  readonly allocationHeading: string;
  readonly columns: readonly [string, string, string];
  readonly credit: (amount: string) => string;
  readonly settled: string;
  readonly balance: (amount: string) => string;
  readonly legal: string;
};

const TEXTS: Readonly<Record<Language, Texts>> = {
  fr: {
    title: 'Quittance',
    number: (n) => `Quittance n° ${n}`,
    received: (from, amount, date, method) =>
      `Reçu de ${from} la somme de ${amount}, le ${date}, par ${method}.`,
    reference: (ref) => `Référence du paiement : ${ref}`,
    forCase: (ref, creditor) => `Dossier ${ref}, créances de ${creditor}.`,
    collectedBy: (collector, creditor) => `Somme encaissée par ${collector} pour le compte de ${creditor}.`,
    allocationHeading: 'Imputation du paiement',
    columns: ['Facture', 'Nature', 'Montant'],
    credit: (amount) => `Trop-perçu conservé au crédit du débiteur : ${amount}.`,
    settled: 'Le dossier est soldé : il ne reste rien à payer.',
    balance: (amount) => `Reste à payer après ce paiement : ${amount}.`,
    legal:
      'Les paiements partiels sont imputés d’abord sur les intérêts et accessoires, puis sur le principal (art. 1343-1 du Code civil), ' +
      'sur les factures désignées par le débiteur, à défaut selon l’article 1342-10 du Code civil.',
  },
  en: {
    title: 'Receipt',
    number: (n) => `Receipt no. ${n}`,
    received: (from, amount, date, method) =>
      `Received from ${from} the sum of ${amount} on ${date}, by ${method}.`,
    reference: (ref) => `Payment reference: ${ref}`,
    forCase: (ref, creditor) => `File ${ref}, claims of ${creditor}.`,
    collectedBy: (collector, creditor) => `Collected by ${collector} on behalf of ${creditor}.`,
    allocationHeading: 'How the payment was applied',
    columns: ['Invoice', 'Part', 'Amount'],
    credit: (amount) => `Overpayment kept as a credit in the debtor’s favour: ${amount}.`,
    settled: 'The file is settled: nothing is left to pay.',
    balance: (amount) => `Left to pay after this payment: ${amount}.`,
    legal:
      'Partial payments go to interest and accessories first, then to principal (French Civil Code art. 1343-1), ' +
      'on the invoices the debtor named, otherwise in the order of art. 1342-10.',
  },
};

/**
 * The receipt (quittance) for one payment: R124-6 of the French Code of civil enforcement procedures requires
 * one for every payment an agency collects. Who paid what, when and how, for which creditor, where the money
 * went and what is left. Same fonts and page as the letters; dated by the payment, so it renders the same bytes.
 */
export async function renderReceipt(variables: TemplateVariables, receivedOn: string): Promise<Uint8Array> {
  const receipt = variables.receipt;
  if (!receipt) throw new Error('A receipt is rendered for a payment: the variables name none.');
  const t = TEXTS[variables.language];
  const doc = newLetterDocument({
    title: `${t.title} ${receipt.number}`,
    author: variables.collector.name,
    date: receivedOn,
    language: variables.language === 'fr' ? 'fr-FR' : 'en-GB',
  });
  doc
    .font('bold')
    .fontSize(16)
    .text(printable(t.number(receipt.number)), MARGIN.left, MARGIN.top, {
      width: CONTENT_WIDTH,
    });
  doc.font('regular').fontSize(9).fillColor(GREY);
  doc.text(printable(variables.collector.name), { width: CONTENT_WIDTH });
  for (const line of variables.collector.address?.lines ?? [])
    doc.text(printable(line), { width: CONTENT_WIDTH });
  doc.fillColor(INK).moveDown(1);
  const paragraph = (text: string, font: 'regular' | 'bold' = 'regular') => {
    ensureSpace(doc, 30);
    doc.font(font).fontSize(10.5).text(printable(text), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  };
  paragraph(
    t.received(variables.debtor.name, receipt.amount.text, receipt.date.text, receipt.method),
    'bold',
  );
  if (receipt.reference) paragraph(t.reference(receipt.reference));
  paragraph(t.forCase(variables.case.ref, variables.creditor.name));
  if (variables.collector.isAgency)
    paragraph(t.collectedBy(variables.collector.name, variables.creditor.name));
  heading(doc, t.allocationHeading);
  table(
    doc,
    t.columns,
    receipt.lines.map((l) => [l.invoice, l.part, l.amount.text]),
    [0, 60 * MM, 120 * MM],
    58 * MM,
  );
  doc.moveDown(0.6);
  if (receipt.credit) paragraph(t.credit(receipt.credit.text));
  paragraph(receipt.settled ? t.settled : t.balance(receipt.balance.text), 'bold');
  doc.moveDown(0.6);
  doc.font('regular').fontSize(8.5).fillColor(GREY);
  doc.text(printable(t.legal), MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'justify' });
  doc.fillColor(INK);
  return finish(doc);
}
