import Stripe from 'stripe';
import {
  CheckoutFailed,
  type CheckoutRequest,
  type CheckoutStarted,
  headerValue,
  type PaymentProvider,
  type ProviderEvent,
  WebhookRefused,
} from './payment-provider.ts';
import type { PaymentSettings } from './payment-settings.ts';
import { normaliseStripeEvent, STRIPE_METADATA } from './stripe-events.ts';

export const STRIPE = 'stripe';

/** How long Stripe keeps a Checkout Session open (its default, and its maximum). */
export const STRIPE_CHECKOUT_HOURS = 24;

/** Stripe's own default: a signature older than five minutes is a replay. */
const TOLERANCE_SECONDS = 300;

export type StripeOptions = {
  /** Another base for the API (RELANCE_STRIPE_API_URL: a test server, stripe-mock); the operator's setting. */
  readonly apiBaseUrl?: string | null;
  /** The instant the webhook is checked at (the signature's age is measured from it). */
  readonly now: () => string;
};

function clientOptions(apiBaseUrl: string | null | undefined): Stripe.StripeConfig {
  const base = { maxNetworkRetries: 2, timeout: 20_000 };
  if (!apiBaseUrl) return base;
  const url = new URL(apiBaseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { ...base, host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/**
 * Stripe Checkout through the official SDK: a Checkout Session per attempt, carrying the tenant, case and
 * attempt in its metadata and its PaymentIntent's (so every later event names them), created with the
 * attempt as idempotency key; webhooks checked with the SDK's signature check against the endpoint's secret.
 */
export function stripePaymentProvider(settings: PaymentSettings, options: StripeOptions): PaymentProvider {
  const key = settings.stripeSecretKey;
  return {
    name: STRIPE,
    async startCheckout(request: CheckoutRequest): Promise<CheckoutStarted> {
      // Made here, not with the provider: a webhook only checks a signature, and a client costs its setup.
      const client = key ? new Stripe(key, clientOptions(options.apiBaseUrl)) : null;
      if (!client) throw new CheckoutFailed('Stripe is chosen but its secret key is missing.');
      const metadata = {
        [STRIPE_METADATA.tenant]: request.tenantId,
        [STRIPE_METADATA.caseId]: request.caseId,
        [STRIPE_METADATA.attempt]: request.attemptId,
      };
      const description = `${request.caseSummary.creditorName} — ${request.caseSummary.label}`;
      try {
        const session = await client.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: request.amountMinor,
                  product_data: { name: description },
                },
              },
            ],
            client_reference_id: request.attemptId,
            metadata,
            payment_intent_data: { metadata, description },
            locale: request.locale,
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
          },
          { idempotencyKey: `relance-checkout-${request.attemptId}` },
        );
        if (!session.url) throw new CheckoutFailed('Stripe answered without a checkout address.');
        return {
          providerRef: session.id,
          redirectUrl: session.url,
          expiresAt: new Date(session.expires_at * 1000).toISOString(),
        };
      } catch (error) {
        if (error instanceof CheckoutFailed) throw error;
        if (error instanceof Stripe.errors.StripeError) {
          throw new CheckoutFailed(`Stripe refused the checkout: ${error.message}`, error.code ?? error.type);
        }
        throw new CheckoutFailed(`Stripe could not be reached: ${(error as Error).message}`);
      }
    },
    verifyWebhook(rawBody, headers): ProviderEvent {
      const secret = settings.stripeWebhookSecret;
      if (!secret)
        throw new WebhookRefused(
          'No Stripe webhook signing secret is set for this tenant.',
          'not_configured',
        );
      const signature = headerValue(headers, 'stripe-signature');
      if (!signature) throw new WebhookRefused('The Stripe-Signature header is missing.');
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(
          rawBody,
          signature,
          secret,
          TOLERANCE_SECONDS,
          undefined,
          Date.parse(options.now()),
        );
      } catch (error) {
        throw new WebhookRefused(`The Stripe signature is wrong: ${(error as Error).message}`);
      }
      return normaliseStripeEvent(event, options.now());
    },
  };
}
