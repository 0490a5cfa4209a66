import { DomainError } from '@relance/core';
import { type PaymentProviderName, WebhookRefused } from '../../../channels/payments/payment-provider.ts';
import { paymentProviderFor } from '../../../channels/payments/payment-provider-for.ts';
import { readTenantPaymentSettings } from '../../../channels/payments/payment-settings.ts';
import type { Deps } from '../../../shared/deps.ts';
import { type HandledEvent, handleProviderEvent } from './handle-provider-event.ts';

export type PaymentWebhook = {
  readonly provider: PaymentProviderName;
  readonly tenantId: string;
  /** The body exactly as received: the signature is over these bytes. */
  readonly rawBody: Buffer;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
};

/**
 * A provider's webhook: the tenant must exist, the signature must be right (checked with that tenant's
 * secret for that provider) — else it is refused and nothing is recorded — then the event is handled once.
 * The built-in card page reports through here too, signed with the tenant's built-in secret.
 */
export async function receivePaymentWebhook(deps: Deps, webhook: PaymentWebhook): Promise<HandledEvent> {
  const settings = await readTenantPaymentSettings(deps.database.db, webhook.tenantId);
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
  return handleProviderEvent(deps, { tenantId: webhook.tenantId, provider: webhook.provider, event });
}
