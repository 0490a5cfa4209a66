/// <reference path="./fontkit.d.ts" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, embedded in every letter: it covers French typography (« », œ, €, the no-break space) and
 * the scissors of the payment slip. Resolved through the package, never by a hard-coded path.
 */
export const letterFonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
} as const;

export type LetterFont = keyof typeof letterFonts;

let parsed: Readonly<Record<LetterFont, object>> | null = null;

/**
 * The fonts parsed once per process and shared by every document (pdfkit takes a parsed font as readily as
 * a path, and subsets it per document): parsing DejaVu Sans was most of the time of rendering a letter.
 */
export function parsedFonts(): Readonly<Record<LetterFont, object>> {
  parsed ??= {
    regular: create(readFileSync(letterFonts.regular)),
    bold: create(readFileSync(letterFonts.bold)),
    italic: create(readFileSync(letterFonts.italic)),
    mono: create(readFileSync(letterFonts.mono)),
  };
  return parsed;
}

/** The narrow no-break space (U+202F) becomes a plain no-break space: letters never print U+202F. */
export function printable(text: string): string {
  return text.replaceAll('\u202f', '\u00a0');
}
