import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';

const seg = encodeURIComponent;

/** `POST /cases/:caseId/ivr-transfer`: the IVR's number, a one-time code and the attempt to follow. */
export type IvrTransfer = {
  readonly attemptId: string;
  readonly code: string;
  readonly expiresAt: string;
  readonly phoneNumber: string | null;
  readonly provider: 'builtin' | 'twilio';
};

export function startIvrTransfer(caseId: string): Promise<IvrTransfer> {
  return apiRequest<IvrTransfer>(`/cases/${seg(caseId)}/ivr-transfer`, { method: 'POST', json: {} });
}

/** Where the caller is in the IVR: never a card digit, only the field being keyed and the kind of error. */
export type AttemptStatus = {
  readonly id: string;
  readonly status: 'started' | 'succeeded' | 'failed' | 'abandoned';
  readonly stage: string;
  readonly capture: string | null;
  readonly errorType: string | null;
  readonly failureReason: string | null;
  readonly inputErrors: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly transferCode: string | null;
  readonly transferExpiresAt: string | null;
  readonly updatedAt: string;
};

/** Polled every 2 s while the attempt is open; stops once it has ended. */
export function attemptStatusQuery(caseId: string, attemptId: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'payment-attempt', attemptId],
    queryFn: () => apiRequest<AttemptStatus>(`/cases/${seg(caseId)}/payment-attempts/${seg(attemptId)}`),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'started' ? false : 2_000),
  });
}

export type SimulatedStep = {
  readonly step: string;
  readonly query: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
};

/** `POST /ivr/simulator`: one step of a call to the built-in IVR (demo), signed by the server. */
export async function simulateIvrStep(step: SimulatedStep): Promise<string> {
  return (await apiRequest<{ twiml: string }>('/ivr/simulator', { method: 'POST', json: step })).twiml;
}
