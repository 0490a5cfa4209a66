import { hash } from 'node:crypto';
import { IMPORT_FIELDS } from '../../formats/import-fields.ts';
import type { ColumnIndexes } from '../../formats/mapping.ts';

const SEP = '\u001f';

/**
 * The content hash of a row: the mapped cells, trimmed, in field order, plus a fingerprint of everything
 * that changes how they are read (mapping, date order, decimal separator, defaults, creditor kind). The
 * same row re-imported the same way has the same hash, so it is recognised as unchanged *before* being
 * validated again — a daily re-import of a whole ledger only pays for the rows that changed.
 */
export class RowHasher {
  readonly #indexes: readonly number[];
  readonly #prefix: string;

  constructor(columns: ColumnIndexes, readingSettings: Readonly<Record<string, unknown>>) {
    this.#indexes = IMPORT_FIELDS.map((f) => columns[f]).filter((i): i is number => i !== null);
    const fields = IMPORT_FIELDS.filter((f) => columns[f] !== null);
    this.#prefix = hash('md5', JSON.stringify({ v: 1, fields, ...readingSettings }), 'base64url').slice(0, 8);
  }

  hash(cells: readonly string[]): string {
    let text = this.#prefix;
    for (const i of this.#indexes) text += SEP + (cells[i] ?? '').trim();
    return hash('md5', text, 'base64url');
  }
}
