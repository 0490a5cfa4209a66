import { QueryClient, queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../app/api/client.ts';

/**
 * The debtor's portal speaks to `/api/v1/portal/links/:key/…` only: no staff session, the portal cookie the
 * identity check sets (HttpOnly, for this case). It has its own query client, so that a 401 here asks the
 * identity check again instead of sending the debtor to the staff's sign-in page.
 */
export const portalQueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
    },
  },
});

const base = (key: string) => `/portal/links/${encodeURIComponent(key)}`;

export type PortalState = 'check' | 'open' | 'settled' | 'expired' | 'revoked' | 'locked';

export type OtherWays = {
  readonly beneficiary: string;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly reference: string;
  readonly phone: string | null;
  readonly email: string | null;
};

export type PortalEntry = {
  readonly state: PortalState;
  readonly creditorName: string;
  readonly language: 'fr' | 'en';
  readonly hasBalance: boolean;
  readonly attemptsLeft: number;
  readonly otherWays: OtherWays | null;
};

export type PortalClaim = {
  readonly id: string;
  readonly invoiceNumber: string;
  readonly issueDate: string | null;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  readonly status: 'open' | 'disputed' | 'paid' | 'cancelled';
};

export type PlanFrequency = 'monthly' | 'biweekly' | 'weekly';
export type DateAmount = { readonly dueOn: string; readonly amountMinor: number };
export type PortalContact = {
  readonly id: string;
  readonly kind: 'email' | 'phone';
  readonly masked: string;
  readonly optedOut: boolean;
};

export type PortalCase = {
  readonly reference: string;
  readonly creditorName: string;
  readonly debtor: {
    readonly name: string;
    readonly kind: 'business' | 'consumer';
    readonly language: 'fr' | 'en';
  };
  readonly currency: string;
  readonly claims: readonly PortalClaim[];
  readonly balance: {
    readonly principalMinor: number;
    readonly interestMinor: number;
    readonly feesMinor: number;
    readonly totalMinor: number;
    readonly disputedMinor: number;
    readonly paidMinor: number;
    readonly creditMinor: number;
  };
  readonly interest: {
    readonly regime: 'fr-b2b' | 'fr-legal' | 'eu' | 'uk' | null;
    readonly contractRate: string | null;
  };
  readonly transfer: OtherWays;
  readonly limits: {
    readonly minPaymentMinor: number;
    readonly maxPaymentMinor: number;
    readonly plan: {
      readonly maxInstalments: number;
      readonly maxMonths: number;
      readonly minInstalmentMinor: number;
      readonly minDownPaymentPercent: number;
      readonly allowedFrequencies: readonly PlanFrequency[];
    };
    readonly promiseHorizonDays: number;
  };
  readonly promise: {
    readonly id: string;
    readonly schedule: readonly DateAmount[];
    readonly madeOn: string;
  } | null;
  readonly plan: {
    readonly id: string;
    readonly totalMinor: number;
    readonly agreedOn: string;
    readonly instalments: readonly (DateAmount & {
      readonly seq: number;
      readonly status: 'pending' | 'paid' | 'partly_paid' | 'missed';
      readonly paidMinor: number;
    })[];
  } | null;
  readonly disputes: readonly {
    readonly id: string;
    readonly status: string;
    readonly reason: string;
    readonly amountMinor: number;
    readonly invoiceNumbers: readonly string[];
    readonly documentCount: number;
    readonly openedOn: string;
  }[];
  readonly callback: { readonly at: string } | null;
  readonly contacts: readonly PortalContact[];
  readonly payments: readonly {
    readonly amountMinor: number;
    readonly receivedOn: string;
    readonly method: string;
  }[];
};

export type PortalAttempt = {
  readonly id: string;
  readonly status: 'started' | 'succeeded' | 'failed' | 'abandoned';
  readonly amountMinor: number;
  readonly currency: string;
  readonly paid: boolean;
};

export type PlanViolation = { readonly code: string; readonly message: string };
export type PlanPreview = {
  readonly currency: string;
  readonly totalMinor: number;
  readonly downPaymentMinor: number;
  readonly instalments: readonly (DateAmount & { readonly seq: number })[];
  readonly violations: readonly PlanViolation[];
};
export type PlanRequest = {
  readonly count: number;
  readonly frequency: PlanFrequency;
  readonly firstDueOn?: string;
};

export const entryQuery = (key: string, language: string) =>
  queryOptions({
    queryKey: ['portal', key, 'entry', language],
    queryFn: ({ signal }) => apiRequest<PortalEntry>(base(key), { signal }),
  });

export const caseQuery = (key: string, language: string) =>
  queryOptions({
    queryKey: ['portal', key, 'case', language],
    queryFn: ({ signal }) => apiRequest<PortalCase>(`${base(key)}/case`, { signal }),
  });

export const attemptQuery = (key: string, attemptId: string) =>
  queryOptions({
    queryKey: ['portal', key, 'attempt', attemptId],
    queryFn: ({ signal }) =>
      apiRequest<PortalAttempt>(`${base(key)}/payments/${encodeURIComponent(attemptId)}`, { signal }),
  });

export const slotsQuery = (key: string) =>
  queryOptions({
    queryKey: ['portal', key, 'slots'],
    queryFn: ({ signal }) =>
      apiRequest<{ timeZone: string; slots: readonly string[] }>(`${base(key)}/callback-slots`, { signal }),
  });

export function checkIdentity(key: string, answer: string): Promise<{ expiresAt: string }> {
  return apiRequest(`${base(key)}/check`, { json: { answer } });
}

export function startPayment(
  key: string,
  amountMinor: number,
): Promise<{ attemptId: string; redirectUrl: string }> {
  return apiRequest(`${base(key)}/payments`, { json: { amountMinor } });
}

export function cancelAttempt(key: string, attemptId: string): Promise<PortalAttempt> {
  return apiRequest(`${base(key)}/payments/${encodeURIComponent(attemptId)}/cancel`, {
    method: 'POST',
    json: {},
  });
}

export function promiseToPay(key: string, schedule: readonly DateAmount[]): Promise<unknown> {
  return apiRequest(`${base(key)}/promises`, { json: { schedule } });
}

export function previewPlan(key: string, request: PlanRequest): Promise<PlanPreview> {
  return apiRequest(`${base(key)}/plans/preview`, { json: request });
}

export function agreePlan(key: string, request: PlanRequest): Promise<{ id: string }> {
  return apiRequest(`${base(key)}/plans`, { json: request });
}

export function openDispute(
  key: string,
  input: { readonly reason: string; readonly description?: string; readonly claimIds: readonly string[] },
): Promise<{ id: string }> {
  return apiRequest(`${base(key)}/disputes`, { json: input });
}

export function sendDisputeDocument(key: string, disputeId: string, file: File): Promise<unknown> {
  const form = new FormData();
  form.set('file', file);
  return apiRequest(`${base(key)}/disputes/${encodeURIComponent(disputeId)}/documents`, { form });
}

export function askCallback(key: string, at: string): Promise<{ at: string }> {
  return apiRequest(`${base(key)}/callbacks`, { json: { at } });
}

export function setOptOut(
  key: string,
  contactId: string,
  optedOut: boolean,
): Promise<readonly PortalContact[]> {
  return apiRequest(`${base(key)}/contacts/${encodeURIComponent(contactId)}`, {
    method: 'PUT',
    json: { optedOut },
  });
}

/** What each section of the page needs: the link (for the API) and the case as last read. */
export type SectionProps = { readonly linkKey: string; readonly view: PortalCase };
