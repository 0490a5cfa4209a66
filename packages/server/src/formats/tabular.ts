import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '@relance/core';
import type { TextEncoding } from './csv/decode.ts';
import type { Delimiter } from './csv/parse.ts';
import { openCsv, type TableRow } from './csv/read-csv.ts';
import { readXlsx } from './xlsx/read-xlsx.ts';

export type { TableRow } from './csv/read-csv.ts';

export type TabularFormat = 'csv' | 'xlsx' | 'json';

/** A table being read: its header, and its data rows pulled batch by batch. */
export type TabularSource = {
  readonly format: TabularFormat;
  /** CSV only: the text encoding (read it after the rows: it may switch to Windows-1252 midway). */
  readonly encoding: TextEncoding | null;
  readonly delimiter: Delimiter | null;
  readonly headers: readonly string[];
  /** Where the header is, as a person would look for it. */
  readonly headerRow: number;
  readonly totalBytes: number | null;
  readonly bytesRead: number;
  /** The rows after the header, blank ones skipped. Single use. */
  batches(): AsyncGenerator<readonly TableRow[]>;
  close(): void;
};

export type OpenTableOptions = {
  readonly encoding?: TextEncoding | undefined;
  readonly delimiter?: Delimiter | undefined;
  readonly sheet?: string | number | undefined;
  readonly fileLabel?: string | undefined;
};

/** Opens a CSV or XLSX file, told apart by content (an .xlsx is a ZIP), not by extension. */
export async function openTableFile(path: string, options: OpenTableOptions = {}): Promise<TabularSource> {
  const fileLabel = options.fileLabel ?? `The file ${basename(path)}`;
  const magic = await readMagic(path, fileLabel);
  if (magic.length === 0) {
    throw new DomainError('import_unreadable', `${fileLabel} is empty.`, { reason: 'empty' });
  }
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const table = await readXlsx(path, { sheet: options.sheet, fileLabel });
    return fromRows('xlsx', table.rows, fileLabel, { totalBytes: null });
  }
  const csv = await openCsv(path, { encoding: options.encoding, delimiter: options.delimiter, fileLabel });
  const batches = csv.batches();
  const { headers, headerRow, first } = await takeHeader(batches, fileLabel);
  async function* rest(): AsyncGenerator<readonly TableRow[]> {
    if (first.length > 0) yield first;
    for await (const batch of batches) {
      const rows = batch.filter((r) => !isBlank(r.fields));
      if (rows.length > 0) yield rows;
    }
  }
  return {
    format: 'csv',
    get encoding() {
      return csv.encoding;
    },
    delimiter: csv.delimiter,
    headers,
    headerRow,
    totalBytes: csv.totalBytes,
    get bytesRead() {
      return csv.bytesRead;
    },
    batches: rest,
    close: () => csv.close(),
  };
}

/** Records given as objects (an API upload, a generated demo): the keys are the headers. */
export function openTableRecords(
  records: readonly Readonly<Record<string, unknown>>[],
  fileLabel = 'The rows',
): TabularSource {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  }
  const rows = records.map(
    (record, index): TableRow => ({
      fields: headers.map((h) => valueText(record[h])),
      line: index + 1,
      row: index + 1,
      raw: JSON.stringify(record),
    }),
  );
  if (headers.length === 0) {
    throw new DomainError('import_unreadable', `${fileLabel}: there is nothing to import.`, {
      reason: 'empty',
    });
  }
  return fromRows('json', [{ fields: headers, line: 0, row: 0, raw: '' }, ...rows], fileLabel, {
    totalBytes: null,
  });
}

function fromRows(
  format: TabularFormat,
  all: readonly TableRow[],
  fileLabel: string,
  sizes: { readonly totalBytes: number | null },
): TabularSource {
  const start = all.findIndex((r) => !isBlank(r.fields));
  if (start === -1) {
    throw new DomainError('import_unreadable', `${fileLabel} is empty.`, { reason: 'empty' });
  }
  const header = all[start]!;
  const headers = checkHeader(header, fileLabel);
  const data = all.slice(start + 1).filter((r) => !isBlank(r.fields));
  return {
    format,
    encoding: null,
    delimiter: null,
    headers,
    headerRow: header.row,
    totalBytes: sizes.totalBytes,
    bytesRead: 0,
    async *batches() {
      for (let i = 0; i < data.length; i += 2000) yield data.slice(i, i + 2000);
    },
    close: () => {},
  };
}

async function takeHeader(
  batches: AsyncGenerator<readonly TableRow[]>,
  fileLabel: string,
): Promise<{ headers: string[]; headerRow: number; first: readonly TableRow[] }> {
  for (;;) {
    const next = await batches.next();
    if (next.done) throw new DomainError('import_unreadable', `${fileLabel} is empty.`, { reason: 'empty' });
    const rows = next.value;
    const at = rows.findIndex((r) => !isBlank(r.fields));
    if (at === -1) continue;
    const header = rows[at]!;
    return {
      headers: checkHeader(header, fileLabel),
      headerRow: header.row,
      first: rows.slice(at + 1).filter((r) => !isBlank(r.fields)),
    };
  }
}

// A value no one would use as a column name: a number, an amount, a date, an e-mail address.
const DATA_LIKE =
  /^(?:[-+(]?[\d\s.,'€$£]+\)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}.*|[^\s@]+@[^\s@]+\.[a-z]{2,})$/i;

/** The header row, trimmed; refused when it is clearly a row of data (a file exported without header). */
function checkHeader(header: TableRow, fileLabel: string): string[] {
  const headers = header.fields.map((h) => h.replace(/^\uFEFF/, '').trim());
  const named = headers.filter((h) => h !== '');
  const dataLike = named.filter((h) => DATA_LIKE.test(h));
  if (named.length > 0 && dataLike.length * 2 >= named.length) {
    throw new DomainError(
      'import_unreadable',
      `${fileLabel} has no header: its first row (line ${header.line}) holds values (${dataLike
        .slice(0, 3)
        .map((v) => `"${v}"`)
        .join(', ')}), not column names. Add a first row naming the columns.`,
      { reason: 'no_header', line: header.line },
    );
  }
  return headers;
}

export function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

async function readMagic(path: string, fileLabel: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    throw new DomainError('import_unreadable', `${fileLabel} ${why}.`, { reason: code ?? 'read_error' });
  } finally {
    await handle?.close();
  }
}
