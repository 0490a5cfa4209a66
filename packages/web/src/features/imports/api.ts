import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';
import type { Creditor, Page } from '../../app/api/types.ts';

export type ImportPreview = {
  readonly format: string;
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly headers: readonly string[];
  /** Each field of Relance and the file column it was matched to. */
  readonly mapping: Readonly<Record<string, string | null>>;
  readonly missingRequired: readonly string[];
  readonly dateOrder: string | null;
  readonly decimalSeparator: string | null;
  readonly sampleRows: readonly (readonly unknown[] | Readonly<Record<string, unknown>>)[];
  readonly unmappedHeaders: readonly string[];
};

export type Rejection = {
  readonly row: number;
  readonly column: string | null;
  readonly reason: string;
  readonly message: string;
};

export type ImportResult = {
  readonly importId: string;
  readonly totalRows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
  readonly errorFile: string | null;
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
};

export async function runImport({ file, creditorRef, columns }: RunImportInput): Promise<ImportResult> {
  const form = new FormData();
  // Text fields first: a streaming multipart parser sees them before the file.
  form.set('creditor', creditorRef);
  form.set('mapping', JSON.stringify({ columns }));
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
