import { queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../app/api/client.ts';

export const LINE_STATUSES = ['matched', 'review', 'ambiguous', 'unmatched', 'ignored', 'reversal'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export type StatusCounts = Readonly<Record<LineStatus, number>>;

export type Candidate = {
  readonly caseId: string;
  readonly debtorName: string | null;
  readonly outstandingMinor: number | null;
  readonly currency: string | null;
  readonly confidence: number;
  readonly rule: 'rf_reference' | 'invoice_number' | 'issued_reference' | 'amount_name' | 'amount_only';
  /** Why this case, in the reader's language. */
  readonly reason: string;
  readonly claimIds: readonly string[];
};

export type StatementLine = {
  readonly lineId: string;
  readonly importId: string;
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly direction: 'credit' | 'debit';
  readonly reversal: boolean;
  readonly payerName: string | null;
  readonly payerAccount: string | null;
  readonly remittance: string | null;
  readonly endToEndId: string | null;
  readonly creditorReference: string | null;
  readonly returnReason: string | null;
  readonly status: LineStatus;
  readonly caseId: string | null;
  readonly confidence: number | null;
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly candidates: readonly Candidate[];
  readonly paymentId: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
};

export type LinesPage = {
  readonly lines: readonly StatementLine[];
  readonly toFinish: Readonly<Record<'review' | 'ambiguous' | 'unmatched', number>>;
};

export type StatementImport = {
  readonly importId: string;
  readonly fileName: string;
  readonly format: string;
  readonly importedAt: string;
  readonly lineCount: number;
  readonly newCount: number;
  readonly warningCount: number;
  readonly statuses: StatusCounts;
};

export type ImportSummary = {
  readonly importId: string | null;
  readonly fileName: string;
  readonly format: string;
  readonly lineCount: number;
  readonly newCount: number;
  readonly knownCount: number;
  readonly statuses: StatusCounts;
  readonly booked: number;
  readonly reversed: number;
};

export type FoundCase = {
  readonly id: string;
  readonly debtor: { readonly name: string; readonly ref: string };
  readonly creditor: { readonly name: string };
  readonly currency: string;
  readonly outstandingMinor: number;
};

export const RECONCILIATION_KEY = ['reconciliation'] as const;

/** The lines of one status, or by default those left for a person; reasons come in the reader's language. */
export function linesQuery(status: LineStatus | undefined, language: string) {
  return queryOptions({
    queryKey: [...RECONCILIATION_KEY, 'lines', status ?? 'to-finish', language],
    queryFn: ({ signal }) =>
      apiRequest<LinesPage>(`/statements/lines${toQueryString({ status })}`, { signal }),
  });
}

export const importsQuery = queryOptions({
  queryKey: [...RECONCILIATION_KEY, 'imports'],
  queryFn: ({ signal }) =>
    apiRequest<{ readonly imports: readonly StatementImport[] }>('/statements/imports?limit=10', { signal }),
});

/** Cases found by the portfolio's search (debtor's name, reference, invoice number…). */
export function caseSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['cases', 'reconciliation-search', q],
    queryFn: ({ signal }) =>
      apiRequest<{ readonly items: readonly FoundCase[] }>(`/cases${toQueryString({ q, pageSize: 10 })}`, {
        signal,
      }),
    enabled: q.trim().length >= 2,
  });
}

export function uploadStatement(file: File) {
  const form = new FormData();
  form.set('file', file);
  return apiRequest<ImportSummary>('/statements/imports', { method: 'POST', form });
}

export function matchLine(lineId: string, caseId: string, designatedClaimIds?: readonly string[]) {
  return apiRequest<{ readonly paymentId: string }>(`/statements/lines/${encodeURIComponent(lineId)}/match`, {
    method: 'POST',
    json: designatedClaimIds ? { caseId, designatedClaimIds } : { caseId },
  });
}

export function ignoreLine(lineId: string, reason: string) {
  return apiRequest<{ readonly lineId: string }>(`/statements/lines/${encodeURIComponent(lineId)}/ignore`, {
    method: 'POST',
    json: { reason },
  });
}
