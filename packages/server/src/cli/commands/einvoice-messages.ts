import type { DueDateSource } from '../../formats/einvoice/einvoice-claims.ts';
import type { EInvoiceKind } from '../../formats/einvoice/einvoice-model.ts';
import type { CreditApplicationOutcome } from '../../use-cases/imports/apply-credit-notes.ts';
import type { Lang } from '../i18n.ts';

/** The words of `relance import` for e-invoices (Factur-X, ZUGFeRD, UBL, CII), French and English. */
const en = {
  help: {
    import:
      'import claims: a CSV or XLSX file for a creditor, or e-invoices (Factur-X / ZUGFeRD PDF, UBL, CII), whose seller is the creditor',
    files: 'the file to import (CSV, XLSX), or e-invoice files and folders',
    creditor: 'reference of the creditor (e.g. ACME); for e-invoices, optional: the seller by default',
  },
  creditorRequired:
    '--creditor is required for a CSV or XLSX file (e-invoices name their seller). Example: relance import factures.csv --creditor ACME',
  noFile: (path: string) => `No PDF or XML file in ${path}.`,
  kind: {
    invoice: 'Invoice',
    credit_note: 'Credit note',
    corrective: 'Corrective invoice',
    self_billed: 'Self-billed invoice',
  } satisfies Record<EInvoiceKind, string>,
  title: (kind: string, number: string, code: string, date: string, file: string, profile: string) =>
    `${kind} ${number} (${code}) of ${date} — ${file}${profile ? ` [${profile}]` : ''}`,
  seller: (who: string) => `  Seller      : ${who}`,
  buyer: (who: string) => `  Buyer       : ${who}`,
  totals: (total: string, prepaid: string, rounding: string, due: string) =>
    `  Total       : ${total}; prepaid: ${prepaid}; rounding: ${rounding}; amount due: ${due}`,
  due: (date: string, source: DueDateSource, terms: string | null) =>
    `  Due date    : ${date}${dueSourceEn[source]}${terms ? ` — terms: “${terms}”` : ''}`,
  payment: (reference: string, iban: string) => `  Payment     : reference ${reference}; account ${iban}`,
  directDebit: (reference: string, iban: string, mandate: string) =>
    `  Payment     : reference ${reference}; direct debit from ${iban} (mandate ${mandate})`,
  none: 'none',
  noAccount: 'none',
  vat: 'VAT',
  imported: (creditor: string, outstanding: string, created: boolean) =>
    `  → claim imported for creditor ${creditor}${created ? ' (new)' : ''}: ${outstanding} outstanding`,
  unchanged: (creditor: string, outstanding: string) =>
    `  → claim already imported for creditor ${creditor}, unchanged: ${outstanding} outstanding`,
  rejected: (creditor: string, reasons: string) => `  → not imported for creditor ${creditor}: ${reasons}`,
  credit: (outcome: CreditApplicationOutcome, invoice: string, amount: string, after: string) => {
    switch (outcome) {
      case 'applied':
        return `  → credit: ${amount} taken off invoice ${invoice} (now ${after} outstanding)`;
      case 'already_applied':
        return `  → credit: already taken off invoice ${invoice} (${amount}), nothing changed`;
      case 'invoice_not_found':
        return `  → credit not applied: no invoice ${invoice} for this creditor`;
      case 'currency_mismatch':
        return `  → credit not applied: invoice ${invoice} is in another currency`;
      case 'invoice_settled':
        return `  → credit not applied: invoice ${invoice} owes nothing any more`;
      case 'credit_exhausted':
        return `  → credit used up before invoice ${invoice}`;
    }
  },
  noInvoiceNamed: '  → credit not applied: it names no invoice (kept out of the claims, check it by hand)',
  unapplied: (amount: string) => `  → ${amount} of this credit went to no invoice`,
  unreadable: (message: string) => `Unreadable: ${message}`,
  summary: (files: string, claims: string, rejected: string, credits: string, failed: string) =>
    `${files} file(s): ${claims} claim(s) imported, ${rejected} not imported, ${credits} credit(s), ${failed} unreadable file(s).`,
};

const dueSourceEn: Readonly<Record<DueDateSource, string>> = {
  document: '',
  payment_terms: ' (from the payment terms in words)',
  default_term: ' (none in the invoice: issue date + 30 days, C. com. L441-10)',
};

const dueSourceFr: Readonly<Record<DueDateSource, string>> = {
  document: '',
  payment_terms: ' (lue dans les conditions de paiement)',
  default_term: ' (aucune dans la facture : date d’émission + 30 jours, C. com. L441-10)',
};

const fr: typeof en = {
  help: {
    import:
      'importe des créances : un fichier CSV ou XLSX pour un créancier, ou des factures électroniques (PDF Factur-X / ZUGFeRD, UBL, CII), dont le vendeur est le créancier',
    files: 'le fichier à importer (CSV, XLSX), ou des factures électroniques et des dossiers',
    creditor:
      'référence du créancier (ex. ACME) ; facultative pour les factures électroniques : le vendeur par défaut',
  },
  creditorRequired:
    '--creditor est obligatoire pour un fichier CSV ou XLSX (une facture électronique nomme son vendeur). Exemple : relance import factures.csv --creditor ACME',
  noFile: (path) => `Aucun fichier PDF ou XML dans ${path}.`,
  kind: {
    invoice: 'Facture',
    credit_note: 'Avoir',
    corrective: 'Facture rectificative',
    self_billed: 'Autofacture',
  },
  title: (kind, number, code, date, file, profile) =>
    `${kind} ${number} (${code}) du ${date} — ${file}${profile ? ` [${profile}]` : ''}`,
  seller: (who) => `  Vendeur     : ${who}`,
  buyer: (who) => `  Acheteur    : ${who}`,
  totals: (total, prepaid, rounding, due) =>
    `  Total TTC   : ${total} ; acompte : ${prepaid} ; arrondi : ${rounding} ; reste dû : ${due}`,
  due: (date, source, terms) =>
    `  Échéance    : ${date}${dueSourceFr[source]}${terms ? ` — conditions : « ${terms} »` : ''}`,
  payment: (reference, iban) => `  Paiement    : référence ${reference} ; compte ${iban}`,
  directDebit: (reference, iban, mandate) =>
    `  Paiement    : référence ${reference} ; prélèvement sur le compte ${iban} (mandat ${mandate})`,
  none: 'aucune',
  noAccount: 'aucun',
  vat: 'TVA',
  imported: (creditor, outstanding, created) =>
    `  → créance importée pour le créancier ${creditor}${created ? ' (nouveau)' : ''} : reste dû ${outstanding}`,
  unchanged: (creditor, outstanding) =>
    `  → créance déjà importée pour le créancier ${creditor}, inchangée : reste dû ${outstanding}`,
  rejected: (creditor, reasons) => `  → non importée pour le créancier ${creditor} : ${reasons}`,
  credit: (outcome, invoice, amount, after) => {
    switch (outcome) {
      case 'applied':
        return `  → avoir : ${amount} déduits de la facture ${invoice} (reste dû : ${after})`;
      case 'already_applied':
        return `  → avoir déjà déduit de la facture ${invoice} (${amount}) : rien ne change`;
      case 'invoice_not_found':
        return `  → avoir non imputé : aucune facture ${invoice} chez ce créancier`;
      case 'currency_mismatch':
        return `  → avoir non imputé : la facture ${invoice} est dans une autre devise`;
      case 'invoice_settled':
        return `  → avoir non imputé : la facture ${invoice} ne doit plus rien`;
      case 'credit_exhausted':
        return `  → avoir épuisé avant la facture ${invoice}`;
    }
  },
  noInvoiceNamed:
    '  → avoir non imputé : il ne cite aucune facture (hors des créances, à vérifier à la main)',
  unapplied: (amount) => `  → ${amount} de cet avoir ne sont imputés sur aucune facture`,
  unreadable: (message) => `Illisible : ${message}`,
  summary: (files, claims, rejected, credits, failed) =>
    `${files} fichier(s) : ${claims} créance(s) importée(s), ${rejected} non importée(s), ${credits} avoir(s), ${failed} fichier(s) illisible(s).`,
};

export function einvoiceWords(lang: Lang): typeof en {
  return lang === 'fr' ? fr : en;
}
