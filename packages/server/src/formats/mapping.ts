import { DomainError } from '@relance/core';
import {
  FIELD_SYNONYMS,
  headerKey,
  IMPORT_FIELDS,
  type ImportField,
  isImportField,
} from './import-fields.ts';

/** For each field, the index of the column that fills it, or null. */
export type ColumnIndexes = Readonly<Record<ImportField, number | null>>;

/** A requirement that no column meets: 'amount' stands for "amount or outstanding", 'debtor_name' for "name or ref". */
export type MissingRequirement = 'invoice_number' | 'due_date' | 'amount' | 'debtor_name';

export type ResolvedMapping = {
  readonly headers: readonly string[];
  readonly columns: ColumnIndexes;
  readonly missingRequired: readonly MissingRequirement[];
  readonly unmappedHeaders: readonly string[];
};

const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    index.set(headerKey(field), field);
    for (const name of FIELD_SYNONYMS[field]) index.set(headerKey(name), field);
  }
  return index;
})();

/** A currency unit that exports add after a header: 'Montant TTC (€)', 'Solde EUR', 'Total euros'. */
const TRAILING_NOISE = /(euros|euro|eur)$/;

/** The field a header names, or null: 'N° Facture' → invoice_number, 'Montant TTC (EUR)' → amount. */
export function fieldForHeader(header: string): ImportField | null {
  const key = headerKey(header);
  if (key === '') return null;
  const exact = SYNONYM_INDEX.get(key);
  if (exact) return exact;
  const trimmed = key.replace(TRAILING_NOISE, '');
  return trimmed !== key && trimmed !== '' ? (SYNONYM_INDEX.get(trimmed) ?? null) : null;
}

/**
 * Matches headers to fields: first what the mapping file states (`columns`: field → header, or null to
 * ignore a field), then the synonyms for the rest, first column wins. A header fills one field at most.
 * Throws `invalid_input` for unknown field names and `import_mapping_incomplete` for stated headers that
 * the file does not have — nothing is guessed around a mapping a person wrote.
 */
export function mapColumns(
  headers: readonly string[],
  stated: Readonly<Record<string, string | null>> = {},
  fileLabel = 'The file',
): ResolvedMapping {
  const columns: Record<ImportField, number | null> = Object.fromEntries(
    IMPORT_FIELDS.map((f) => [f, null]),
  ) as Record<ImportField, number | null>;
  const used = new Set<number>();
  const disabled = new Set<ImportField>();
  const unknownFields: string[] = [];
  const absentHeaders: string[] = [];
  for (const [field, header] of Object.entries(stated)) {
    if (!isImportField(field)) {
      unknownFields.push(field);
      continue;
    }
    if (header === null) {
      disabled.add(field);
      continue;
    }
    const index = findHeader(headers, header);
    if (index === null) absentHeaders.push(`${field} → "${header}"`);
    else {
      columns[field] = index;
      used.add(index);
    }
  }
  if (unknownFields.length > 0) {
    throw new DomainError(
      'invalid_input',
      `Unknown field${unknownFields.length > 1 ? 's' : ''} in the mapping: ${unknownFields.join(', ')}. ` +
        `The fields are: ${IMPORT_FIELDS.join(', ')}.`,
      { reason: 'unknown_mapping_field', unknownFields, fields: IMPORT_FIELDS },
    );
  }
  if (absentHeaders.length > 0) {
    throw new DomainError(
      'import_mapping_incomplete',
      `${fileLabel} has no column named as the mapping says (${absentHeaders.join('; ')}). ` +
        `Its columns are: ${headers.map((h) => `"${h}"`).join(', ')}.`,
      { reason: 'mapped_header_not_found', absentHeaders, headers },
    );
  }
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const field = fieldForHeader(header);
    if (field === null || disabled.has(field) || columns[field] !== null) return;
    columns[field] = index;
    used.add(index);
  });
  return {
    headers,
    columns,
    missingRequired: missingRequirements(columns),
    unmappedHeaders: headers.filter((h, i) => !used.has(i) && h.trim() !== ''),
  };
}

function findHeader(headers: readonly string[], wanted: string): number | null {
  const exact = headers.indexOf(wanted);
  if (exact !== -1) return exact;
  const key = headerKey(wanted);
  const loose = headers.findIndex((h) => headerKey(h) === key);
  return loose === -1 ? null : loose;
}

/**
 * What an import needs: each requirement is met by a column for any one of its fields. The single
 * source of the rule: the preview sends it to the web app, which checks a mapping as it is edited.
 */
export const IMPORT_REQUIREMENTS: Readonly<Record<MissingRequirement, readonly ImportField[]>> = {
  invoice_number: ['invoice_number'],
  due_date: ['due_date'],
  amount: ['amount', 'outstanding'],
  debtor_name: ['debtor_name', 'debtor_ref'],
};

function missingRequirements(columns: ColumnIndexes): MissingRequirement[] {
  return (Object.keys(IMPORT_REQUIREMENTS) as MissingRequirement[]).filter((requirement) =>
    IMPORT_REQUIREMENTS[requirement].every((field) => columns[field] === null),
  );
}

const REQUIREMENT_LABELS: Readonly<Record<MissingRequirement, string>> = {
  invoice_number: 'the invoice number (e.g. "N° facture", "Invoice number")',
  due_date: 'the due date (e.g. "Date d\'échéance", "Due date")',
  amount: 'the amount or the outstanding balance (e.g. "Montant TTC", "Reste à payer", "Amount")',
  debtor_name: 'the debtor, by name or customer code (e.g. "Raison sociale", "Code client", "Customer")',
};

/** Throws `import_mapping_incomplete` naming what is missing and listing the headers found. */
export function assertMappingComplete(mapping: ResolvedMapping, fileLabel = 'The file'): void {
  if (mapping.missingRequired.length === 0) return;
  const found = mapping.headers.filter((h) => h.trim() !== '');
  throw new DomainError(
    'import_mapping_incomplete',
    `${fileLabel} lacks a column for ${mapping.missingRequired.map((m) => REQUIREMENT_LABELS[m]).join('; ')}. ` +
      `Columns found: ${found.length > 0 ? found.map((h) => `"${h}"`).join(', ') : 'none'}. ` +
      'Rename the columns or give a mapping file.',
    { reason: 'missing_columns', missing: mapping.missingRequired, headers: found },
  );
}

/** The mapping as stored with an import and shown in a preview: field → header (or null). */
export function describeMapping(mapping: ResolvedMapping): Readonly<Record<ImportField, string | null>> {
  return Object.fromEntries(
    IMPORT_FIELDS.map((f) => {
      const index = mapping.columns[f];
      return [f, index === null ? null : (mapping.headers[index] ?? null)];
    }),
  ) as Record<ImportField, string | null>;
}
