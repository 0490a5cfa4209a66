import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DomainError } from '@relance/core';

/** The text encodings a CSV file may come in. Windows-1252 is what French Excel writes by default. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

export type DetectedEncoding = {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark to skip at the start of the file. */
  readonly bomLength: number;
};

/**
 * Decides the encoding from the first bytes of a file: a byte-order mark wins; otherwise UTF-8 when the
 * bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1 that every byte decodes in).
 * Throws `import_unreadable` for what is not text at all: a spreadsheet or PDF sent by mistake, binary data.
 */
export function detectEncoding(head: Uint8Array, fileLabel: string): DetectedEncoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  rejectKnownBinary(head, fileLabel);
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  rejectBinary(head, fileLabel);
  return { encoding: looksLikeUtf8(head) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function rejectKnownBinary(head: Uint8Array, fileLabel: string): void {
  const kinds: readonly (readonly [readonly number[], string])[] = [
    [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV'],
    [[0x25, 0x50, 0x44, 0x46], 'a PDF document, not a table of invoices'],
    [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive that is not an Excel .xlsx workbook'],
    [[0x1f, 0x8b], 'a gzip-compressed file: decompress it first'],
  ];
  for (const [magic, what] of kinds) {
    if (startsWith(head, magic)) {
      throw new DomainError('import_unreadable', `${fileLabel} is ${what}.`, { reason: 'not_a_table' });
    }
  }
}

/** ASCII text saved as UTF-16 without a BOM: every other byte is zero, the others are printable. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 16) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  let printable = 0;
  for (let i = 0; i < n; i += 2) {
    const even = head[i]!;
    const odd = head[i + 1]!;
    if (even === 0) evenZeros++;
    if (odd === 0) oddZeros++;
    const text = even === 0 ? odd : even;
    if (text === 9 || text === 10 || text === 13 || (text >= 0x20 && text !== 0x7f)) printable++;
  }
  const pairs = n / 2;
  if (printable < pairs * 0.95) return null;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return null;
}

function rejectBinary(head: Uint8Array, fileLabel: string): void {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) {
      throw new DomainError(
        'import_unreadable',
        `${fileLabel} is a binary file (it contains NUL bytes), not CSV.`,
        {
          reason: 'binary',
          byteOffset: i,
        },
      );
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (n > 0 && control > n * 0.05) {
    throw new DomainError('import_unreadable', `${fileLabel} is a binary file, not CSV.`, {
      reason: 'binary',
    });
  }
}

function looksLikeUtf8(head: Uint8Array): boolean {
  try {
    // `stream: true` so that a character cut in two at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a byte stream chunk by chunk. A file detected as UTF-8 from a pure-ASCII beginning may turn out
 * to be Windows-1252 further down (the first accented letter is on line 5,000): as nothing but ASCII was
 * seen until then, the decoder switches without having misread anything. Invalid UTF-8 after valid
 * non-ASCII UTF-8 means mixed encodings: that is refused rather than silently garbled.
 */
export class StreamDecoder {
  #encoding: TextEncoding;
  #decoder: TextDecoder;
  #sawNonAscii = false;
  #bytesSeen = 0;
  readonly #fileLabel: string;

  constructor(encoding: TextEncoding, fileLabel: string) {
    this.#encoding = encoding;
    this.#fileLabel = fileLabel;
    this.#decoder = makeDecoder(encoding);
  }

  get encoding(): TextEncoding {
    return this.#encoding;
  }

  decode(bytes: Uint8Array): string {
    const offset = this.#bytesSeen;
    this.#bytesSeen += bytes.length;
    if (this.#encoding !== 'utf-8') return this.#decoder.decode(bytes, { stream: true });
    const ascii = !this.#sawNonAscii && isAscii(bytes);
    try {
      const text = this.#decoder.decode(bytes, { stream: true });
      if (!ascii) this.#sawNonAscii = true;
      return text;
    } catch {
      if (this.#sawNonAscii) {
        throw new DomainError(
          'import_unreadable',
          `${this.#fileLabel} mixes text encodings: the bytes after byte ${offset} are not UTF-8 although the ` +
            'beginning of the file is. Save the file again as "CSV UTF-8".',
          { reason: 'mixed_encoding', byteOffset: offset },
        );
      }
      this.#encoding = 'windows-1252';
      this.#decoder = makeDecoder('windows-1252');
      return this.#decoder.decode(bytes, { stream: true });
    }
  }

  end(): string {
    try {
      return this.#decoder.decode();
    } catch {
      throw new DomainError('import_unreadable', `${this.#fileLabel} ends in the middle of a character.`, {
        reason: 'truncated_character',
      });
    }
  }
}

function makeDecoder(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
}
