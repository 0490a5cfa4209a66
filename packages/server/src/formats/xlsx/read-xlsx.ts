import { DomainError } from '@relance/core';
import { readSheet } from 'read-excel-file/node';
import type { TableRow } from '../csv/read-csv.ts';
import { formatCsvLine } from '../csv/write.ts';

export type XlsxReadOptions = {
  /** A sheet name or 1-based number; the first sheet by default. */
  readonly sheet?: string | number | undefined;
  readonly fileLabel?: string | undefined;
};

export type XlsxTable = {
  readonly sheet: string | number;
  readonly rows: readonly TableRow[];
};

/**
 * Reads one sheet of an .xlsx workbook into rows of text, like a CSV: numbers as plain decimals written
 * with a '.' (rounded to the 15 significant digits Excel shows, so 0.1 + 0.2 is '0.3'), dates as
 * 'YYYY-MM-DD' (Excel dates have no zone: read in UTC), booleans as 'true'/'false'.
 * The workbook is read whole (XLSX is a ZIP: it cannot be streamed row by row with this library).
 */
export async function readXlsx(input: string | Buffer, options: XlsxReadOptions = {}): Promise<XlsxTable> {
  const fileLabel = options.fileLabel ?? (typeof input === 'string' ? input : 'The workbook');
  const sheet = options.sheet ?? 1;
  let data: unknown[][];
  try {
    // Numbers come back as the text stored in the sheet, tagged, so that a text cell '00042' stays text.
    data = (await readSheet<StoredNumber>(input, sheet, {
      parseNumber: (stored: string) => new StoredNumber(stored),
      trim: false,
    })) as unknown[][];
  } catch (error) {
    const reason = (error as Error).name === 'SheetNotFoundError' ? 'sheet_not_found' : 'invalid_xlsx';
    throw new DomainError(
      'import_unreadable',
      `${fileLabel} cannot be read as an Excel workbook: ${(error as Error).message}.`,
      { reason },
    );
  }
  const rows = data.map((cells, index): TableRow => {
    const fields = cells.map(cellText);
    return { fields, line: index + 1, row: index + 1, raw: formatCsvLine(fields, ';') };
  });
  return { sheet, rows };
}

/** A numeric cell as written in the sheet XML. */
class StoredNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof StoredNumber) return excelNumberText(value.text);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/**
 * A number as stored in the sheet XML ('1234.5699999999999', '1E-3') → the decimal Excel displays, rounded
 * to 15 significant digits, without exponent. String arithmetic only: never through a binary float.
 */
export function excelNumberText(stored: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(stored.trim());
  if (!m) return stored;
  const [, sign = '', intPart = '', fracPart = '', exponent = '0'] = m;
  let digits = intPart + fracPart;
  let point = intPart.length + Number(exponent);
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead);
  point -= lead;
  if (digits === '') return '0';
  if (digits.length > 15) {
    const up = digits.charCodeAt(15) >= 53;
    digits = digits.slice(0, 15);
    if (up) {
      const bumped = incrementDigits(digits);
      if (bumped.length > digits.length) point++;
      digits = bumped.slice(0, 15);
    }
  }
  const integer = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  const fraction = (point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits).replace(/0+$/, '');
  const text = fraction === '' ? integer : `${integer}.${fraction}`;
  return sign === '-' && /[1-9]/.test(text) ? `-${text}` : text;
}

function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}
