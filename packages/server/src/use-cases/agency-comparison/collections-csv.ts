import { DomainError, isIsoDate, parseAmount, parseDate } from '@relance/core';
import { openCsv } from '../../formats/csv/read-csv.ts';
import type { CollectionLine } from './report-collections.ts';

type Column = 'reference' | 'amount' | 'date' | 'fee' | 'line';

/** The headers an agency's report may use, in French or English (lower case, accents removed). */
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  reference: [
    'reference',
    'ref',
    'payment reference',
    'reference de paiement',
    'invoice',
    'facture',
    'n° facture',
  ],
  amount: ['amount', 'montant', 'collected', 'encaisse', 'montant encaisse'],
  date: ['date', 'collected on', 'date encaissement', "date d'encaissement", 'date d’encaissement'],
  fee: ['fee', 'fees', 'frais', 'commission', 'honoraires'],
  line: ['line', 'line id', 'ligne', 'id'],
};

export type CsvLineError = { readonly row: number; readonly field: Column; readonly text: string };

const plain = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/**
 * Reads an agency's report (CSV, `;` or `,`, UTF-8 or Windows-1252): one line per amount collected, with its
 * reference, amount, day (YYYY-MM-DD or DD/MM/YYYY) and the agency's fee (0 when the column is absent). A row
 * that cannot be read is listed with its row number; nothing of it is booked.
 */
export async function readCollectionsCsv(
  path: string,
  currency: string,
): Promise<{
  readonly lines: readonly (CollectionLine & { readonly row: number })[];
  readonly errors: readonly CsvLineError[];
}> {
  const reader = await openCsv(path, { fileLabel: 'The report' });
  const lines: (CollectionLine & { row: number })[] = [];
  const errors: CsvLineError[] = [];
  let columns: Partial<Record<Column, number>> | null = null;
  try {
    for await (const batch of reader.batches()) {
      for (const row of batch) {
        if (columns === null) {
          columns = headerColumns(row.fields);
          continue;
        }
        if (row.fields.every((f) => f.trim() === '')) continue;
        const cell = (c: Column) =>
          columns?.[c] === undefined ? '' : (row.fields[columns[c] ?? 0] ?? '').trim();
        const amount = parseAmount(cell('amount'), currency);
        const feeText = cell('fee');
        const fee = feeText === '' ? { ok: true as const, value: 0 } : parseAmount(feeText, currency);
        const dateText = cell('date');
        const date = isIsoDate(dateText)
          ? { ok: true as const, value: dateText }
          : parseDate(dateText, 'dmy');
        if (!amount.ok) errors.push({ row: row.row, field: 'amount', text: cell('amount') });
        if (!fee.ok) errors.push({ row: row.row, field: 'fee', text: feeText });
        if (!date.ok) errors.push({ row: row.row, field: 'date', text: dateText });
        if (cell('reference') === '') errors.push({ row: row.row, field: 'reference', text: '' });
        if (!amount.ok || !fee.ok || !date.ok || cell('reference') === '') continue;
        lines.push({
          row: row.row,
          reference: cell('reference'),
          amountMinor: amount.value,
          feeMinor: fee.value,
          collectedOn: date.value,
          lineKey: cell('line') || undefined,
        });
      }
    }
  } finally {
    reader.close();
  }
  return { lines, errors };
}

function headerColumns(fields: readonly string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  for (const [index, field] of fields.entries()) {
    const name = plain(field);
    for (const column of Object.keys(HEADERS) as Column[]) {
      if (columns[column] === undefined && HEADERS[column].some((h) => plain(h) === name))
        columns[column] = index;
    }
  }
  const missing = (['reference', 'amount', 'date'] as const).filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    throw new DomainError('invalid_input', `The report lacks the columns: ${missing.join(', ')}.`, {
      reason: 'agency_report_columns',
      missing,
    });
  }
  return columns;
}
