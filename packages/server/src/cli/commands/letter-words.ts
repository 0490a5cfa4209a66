import type { LetterKind } from '../../channels/letters/letter-model.ts';
import type { Lang } from '../i18n.ts';

/** The `letter` and `letters` commands' words, French and English (kept beside the commands). */
const en = {
  help: {
    letter: 'render a letter for a case as PDF (a preview: nothing is sent or recorded)',
    case: 'the case id, or the debtor’s reference',
    kind: 'reminder, registered or formal-notice',
    out: 'the PDF file to write',
    letters: 'letters on paper: the daily print batch',
    batch: 'collect the letters waiting to be printed into one PDF and a manifest for the mail house',
    date: 'the day of the batch, YYYY-MM-DD (default: today)',
    outDir: 'the folder to write the PDF and the manifest into',
  },
  kinds: {
    letter: 'reminder letter',
    registered_letter: 'registered letter',
    formal_notice: 'formal notice',
  } satisfies Record<LetterKind, string>,
  written: (file: string, kind: string, language: string, bytes: string) =>
    `Written ${file}: ${kind} in ${language === 'fr' ? 'French' : 'English'}, ${bytes} bytes.`,
  batch: (day: string, letters: string, pages: string) =>
    `Print batch of ${day}: ${letters} letters, ${pages} pages.`,
  batchFiles: (pdf: string, manifest: string) => `  ${pdf}\n  ${manifest}`,
  nothingToPrint: (day: string) => `Nothing to print on ${day}: no letter is waiting.`,
  noCase: (value: string) => `No case has the id ${value}, and no debtor has the reference ${value}.`,
};

const fr: typeof en = {
  help: {
    letter: 'produire en PDF une lettre pour un dossier (un aperçu : rien n’est envoyé ni enregistré)',
    case: 'l’identifiant du dossier, ou la référence du débiteur',
    kind: 'reminder (relance), registered (recommandée) ou formal-notice (mise en demeure)',
    out: 'le fichier PDF à écrire',
    letters: 'le courrier papier : le lot d’impression du jour',
    batch: 'rassembler les lettres à imprimer en un PDF et un manifeste pour le routeur',
    date: 'le jour du lot, AAAA-MM-JJ (par défaut : aujourd’hui)',
    outDir: 'le dossier où écrire le PDF et le manifeste',
  },
  kinds: {
    letter: 'lettre de relance',
    registered_letter: 'lettre recommandée',
    formal_notice: 'mise en demeure',
  },
  written: (file, kind, language, bytes) =>
    `${file} écrit : ${kind} en ${language === 'fr' ? 'français' : 'anglais'}, ${bytes} octets.`,
  batch: (day, letters, pages) => `Lot d’impression du ${day} : ${letters} lettres, ${pages} pages.`,
  batchFiles: (pdf, manifest) => `  ${pdf}\n  ${manifest}`,
  nothingToPrint: (day) => `Rien à imprimer le ${day} : aucune lettre n’attend.`,
  noCase: (value) => `Aucun dossier n’a l’identifiant ${value}, et aucun débiteur la référence ${value}.`,
};

export function letterWords(lang: Lang): typeof en {
  return lang === 'fr' ? fr : en;
}
