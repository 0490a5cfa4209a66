import { basename } from 'node:path';
import {
  type DateOrder,
  type DecimalSeparator,
  detectDateOrder,
  detectDecimalSeparator,
} from '@relance/core';
import { mapColumns, type ResolvedMapping } from '../../formats/mapping.ts';
import type { MappingFile } from '../../formats/mapping-file.ts';
import {
  openTableFile,
  openTableRecords,
  type TableRow,
  type TabularFormat,
  type TabularSource,
} from '../../formats/tabular.ts';

export type ImportSourceInput =
  | { readonly kind: 'file'; readonly path: string; readonly fileName?: string | undefined }
  | {
      readonly kind: 'rows';
      readonly rows: readonly Readonly<Record<string, unknown>>[];
      readonly fileName?: string | undefined;
    };

/** A source opened, its header mapped and its first rows read to detect how dates and amounts are written. */
export type OpenedImport = {
  readonly table: TabularSource;
  readonly format: TabularFormat;
  readonly fileName: string;
  readonly fileLabel: string;
  readonly mapping: ResolvedMapping;
  readonly dateOrder: DateOrder;
  readonly decimalSeparator: DecimalSeparator;
  /** The first rows (up to SAMPLE_ROWS), already read. */
  readonly sample: readonly TableRow[];
  /** Every data row, the sample first: pulling reads the file. Single use. */
  rows(): AsyncGenerator<readonly TableRow[]>;
  close(): void;
};

export const SAMPLE_ROWS = 1000;

/** Opens the source and prepares the import; throws `import_unreadable` / mapping errors, writing nothing. */
export async function openImport(
  source: ImportSourceInput,
  mappingFile: MappingFile | undefined,
): Promise<OpenedImport> {
  const fileName = source.fileName ?? (source.kind === 'file' ? basename(source.path) : 'rows.json');
  const fileLabel = `The file ${fileName}`;
  const table =
    source.kind === 'file'
      ? await openTableFile(source.path, {
          encoding: mappingFile?.encoding,
          delimiter: mappingFile?.delimiter,
          sheet: mappingFile?.sheet,
          fileLabel,
        })
      : openTableRecords(source.rows, fileLabel);
  try {
    const mapping = mapColumns(table.headers, mappingFile?.columns ?? {}, fileLabel);
    const batches = table.batches();
    const sample: TableRow[] = [];
    let exhausted = false;
    while (sample.length < SAMPLE_ROWS) {
      const next = await batches.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      for (const row of next.value) sample.push(row);
    }
    const c = mapping.columns;
    const values = (indexes: readonly (number | null)[]): string[] => {
      const out: string[] = [];
      for (const row of sample) {
        for (const i of indexes) {
          const v = i === null ? '' : (row.fields[i] ?? '').trim();
          if (v !== '') out.push(v);
        }
      }
      return out;
    };
    const dateOrder =
      mappingFile?.dateOrder ?? detectDateOrder(values([c.issue_date, c.due_date, c.settled_date]));
    const decimalSeparator =
      mappingFile?.decimalSeparator ?? detectDecimalSeparator(values([c.amount, c.outstanding]));
    async function* rows(): AsyncGenerator<readonly TableRow[]> {
      if (sample.length > 0) yield sample;
      if (!exhausted) yield* batches;
    }
    return {
      table,
      format: table.format,
      fileName,
      fileLabel,
      mapping,
      dateOrder,
      decimalSeparator,
      sample,
      rows,
      close: () => table.close(),
    };
  } catch (error) {
    table.close();
    throw error;
  }
}
