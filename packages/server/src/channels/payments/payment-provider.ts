/**
 * A card-payment provider: it hosts the page where the debtor types the card (card data never touches
 * Relance) and reports the outcome by signed webhooks. Stripe Checkout is the first real one; the built-in
 * provider stands in for it offline (the demo, the browser tests).
 */
export type PaymentProviderName = 'builtin' | 'stripe';
export const PAYMENT_PROVIDERS: readonly PaymentProviderName[] = ['builtin', 'stripe'];

export type CheckoutLocale = 'fr' | 'en';

export type CheckoutRequest = {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly caseId: string;
  /** What the payer reads on the provider's page: the creditor and the case's reference. */
  readonly caseSummary: { readonly creditorName: string; readonly label: string };
  readonly amountMinor: number;
  readonly currency: string;
  readonly locale: CheckoutLocale;
  /** Where the provider sends the payer back after paying, and after giving up. */
  readonly successUrl: string;
  readonly cancelUrl: string;
};

export type CheckoutStarted = {
  /** The provider's id for this checkout (a Checkout Session id, `cs_…`): kept on the attempt. */
  readonly providerRef: string;
  /** Where to send the payer. */
  readonly redirectUrl: string;
  /** When the provider lets the checkout expire (ISO instant). */
  readonly expiresAt: string;
};

export type ProviderEventKind = 'payment_succeeded' | 'payment_failed' | 'checkout_expired' | 'other';

/** What a provider's webhook says, in our words, whatever the provider. */
export type ProviderEvent = {
  /** The provider's event id: each one is handled once. */
  readonly eventId: string;
  /** The provider's own type (`checkout.session.completed`…), kept with the event. */
  readonly type: string;
  readonly kind: ProviderEventKind;
  /** Ours, from the metadata we gave the provider at checkout; null when the event is not one of ours. */
  readonly attemptId: string | null;
  readonly caseId: string | null;
  readonly tenantId: string | null;
  /** The checkout's id (`cs_…`) when the event names it. */
  readonly providerRef: string | null;
  /** The payment's id at the provider (`pi_…`): what the payment is booked under (`stripe:pi_…`). */
  readonly paymentRef: string | null;
  readonly amountMinor: number | null;
  /** ISO 4217, upper case. */
  readonly currency: string | null;
  /** The provider's code and words for a refusal (`card_declined / insufficient_funds: …`). */
  readonly failureReason: string | null;
  readonly occurredAt: string;
};

export type PaymentProvider = {
  readonly name: PaymentProviderName;
  startCheckout(request: CheckoutRequest): Promise<CheckoutStarted>;
  /** Checks the signature over the raw body and reads the event; throws `WebhookRefused` when wrong. */
  verifyWebhook(
    rawBody: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): ProviderEvent;
};

/**
 * A webhook refused before anything is recorded: its signature is missing, wrong or too old, or the tenant
 * has no secret to check it with.
 */
export class WebhookRefused extends Error {
  readonly why: 'signature' | 'not_configured';
  constructor(message: string, why: 'signature' | 'not_configured' = 'signature') {
    super(message);
    this.name = 'WebhookRefused';
    this.why = why;
  }
}

/** The provider could not open a checkout (unreachable, refused the request, not configured). */
export class CheckoutFailed extends Error {
  readonly providerCode: string | null;
  constructor(message: string, providerCode: string | null = null) {
    super(message);
    this.name = 'CheckoutFailed';
    this.providerCode = providerCode;
  }
}

/** A header's single value (Node gives arrays for repeated headers). */
export function headerValue(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
