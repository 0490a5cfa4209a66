import { DomainError } from '@relance/core';
import { readCamt } from '../camt/read-camt.ts';
import { readCfonb } from '../cfonb/read-cfonb.ts';
import { decodeStatementBytes } from './decode-statement.ts';
import type { StatementFile, StatementReadOptions } from './statement-model.ts';
import { StatementWarnings } from './statement-warnings.ts';

export type StatementKind = 'camt' | 'cfonb120';

// A CFONB record: its code (01 previous balance, 04 operation, 05 complement, 07 new balance), then the
// 5-digit bank code.
const CFONB_RECORD = /^0[1457]\d{5}/;

/**
 * What a statement file is, from its content (never its name): XML is CAMT (the reader then tells
 * camt.053 from camt.054 by the message element and reads the version from the namespace); lines of
 * 120 columns starting with a CFONB record code are CFONB 120. Null for anything else.
 */
export function detectStatementKind(text: string): StatementKind | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'camt';
  const firstLine = start.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (CFONB_RECORD.test(firstLine) && (firstLine.length <= 120 || firstLine.length % 120 === 0))
    return 'cfonb120';
  return null;
}

/**
 * Reads a bank statement file of any supported format: CAMT.053 / CAMT.054 (.02 to .10) or CFONB 120.
 * Throws `import_unreadable` saying why when the file is none of these or cannot be read; what is
 * doubtful inside a readable file comes back in `warnings`, with where it is.
 */
export function readStatementFile(
  input: string | Uint8Array,
  options: StatementReadOptions = {},
): StatementFile {
  const fileLabel = options.fileLabel ?? 'The file';
  const decoding = new StatementWarnings();
  const text = typeof input === 'string' ? input : decodeStatementBytes(input, fileLabel, decoding);
  const kind = detectStatementKind(text);
  if (kind === null) {
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (start === '') {
      throw new DomainError('import_unreadable', `${fileLabel} is empty.`, {
        reason: 'empty',
        fr: 'Fichier vide.',
      });
    }
    const sample = JSON.stringify(start.slice(0, 24));
    throw new DomainError(
      'import_unreadable',
      `${fileLabel} is not a bank statement this reader knows: neither CAMT.053/054 XML nor CFONB 120 (it starts with ${sample}).`,
      {
        reason: 'not_a_statement',
        fr: `Ce n'est ni un relevé CAMT.053/054 (XML) ni un relevé CFONB 120 (début : ${sample}).`,
      },
    );
  }
  const file = kind === 'camt' ? readCamt(text, { fileLabel }) : readCfonb(text, { fileLabel });
  return decoding.items.length === 0 ? file : { ...file, warnings: [...decoding.items, ...file.warnings] };
}
