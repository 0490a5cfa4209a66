import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl } from '../../app/api/client.ts';

export type PaymentLine = {
  readonly claimId: string | null;
  readonly invoiceNumber: string | null;
  readonly part: 'interest' | 'fees' | 'principal' | 'credit';
  readonly amountMinor: number;
  readonly rule: string;
};

export type Payment = {
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly method: string;
  readonly channel: string;
  readonly provider: string | null;
  readonly receivedOn: string;
  readonly status: 'booked' | 'reversed';
  readonly reference: string | null;
  readonly payerName: string | null;
  readonly creditMinor: number;
  readonly receiptNumber: string;
  readonly receiptDocumentId: string | null;
  readonly recordedAt: string;
  readonly reversedAt: string | null;
  readonly reversalReason: string | null;
  readonly lines: readonly PaymentLine[];
  readonly explanation: readonly string[];
};

export type CasePayments = {
  readonly caseId: string;
  readonly currency: string;
  readonly paidMinor: number;
  readonly creditMinor: number;
  readonly payments: readonly Payment[];
};

export const PAYMENT_METHODS = ['transfer', 'cheque', 'cash', 'card', 'direct_debit', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The case's payments with their allocation; the explanation comes in the reader's language. */
export function casePaymentsQuery(caseId: string, language: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'payments', language],
    queryFn: ({ signal }) =>
      apiRequest<CasePayments>(`/cases/${encodeURIComponent(caseId)}/payments`, { signal }),
  });
}

export function recordCasePayment(
  caseId: string,
  body: {
    readonly amountMinor: number;
    readonly currency: string;
    readonly method: PaymentMethod;
    readonly receivedOn: string;
    readonly reference?: string;
    readonly idempotencyKey: string;
  },
) {
  return apiRequest<{ readonly paymentId: string; readonly repeated: boolean }>(
    `/cases/${encodeURIComponent(caseId)}/payments`,
    { method: 'POST', json: body },
  );
}

export function reverseCasePayment(paymentId: string, reason: string) {
  return apiRequest<{ readonly paymentId: string }>(`/payments/${encodeURIComponent(paymentId)}/reverse`, {
    method: 'POST',
    json: { reason },
  });
}

/** The payment's receipt (quittance) PDF, made on first opening. */
export function receiptUrl(paymentId: string): string {
  return apiUrl(`/payments/${encodeURIComponent(paymentId)}/receipt`);
}
