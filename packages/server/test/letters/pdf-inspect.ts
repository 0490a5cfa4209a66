import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Looks at a PDF as a person and a printer would, with poppler: its text, its fonts, its pages as images. */

function withFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'relance-pdf-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF, with line breaks and runs of spaces (no-break ones included) made single spaces. */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
      .replace(/[\s\u00a0]+/g, ' ')
      .trim(),
  );
}

export type PdfFont = { readonly name: string; readonly embedded: boolean };

export function pdfFonts(pdf: Uint8Array): readonly PdfFont[] {
  return withFile(pdf, (path) =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const cells = line.trim().split(/\s+/);
        // name, type (may be two words), encoding, emb, sub, uni, object id, generation
        return { name: cells[0] ?? '', embedded: cells[cells.length - 5] === 'yes' };
      }),
  );
}

export type PageImage = { readonly width: number; readonly height: number; readonly darkShare: number };

/** Renders each page at 50 dpi in grey (PGM, trivial to parse) and measures how much of it is ink. */
export function pdfPages(pdf: Uint8Array): readonly PageImage[] {
  return withFile(pdf, (path, dir) => {
    execFileSync('pdftoppm', ['-r', '50', '-gray', path, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => readPgm(readFileSync(join(dir, f))));
  });
}

function readPgm(bytes: Buffer): PageImage {
  // Header: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
  const tokens: string[] = [];
  let offset = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[offset] ?? 32))) offset += 1;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[offset] ?? 32))) {
      token += String.fromCharCode(bytes[offset] ?? 32);
      offset += 1;
    }
    tokens.push(token);
  }
  offset += 1;
  const [magic, w, h] = tokens;
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
  const width = Number(w);
  const height = Number(h);
  let dark = 0;
  for (let i = offset; i < offset + width * height; i += 1) if ((bytes[i] ?? 255) < 128) dark += 1;
  return { width, height, darkShare: dark / (width * height) };
}
