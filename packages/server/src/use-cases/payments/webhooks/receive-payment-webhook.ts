import { DomainError } from '@relance/core';
import { type PaymentProviderName, WebhookRefused } from '../../../channels/payments/payment-provider.ts';
import { paymentProviderFor } from '../../../channels/payments/payment-provider-for.ts';
import { webhookPaymentSettings } from '../../../channels/payments/payment-settings.ts';
import type { WebhookEventResult } from '../../../db/schema-payments.ts';
import type { Deps } from '../../../shared/deps.ts';
import { queueProviderEvent } from './record-provider-events.ts';
import { answeringWebhook } from './webhook-pressure.ts';
import { processNextEvent } from './webhook-queue.ts';

export type PaymentWebhook = {
  readonly provider: PaymentProviderName;
  readonly tenantId: string;
  /** The body exactly as received: the signature is over these bytes. */
  readonly rawBody: Buffer;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
};

export type ReceivedWebhook = {
  /** True when this event id was received before: nothing was recorded again. */
  readonly duplicate: boolean;
  /** `pending` until the queue has handled it (the webhook's answer does not wait for the booking). */
  readonly result: WebhookEventResult;
  /** What handling it did, when it was handled here (`handleNow`). */
  readonly detail: string | null;
};

/**
 * A provider's webhook: the tenant must exist, the signature must be right (checked with that tenant's
 * secret for that provider) — else it is refused and nothing is recorded — then the event is recorded once
 * and the provider answered; the queue books it (decision 0012). The built-in card page reports through
 * here too, signed with the tenant's built-in secret, with `handleNow`: the payer is waiting on that page, so
 * its event is handled before the answer.
 */
export function receivePaymentWebhook(
  deps: Deps,
  webhook: PaymentWebhook,
  options: { readonly handleNow?: boolean } = {},
): Promise<ReceivedWebhook> {
  return answeringWebhook(() => receive(deps, webhook, options));
}

async function receive(
  deps: Deps,
  webhook: PaymentWebhook,
  options: { readonly handleNow?: boolean },
): Promise<ReceivedWebhook> {
  const settings = await webhookPaymentSettings(deps.database.db, webhook.tenantId);
  if (!settings) throw new DomainError('not_found', 'Tenant not found.', { reason: 'tenant_not_found' });
  const provider = await paymentProviderFor(deps, webhook.tenantId, webhook.provider, settings);
  let event: ReturnType<typeof provider.verifyWebhook>;
  try {
    event = provider.verifyWebhook(webhook.rawBody, webhook.headers);
  } catch (error) {
    if (!(error instanceof WebhookRefused)) throw error;
    if (error.why === 'not_configured') {
      throw new DomainError('forbidden', error.message, {
        reason: 'payment_webhook_not_configured',
        provider: webhook.provider,
      });
    }
    throw new DomainError('invalid_input', error.message, {
      reason: 'payment_webhook_signature_invalid',
      provider: webhook.provider,
    });
  }
  const input = { tenantId: webhook.tenantId, provider: webhook.provider, event };
  const queued = await queueProviderEvent(deps, input);
  if (!options.handleNow || queued.duplicate) return { ...queued, detail: null };
  const only = { tenantId: webhook.tenantId, provider: webhook.provider, eventId: event.eventId };
  const done = await processNextEvent(deps, webhook.tenantId, { only });
  if (done === null) return { ...queued, detail: null };
  if ('error' in done) return { duplicate: false, result: 'pending', detail: done.error };
  return { duplicate: false, result: done.result, detail: done.detail };
}
