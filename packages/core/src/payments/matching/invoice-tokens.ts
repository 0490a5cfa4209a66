import type { InvoiceToken, LineFacts } from './match-types.ts';

/** Words after which a short number is an invoice number ('facture 123', 'inv. 123'). */
const KEYWORDS = new Set([
  'facture',
  'factures',
  'fact',
  'fac',
  'fa',
  'fc',
  'invoice',
  'invoices',
  'inv',
  'rechnung',
  'no',
  'nr',
  'num',
  'ref',
]);
/** Tokens kept per line: a remittance text is at most 140 characters, a few lines of them at most. */
const MAX_TOKENS = 120;
/** Pieces of one word joined back at most: 'FA-2024-0012' is three. */
const MAX_PIECES = 5;

const CHUNK = /[^\s,;()"'«»[\]{}<>|]+/g;
const EDGE = /^[-/._#:+*=\\!?°]+|[-/._#:+*=\\!?°]+$/g;
const SEPARATOR = /[-/._#:+*=\\]/;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const AMOUNT_LIKE = /^\d+[.,]\d{1,3}$/;

/**
 * The pieces of a line's text that may be invoice numbers, to look up among open claims. Invoice numbers
 * keep their own separators ('FA-2024/0012'), so a word is cut at its separators and its runs of pieces
 * are tried too ('F239765/F237654' gives both invoices, 'FACT.2024-0012' gives '2024-0012' and the whole).
 * A piece is never cut inside a run of letters and digits: '123' is not read inside '41234'. Numbers alone
 * need care — dates and amounts are not invoices, and a bare number needs 4 digits (3 after 'facture',
 * 'invoice'…) as a word of its own, 6 as a piece of a longer word.
 */
export function invoiceTokens(facts: LineFacts): readonly InvoiceToken[] {
  const tokens: InvoiceToken[] = [];
  let source = 0;
  for (const doc of facts.referredDocuments) {
    const token = doc.trim();
    if (token !== '') tokens.push({ token, source, start: 0, end: token.length });
    source += 1;
  }
  const texts = facts.endToEndId === null ? facts.texts : [facts.endToEndId, ...facts.texts];
  for (const text of texts) {
    tokensOfText(text, source, tokens);
    source += 1;
  }
  return tokens.slice(0, MAX_TOKENS);
}

function tokensOfText(text: string, source: number, out: InvoiceToken[]): void {
  let previous = '';
  for (const match of text.matchAll(CHUNK)) {
    const raw = match[0];
    const lead = /^[-/._#:+*=\\!?°]*/.exec(raw)?.[0].length ?? 0;
    const chunk = raw.replace(EDGE, '');
    const start = (match.index ?? 0) + lead;
    const keyword = KEYWORDS.has(previous);
    previous = chunk.toLowerCase().replace(/[^a-z]/g, '');
    if (chunk === '' || DATE_LIKE.test(chunk) || AMOUNT_LIKE.test(chunk)) continue;
    const pieces = piecesOf(chunk);
    for (let i = 0; i < pieces.length; i++) {
      for (let j = i; j < Math.min(pieces.length, i + MAX_PIECES); j++) {
        const from = pieces[i]?.start ?? 0;
        const to = pieces[j]?.end ?? 0;
        const token = chunk.slice(from, to);
        const whole = i === 0 && j === pieces.length - 1;
        if (plausible(token, whole, keyword))
          out.push({ token, source, start: start + from, end: start + to });
      }
    }
  }
}

function piecesOf(chunk: string): readonly { readonly start: number; readonly end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= chunk.length; i++) {
    if (i === chunk.length || SEPARATOR.test(chunk[i] ?? '')) {
      if (i > start) pieces.push({ start, end: i });
      start = i + 1;
    }
  }
  return pieces;
}

function plausible(token: string, whole: boolean, afterKeyword: boolean): boolean {
  if (token.length < 3 || token.length > 40 || !/\d/.test(token)) return false;
  if (!/^\d+$/.test(token)) return true;
  if (!whole) return token.length >= 6;
  return token.length >= (afterKeyword ? 3 : 4);
}
