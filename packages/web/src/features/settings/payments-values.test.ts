import { describe, expect, it } from 'vitest';
import { checkPaymentsForm, paymentsFormOf, paymentsInputOf, stripeWebhookUrl } from './payments-values.ts';

const view = {
  provider: 'stripe' as const,
  stripeSecretKeySet: true,
  stripeMode: 'test' as const,
  stripeWebhookSecretSet: false,
};

describe('the card-payment settings form', () => {
  it('starts with the provider and empty secrets; empty secrets are left out of the PUT (kept)', () => {
    const form = paymentsFormOf(view);
    expect(form).toEqual({ provider: 'stripe', stripeSecretKey: '', stripeWebhookSecret: '' });
    expect(paymentsInputOf(form)).toEqual({ provider: 'stripe' });
    expect(paymentsInputOf({ ...form, stripeWebhookSecret: ' whsec_abc ' })).toEqual({
      provider: 'stripe',
      stripeWebhookSecret: 'whsec_abc',
    });
  });

  it('Stripe needs both secrets, new or stored; the built-in provider needs none', () => {
    const form = paymentsFormOf(view);
    expect(checkPaymentsForm(form, { key: true, secret: false })).toEqual({
      stripeWebhookSecret: 'required',
    });
    expect(checkPaymentsForm(form, { key: false, secret: false })).toEqual({
      stripeSecretKey: 'required',
      stripeWebhookSecret: 'required',
    });
    expect(
      checkPaymentsForm({ ...form, stripeWebhookSecret: 'whsec_x' }, { key: true, secret: false }),
    ).toEqual({});
    expect(checkPaymentsForm({ ...form, provider: 'builtin' }, { key: false, secret: false })).toEqual({});
  });

  it('gives the webhook address Stripe must call for the tenant', () => {
    expect(stripeWebhookUrl('https://relance.example', 't-1')).toBe(
      'https://relance.example/api/v1/webhooks/payments/stripe/t-1',
    );
  });
});
