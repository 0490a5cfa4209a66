import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';

export const PAYMENT_PROVIDERS = ['builtin', 'stripe'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/** `GET /settings/payments`: the secrets are only said to be set. */
export type PaymentSettingsView = {
  readonly provider: PaymentProvider;
  readonly stripeSecretKeySet: boolean;
  readonly stripeMode: 'test' | 'live' | null;
  readonly stripeWebhookSecretSet: boolean;
};

/** A secret omitted keeps the stored one. */
export type PaymentSettingsInput = {
  readonly provider: PaymentProvider;
  readonly stripeSecretKey?: string;
  readonly stripeWebhookSecret?: string;
};

export const paymentSettingsQuery = queryOptions({
  queryKey: ['settings', 'payments'],
  queryFn: ({ signal }) => apiRequest<PaymentSettingsView>('/settings/payments', { signal }),
});

export function savePaymentSettings(input: PaymentSettingsInput): Promise<PaymentSettingsView> {
  return apiRequest('/settings/payments', { method: 'PUT', json: input });
}
