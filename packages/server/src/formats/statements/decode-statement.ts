import { TextDecoder } from 'node:util';
import { DomainError } from '@relance/core';
import type { StatementWarnings } from './statement-warnings.ts';

const BINARY: readonly (readonly [readonly number[], string, string])[] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document', 'un document PDF'],
  [
    [0x50, 0x4b, 0x03, 0x04],
    'a ZIP archive (or an Excel workbook)',
    'une archive ZIP (ou un classeur Excel)',
  ],
  [
    [0x1f, 0x8b],
    'a gzip-compressed file: decompress it first',
    'un fichier compressé gzip : décompressez-le',
  ],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document', 'un ancien document Office'],
];

/**
 * A statement file's bytes → text. A byte-order mark wins; then an XML declaration's encoding; then
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (CFONB files are often Latin-1; for XML, which
 * must be UTF-8 without a declaration, that fallback is a warning). Refuses binary files by name.
 */
export function decodeStatementBytes(
  bytes: Uint8Array,
  fileLabel: string,
  warnings: StatementWarnings,
): string {
  if (bytes.length === 0) {
    throw new DomainError('import_unreadable', `${fileLabel} is empty.`, {
      reason: 'empty',
      fr: 'Fichier vide.',
    });
  }
  for (const [magic, en, fr] of BINARY) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new DomainError('import_unreadable', `${fileLabel} is ${en}, not a bank statement.`, {
        reason: 'not_a_statement',
        fr: `Le fichier est ${fr}, pas un relevé bancaire.`,
      });
    }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const declared = declaredEncoding(bytes);
  if (declared !== null && !/^utf-?8$/i.test(declared)) return decodeDeclared(declared, bytes, fileLabel);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (bytes[0] === 0x3c) {
      warnings.add(
        'encoding_fallback',
        {},
        "le fichier n'est pas en UTF-8 comme il le devrait : lu en Windows-1252 (vérifiez les accents).",
        'the file is not UTF-8 as it should be: read as Windows-1252 (check accented letters).',
      );
    }
    return decode('windows-1252', bytes);
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** `<?xml version="1.0" encoding="ISO-8859-1"?>` → 'ISO-8859-1'. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? null;
}

function decodeDeclared(encoding: string, bytes: Uint8Array, fileLabel: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new DomainError(
      'import_unreadable',
      `${fileLabel} declares the text encoding "${encoding}", which is not one this reader knows.`,
      { reason: 'unknown_encoding', encoding, fr: `Encodage « ${encoding} » inconnu.` },
    );
  }
}
