import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';

export type CreditorRef = { readonly id: string; readonly ref: string; readonly name: string };

export type CommissionRule =
  | { readonly kind: 'flat'; readonly rate: string }
  | {
      readonly kind: 'age';
      readonly measuredAt: 'placement' | 'payment';
      readonly bands: readonly { readonly fromDays: number; readonly rate: string }[];
    }
  | {
      readonly kind: 'amount';
      readonly bands: readonly { readonly fromMinor: number; readonly rate: string }[];
    };

export type MandateTerms = {
  readonly signedOn: string;
  readonly commission: CommissionRule;
  readonly vatRate: string;
  readonly feeSettlement: 'deduct' | 'invoice';
  readonly allowedStrategies: readonly string[];
  readonly planLimits: { readonly maxInstalments: number; readonly minInstalmentMinor: number };
  readonly remittance: {
    readonly frequency: 'monthly' | 'fortnightly' | 'weekly';
    readonly delayDays: number;
  };
  readonly scope: string;
  readonly powerToReceiveFunds: boolean;
};

export type Mandate = {
  readonly creditor: CreditorRef;
  readonly terms: MandateTerms;
  readonly version: number;
  readonly updatedAt: string;
};

export type Placement = {
  readonly placementId: string;
  readonly creditor: CreditorRef;
  readonly label: string;
  readonly placedOn: string;
  readonly claimCount: number;
  readonly amountMinor: number;
  readonly currency: string;
};

export type Remittance = {
  readonly remittanceId: string;
  readonly creditor: CreditorRef;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly currency: string;
  readonly paymentCount: number;
  readonly collectedMinor: number;
  readonly commissionMinor: number;
  readonly vatMinor: number;
  readonly netMinor: number;
  readonly invoicedMinor: number;
  readonly dueOn: string;
  readonly status: 'draft' | 'issued' | 'paid';
  readonly paidAt: string | null;
  readonly email: { readonly status: string; readonly to: string | null; readonly sentAt: string | null };
};

export type OutsideAgency = {
  readonly agencyId: string;
  readonly key: string;
  readonly name: string;
  readonly legalId: string | null;
  readonly email: string | null;
  readonly commissionRate: string;
  readonly vatRate: string;
  readonly share: number;
  readonly active: boolean;
};

export type Handover = {
  readonly handoverId: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly agencyId: string;
  readonly creditorId: string;
  readonly handedOn: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly recalledOn: string | null;
  readonly actionId: string | null;
};

export type RatioView = {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: string | null;
};

export type AgencyFigures = {
  readonly cases: number;
  readonly handedMinor: number;
  readonly collectedMinor: number;
  readonly feesMinor: number;
  readonly netMinor: number;
  readonly recoveryByAmount: RatioView;
  readonly recoveryByCount: RatioView;
  readonly medianDaysToFirstPayment: number | null;
  readonly medianDaysToFullPayment: number | null;
  readonly costPer100Minor: number | null;
};

export type Comparison = {
  readonly agencies: readonly {
    readonly agency: { readonly agencyId: string; readonly key: string; readonly name: string };
    readonly currency: string;
    readonly figures: AgencyFigures;
  }[];
  readonly byMonth: readonly {
    readonly month: string;
    readonly agencyId: string;
    readonly currency: string;
    readonly figures: AgencyFigures;
  }[];
};

export type CollectionsReport = {
  readonly booked: number;
  readonly repeated: number;
  readonly refused: number;
  readonly lines: readonly { readonly status: string; readonly row?: number; readonly message?: string }[];
  readonly unreadable?: readonly { readonly row: number; readonly field: string; readonly text: string }[];
};

export const mandatesQuery = queryOptions({
  queryKey: ['agency', 'mandates'],
  queryFn: async ({ signal }) => (await apiRequest<{ items: Mandate[] }>('/mandates', { signal })).items,
});

export const placementsQuery = queryOptions({
  queryKey: ['agency', 'placements'],
  queryFn: async ({ signal }) => (await apiRequest<{ items: Placement[] }>('/placements', { signal })).items,
});

export const remittancesQuery = queryOptions({
  queryKey: ['agency', 'remittances'],
  queryFn: async ({ signal }) =>
    (await apiRequest<{ items: Remittance[] }>('/remittances', { signal })).items,
});

export const outsideAgenciesQuery = queryOptions({
  queryKey: ['agency', 'outside'],
  queryFn: async ({ signal }) =>
    (await apiRequest<{ items: OutsideAgency[] }>('/agencies', { signal })).items,
});

/** The cases still with an outside agency, newest first. */
export const openHandoversQuery = queryOptions({
  queryKey: ['agency', 'handovers', 'open'],
  queryFn: async ({ signal }) =>
    (await apiRequest<{ items: Handover[] }>('/agency-handovers?status=open', { signal })).items,
});

export function comparisonQuery(filter: { readonly from?: string; readonly to?: string }) {
  return queryOptions({
    queryKey: ['agency', 'comparison', filter],
    queryFn: ({ signal }) =>
      apiRequest<Comparison>(`/agencies/comparison${toQueryString(filter)}`, { signal }),
  });
}

export function saveMandate(creditorId: string, terms: MandateTerms): Promise<Mandate> {
  return apiRequest(`/creditors/${encodeURIComponent(creditorId)}/mandate`, { method: 'PUT', json: terms });
}

export function closePeriod(period: string): Promise<{ statements: readonly Remittance[] }> {
  return apiRequest('/remittances/close', { method: 'POST', json: { period } });
}

export function markPaid(remittanceId: string): Promise<Remittance> {
  return apiRequest(`/remittances/${encodeURIComponent(remittanceId)}/paid`, { method: 'POST' });
}

export function sendAgain(remittanceId: string): Promise<Remittance> {
  return apiRequest(`/remittances/${encodeURIComponent(remittanceId)}/email`, { method: 'POST' });
}

export function remittancePdfUrl(remittanceId: string, language: 'fr' | 'en'): string {
  return apiUrl(`/remittances/${encodeURIComponent(remittanceId)}/pdf?language=${language}`);
}

export function saveOutsideAgency(input: Omit<OutsideAgency, 'agencyId'>): Promise<OutsideAgency> {
  return apiRequest('/agencies', { method: 'POST', json: input });
}

export function recallHandover(handoverId: string): Promise<Handover> {
  return apiRequest(`/agency-handovers/${encodeURIComponent(handoverId)}/recall`, {
    method: 'POST',
    json: {},
  });
}

export function importAgencyReport(agencyId: string, file: File): Promise<CollectionsReport> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest(`/agencies/${encodeURIComponent(agencyId)}/collections/csv`, { method: 'POST', form });
}
