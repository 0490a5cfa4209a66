import type { ClientErrors } from './party-values.ts';
import type { PaymentProvider, PaymentSettingsInput, PaymentSettingsView } from './payments-api.ts';

export type PaymentsForm = {
  readonly provider: PaymentProvider;
  /** A new key; empty keeps the stored one. */
  readonly stripeSecretKey: string;
  /** A new signing secret; empty keeps the stored one. */
  readonly stripeWebhookSecret: string;
};
export type PaymentsField = 'stripeSecretKey' | 'stripeWebhookSecret';
export const PAYMENTS_FIELDS: readonly PaymentsField[] = ['stripeSecretKey', 'stripeWebhookSecret'];

export function paymentsFormOf(view: PaymentSettingsView): PaymentsForm {
  return { provider: view.provider, stripeSecretKey: '', stripeWebhookSecret: '' };
}

/** The body of the PUT: an empty secret is left out, which keeps the stored one. */
export function paymentsInputOf(form: PaymentsForm): PaymentSettingsInput {
  const key = form.stripeSecretKey.trim();
  const secret = form.stripeWebhookSecret.trim();
  return {
    provider: form.provider,
    ...(key === '' ? {} : { stripeSecretKey: key }),
    ...(secret === '' ? {} : { stripeWebhookSecret: secret }),
  };
}

/** What Stripe needs (the server's list): a secret key and the webhook's signing secret, new or stored. */
export function checkPaymentsForm(
  form: PaymentsForm,
  stored: { readonly key: boolean; readonly secret: boolean },
): ClientErrors<PaymentsField> {
  if (form.provider !== 'stripe') return {};
  return {
    ...(form.stripeSecretKey.trim() === '' && !stored.key ? { stripeSecretKey: 'required' as const } : {}),
    ...(form.stripeWebhookSecret.trim() === '' && !stored.secret
      ? { stripeWebhookSecret: 'required' as const }
      : {}),
  };
}

/** The address to give Stripe for the tenant's webhook endpoint. */
export function stripeWebhookUrl(origin: string, tenantId: string): string {
  return `${origin}/api/v1/webhooks/payments/stripe/${encodeURIComponent(tenantId)}`;
}
