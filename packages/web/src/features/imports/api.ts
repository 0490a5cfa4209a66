import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';
import type { Creditor, Page } from '../../app/api/types.ts';

export type ImportPreview = {
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly headers: readonly string[];
  /** Each field of Relance and the file column that fills it. */
  readonly mapping: Readonly<Record<string, string | null>>;
  readonly missingRequired: readonly string[];
  /** 'dmy', 'mdy' or 'ymd'. */
  readonly dateOrder: string;
  readonly decimalSeparator: string;
  /** The first rows, header → value. */
  readonly sampleRows: readonly Readonly<Record<string, string>>[];
  readonly unmappedHeaders: readonly string[];
  /** Every field a column can be mapped to, in the order to show them. */
  readonly fields?: readonly string[];
  /** What an import needs, as the server checks it: each requirement is met by any one of its fields. */
  readonly requirements: Readonly<Record<string, readonly string[]>>;
};

/** A row rejected (or kept with a warning): its line as a spreadsheet shows it, the column, why. */
export type RowIssue = {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  readonly message: string;
};

export type ImportResult = {
  readonly importId: string;
  readonly fileName: string;
  readonly format: string;
  readonly totalRows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rejections: readonly RowIssue[];
  readonly warned?: number;
  readonly warnings?: readonly RowIssue[];
  readonly rejectionsCsvUrl: string | null;
};

export type ImportSummary = {
  readonly id: string;
  readonly creditor: Creditor;
  readonly fileName: string;
  readonly format: string;
  readonly status: 'running' | 'completed' | 'failed';
  readonly totalRows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly hasErrorFile: boolean;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
};

export async function previewImport(file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.set('file', file, file.name);
  return apiRequest<ImportPreview>('/imports/preview', { method: 'POST', form });
}

export type RunImportInput = {
  readonly file: File;
  readonly creditorRef: string;
  readonly columns: Readonly<Record<string, string>>;
  /** As the preview read them, so that the import reads the file the same way. */
  readonly dateOrder: string;
  readonly decimalSeparator: string;
  /** Agency mode: the batch (placement) the new claims are handed over in; that day's by default. */
  readonly placement?: string | undefined;
};

export async function runImport(input: RunImportInput): Promise<ImportResult> {
  const { file, creditorRef, columns, dateOrder, decimalSeparator, placement } = input;
  const form = new FormData();
  form.set('creditor', creditorRef);
  if (placement) form.set('placement', placement);
  form.set('mapping', JSON.stringify({ columns, dateOrder, decimalSeparator }));
  form.set('file', file, file.name);
  return apiRequest<ImportResult>('/imports', { method: 'POST', form });
}

export const IMPORTS_PAGE_SIZE = 20;

export function importsQuery(page: number) {
  const params = { page, pageSize: IMPORTS_PAGE_SIZE };
  return queryOptions({
    queryKey: ['imports', params],
    queryFn: ({ signal }) => apiRequest<Page<ImportSummary>>(`/imports${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function rejectionsCsvUrl(importId: string): string {
  return apiUrl(`/imports/${encodeURIComponent(importId)}/rejections.csv`);
}
