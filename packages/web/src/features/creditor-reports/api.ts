import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl } from '../../app/api/client.ts';

export type ReportFrequency = 'weekly' | 'monthly';

export type ReportSubscription = {
  readonly creditorId: string;
  readonly frequency: ReportFrequency;
  readonly recipients: readonly string[];
  readonly language: 'fr' | 'en';
  readonly active: boolean;
  readonly updatedAt: string;
};

export type CreditorReport = {
  readonly id: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly language: 'fr' | 'en';
  readonly emailTo: string;
  readonly status: 'planned' | 'sending' | 'sent' | 'failed' | 'unconfirmed';
  readonly error: string | null;
  readonly emailedAt: string | null;
  readonly createdAt: string;
};

const base = (creditorId: string) => `/creditors/${encodeURIComponent(creditorId)}`;

export function subscriptionQuery(creditorId: string) {
  return queryOptions({
    queryKey: ['report-subscription', creditorId],
    queryFn: async ({ signal }) =>
      (
        await apiRequest<{ subscription: ReportSubscription | null }>(
          `${base(creditorId)}/report-subscription`,
          { signal },
        )
      ).subscription,
  });
}

export function reportsQuery(creditorId: string) {
  return queryOptions({
    queryKey: ['creditor-reports', creditorId],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: CreditorReport[] }>(`${base(creditorId)}/reports`, { signal })).items,
  });
}

export function saveSubscription(
  creditorId: string,
  input: Omit<ReportSubscription, 'creditorId' | 'updatedAt'>,
): Promise<ReportSubscription> {
  return apiRequest(`${base(creditorId)}/report-subscription`, { method: 'PUT', json: input });
}

export function sendReportNow(creditorId: string): Promise<CreditorReport> {
  return apiRequest(`${base(creditorId)}/reports/send`, { method: 'POST', json: {} });
}

export function previewUrl(creditorId: string, language: 'fr' | 'en'): string {
  return apiUrl(`${base(creditorId)}/report.pdf?language=${language}`);
}

/** "a@x.fr, b@y.fr" → the addresses, blanks left out. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
}
