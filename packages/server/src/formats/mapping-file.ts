import { readFile } from 'node:fs/promises';
import { DomainError } from '@relance/core';
import { z } from 'zod';
import { TEXT_ENCODINGS, type TextEncoding } from './csv/decode.ts';
import type { Delimiter } from './csv/parse.ts';
import { IMPORT_FIELDS, isImportField } from './import-fields.ts';

const ENCODING_ALIASES: Readonly<Record<string, TextEncoding>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso-8859-15': 'windows-1252',
  latin1: 'windows-1252',
  ansi: 'windows-1252',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

const DELIMITER_ALIASES: Readonly<Record<string, Delimiter>> = {
  ';': ';',
  ',': ',',
  '\t': '\t',
  tab: '\t',
  '|': '|',
};

/**
 * A mapping file: what a person states about a file so that nothing is guessed. Every key is optional;
 * what is given overrides detection. A column mapped to null is ignored even if its header is recognised.
 */
export const mappingFileSchema = z.strictObject({
  columns: z.record(z.string(), z.string().min(1).nullable()).optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  decimalSeparator: z.enum([',', '.']).optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as EUR')
    .transform((c) => c.toUpperCase())
    .optional(),
  debtorKind: z.enum(['business', 'consumer']).optional(),
  delimiter: z
    .string()
    .refine((d) => d.toLowerCase() in DELIMITER_ALIASES, 'one of ";", ",", "tab", "|"')
    .transform((d) => DELIMITER_ALIASES[d.toLowerCase()]!)
    .optional(),
  encoding: z
    .string()
    .refine((e) => e.toLowerCase() in ENCODING_ALIASES, `one of ${TEXT_ENCODINGS.join(', ')}`)
    .transform((e) => ENCODING_ALIASES[e.toLowerCase()]!)
    .optional(),
  /** XLSX: the sheet to read, by name or 1-based number; the first one by default. */
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
});

export type MappingFile = z.output<typeof mappingFileSchema>;
/** What a caller may pass (before aliases are resolved), e.g. straight from JSON. */
export type MappingFileInput = z.input<typeof mappingFileSchema>;

/**
 * Validates a mapping (parsed JSON). Throws `invalid_input` naming every problem: unknown keys, unknown
 * field names in `columns` (with the list of valid ones), bad values.
 */
export function parseMappingFile(value: unknown, label = 'The mapping file'): MappingFile {
  const parsed = mappingFileSchema.safeParse(value);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      problems.push(`${where}: ${issue.message}`);
    }
  }
  const columns =
    typeof value === 'object' && value !== null && 'columns' in value
      ? (value as { columns: unknown }).columns
      : null;
  if (typeof columns === 'object' && columns !== null) {
    const unknown = Object.keys(columns).filter((k) => !isImportField(k));
    if (unknown.length > 0) {
      problems.push(
        `columns: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; ` +
          `the fields are ${IMPORT_FIELDS.join(', ')}`,
      );
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new DomainError('invalid_input', `${label} is not valid: ${problems.join('; ')}.`, {
      reason: 'invalid_mapping_file',
      problems,
    });
  }
  return parsed.data;
}

/** Reads and validates a mapping file from disk (JSON). */
export async function readMappingFile(path: string): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DomainError(
      'invalid_input',
      `The mapping file ${path} cannot be read: ${(error as Error).message}`,
      {
        reason: 'mapping_file_unreadable',
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DomainError(
      'invalid_input',
      `The mapping file ${path} is not JSON: ${(error as Error).message}`,
      {
        reason: 'invalid_mapping_file',
      },
    );
  }
  return parseMappingFile(json, `The mapping file ${path}`);
}
