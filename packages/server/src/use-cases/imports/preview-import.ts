import type { DateOrder, DecimalSeparator } from '@relance/core';
import { IMPORT_FIELDS, type ImportField } from '../../formats/import-fields.ts';
import { describeMapping, IMPORT_REQUIREMENTS, type MissingRequirement } from '../../formats/mapping.ts';
import { type MappingFileInput, parseMappingFile } from '../../formats/mapping-file.ts';
import type { TabularFormat } from '../../formats/tabular.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimImportPermission, requirePermission } from '../access/permissions.ts';
import { type ImportSourceInput, openImport } from './import-source.ts';

export type ImportPreview = {
  readonly format: TabularFormat;
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<ImportField, string | null>>;
  /** Empty when the file can be imported as mapped. */
  readonly missingRequired: readonly MissingRequirement[];
  readonly dateOrder: DateOrder;
  readonly decimalSeparator: DecimalSeparator;
  /** The first 10 rows, header → value. */
  readonly sampleRows: readonly Readonly<Record<string, string>>[];
  readonly unmappedHeaders: readonly string[];
  readonly fields: readonly ImportField[];
  /** Each requirement and the fields any one of which meets it. */
  readonly requirements: Readonly<Record<MissingRequirement, readonly ImportField[]>>;
};

/**
 * What an import of this source would do, without doing it: how the file is read and mapped, what is
 * missing, and its first rows — for the web UI's mapping screen. Reads the first rows only; writes nothing.
 */
export async function previewImport(
  _deps: Deps,
  actor: Actor,
  input: { readonly source: ImportSourceInput; readonly mapping?: MappingFileInput | undefined },
): Promise<ImportPreview> {
  requirePermission(actor, claimImportPermission(actor, 'run'));
  const mappingFile = input.mapping === undefined ? undefined : parseMappingFile(input.mapping);
  const opened = await openImport(input.source, mappingFile);
  try {
    const headers = opened.mapping.headers;
    return {
      format: opened.format,
      encoding: opened.table.encoding,
      delimiter: opened.table.delimiter,
      headers,
      mapping: describeMapping(opened.mapping),
      missingRequired: opened.mapping.missingRequired,
      dateOrder: opened.dateOrder,
      decimalSeparator: opened.decimalSeparator,
      sampleRows: opened.sample
        .slice(0, 10)
        .map((row) =>
          Object.fromEntries(headers.map((h, i) => [h === '' ? `#${i + 1}` : h, row.fields[i] ?? ''])),
        ),
      unmappedHeaders: opened.mapping.unmappedHeaders,
      fields: IMPORT_FIELDS,
      requirements: IMPORT_REQUIREMENTS,
    };
  } finally {
    opened.close();
  }
}
