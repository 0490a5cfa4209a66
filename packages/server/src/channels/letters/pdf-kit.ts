import PDFDocument from 'pdfkit';
import { parsedFonts } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

/** Points per millimetre: layouts are written in millimetres, as the envelope and the paper are specified. */
export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM } as const;
export const MARGIN = { left: 20 * MM, right: 20 * MM, top: 15 * MM, bottom: 22 * MM } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const INK = '#111111';
export const GREY = '#555555';
export const RULE = '#999999';

/**
 * A new A4 document with DejaVu Sans registered as `regular`, `bold`, `italic` and `mono` (pdfkit embeds the
 * subset it uses). The creation date is the letter's date, so that the same letter renders to the same bytes.
 */
export function newLetterDocument(meta: {
  readonly title: string;
  readonly author: string;
  readonly date: string;
  readonly language: string;
}): Pdf {
  const fonts = parsedFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // A parsed font where the types say a path: pdfkit accepts both (see parsedFonts).
    font: fonts.regular as unknown as string,
    lang: meta.language,
    info: {
      Title: meta.title,
      Author: meta.author,
      Creator: 'Relance',
      Producer: 'Relance',
      CreationDate: new Date(`${meta.date}T00:00:00Z`),
    },
  });
  for (const name of ['regular', 'bold', 'italic', 'mono'] as const) {
    doc.registerFont(name, fonts[name] as unknown as string);
  }
  doc.font('regular').fillColor(INK);
  return doc;
}

/** Ends the document and collects its bytes. */
export function finish(doc: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > PAGE.height - MARGIN.bottom) doc.addPage();
}

/** Writes below the bottom margin (footers) without pdfkit opening a new page. */
export function outsideMargins(doc: Pdf, draw: () => void): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  draw();
  doc.page.margins.bottom = bottom;
}
