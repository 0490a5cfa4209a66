import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';
import type { Localized } from '../../app/api/types.ts';

export const POSTAL_KINDS = ['letter', 'registered_letter', 'formal_notice'] as const;
export const POSTAL_STATUSES = [
  'to_print',
  'printed',
  'posted',
  'delivered',
  'returned',
  'unclaimed',
] as const;
export const TRACKED_STATUSES = ['posted', 'delivered', 'returned', 'unclaimed'] as const;
export type PostalStatus = (typeof POSTAL_STATUSES)[number];
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

export type PostalItem = {
  readonly itemId: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly kind: (typeof POSTAL_KINDS)[number];
  readonly reference: string;
  readonly status: PostalStatus;
  readonly statusOn: string | null;
  readonly trackingNumber: string | null;
  readonly batchId: string | null;
  readonly documentId: string;
  readonly proofDocumentId: string | null;
  readonly createdAt: string;
};

export type PrintBatch = {
  readonly batchId: string;
  readonly on: string;
  readonly letters: number;
  readonly createdAt: string;
};

export type TrackingImport = {
  readonly applied: number;
  readonly unchanged: number;
  readonly rejected: readonly {
    readonly line: number;
    readonly reason: string;
    readonly message: Localized;
    readonly raw: string;
  }[];
};

export const postalItemsQuery = (status?: PostalStatus) =>
  queryOptions({
    queryKey: ['postal-items', status ?? 'all'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: readonly PostalItem[] }>(`/postal-items${toQueryString({ status })}`, { signal }),
  });

export const printBatchesQuery = queryOptions({
  queryKey: ['print-batches'],
  queryFn: ({ signal }) => apiRequest<{ items: readonly PrintBatch[] }>('/print-batches', { signal }),
});

export function buildPrintBatch(): Promise<{
  batch: { batchId: string; letters: number; pages: number } | null;
}> {
  return apiRequest('/print-batches', { method: 'POST', json: {} });
}

export function updatePostalItem(
  itemId: string,
  change: { trackingNumber?: string | null; status?: TrackedStatus; on?: string },
): Promise<PostalItem> {
  return apiRequest(`/postal-items/${encodeURIComponent(itemId)}`, { method: 'PATCH', json: change });
}

export function importTracking(csv: string): Promise<TrackingImport> {
  return apiRequest('/postal-items/tracking', { method: 'POST', json: { csv } });
}

export function uploadProof(itemId: string, file: File): Promise<{ documentId: string }> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest(`/postal-items/${encodeURIComponent(itemId)}/proof`, { method: 'POST', form });
}

export const batchFileUrl = (batchId: string, file: 'letters.pdf' | 'manifest.csv') =>
  apiUrl(`/print-batches/${encodeURIComponent(batchId)}/${file}`);
export const documentUrl = (documentId: string) => apiUrl(`/documents/${encodeURIComponent(documentId)}`);
