import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl } from '../../app/api/client.ts';

const seg = encodeURIComponent;

export type DisputeInput = {
  readonly reason: string;
  readonly description?: string;
  /** An amount left out is what is still undisputed of the claim. */
  readonly claims: readonly { readonly claimId: string; readonly amountMinor?: number }[];
  readonly ownerId?: string;
  readonly deadlineOn?: string;
};

export type DisputeDocument = {
  readonly documentId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly addedAt: string;
};

export type DisputeView = {
  readonly id: string;
  readonly status: string;
  readonly reason: string;
  readonly description?: string | null;
  readonly deadlineOn?: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly openedVia: string;
  readonly resolution: string | null;
  readonly claims: readonly {
    readonly claimId: string;
    readonly invoiceNumber: string;
    readonly amountMinor: number;
  }[];
  readonly documents: readonly DisputeDocument[];
};

export function createDispute(caseId: string, input: DisputeInput): Promise<DisputeView> {
  return apiRequest<DisputeView>(`/cases/${seg(caseId)}/disputes`, { method: 'POST', json: input });
}

export function caseDisputesQuery(caseId: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'disputes'],
    queryFn: ({ signal }) => apiRequest<readonly DisputeView[]>(`/cases/${seg(caseId)}/disputes`, { signal }),
  });
}

/** One supporting document kept with the dispute (journaled as evidence); the server checks its size again. */
export function uploadDisputeDocument(disputeId: string, file: File): Promise<DisputeView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<DisputeView>(`/disputes/${seg(disputeId)}/documents`, { method: 'POST', form });
}

/** The document as kept (the evidence download, scoped to the caller's tenant and creditor). */
export function disputeDocumentUrl(documentId: string): string {
  return apiUrl(`/documents/${seg(documentId)}`);
}

export type UploadFailure = { readonly name: string; readonly error: unknown };

/** The dispute opened, then each file sent in turn: one refused file does not stop the others. */
export async function openDisputeWithDocuments(
  caseId: string,
  input: DisputeInput,
  files: readonly File[],
): Promise<{ readonly dispute: DisputeView; readonly failures: readonly UploadFailure[] }> {
  let dispute = await createDispute(caseId, input);
  const failures: UploadFailure[] = [];
  for (const file of files) {
    try {
      dispute = await uploadDisputeDocument(dispute.id, file);
    } catch (error) {
      failures.push({ name: file.name, error });
    }
  }
  return { dispute, failures };
}
