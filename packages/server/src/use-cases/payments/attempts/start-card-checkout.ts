import { DomainError } from '@relance/core';
import { CheckoutFailed, type CheckoutLocale } from '../../../channels/payments/payment-provider.ts';
import { paymentProviderFor } from '../../../channels/payments/payment-provider-for.ts';
import type { AttemptChannel } from '../../../db/schema-payments.ts';
import type { Deps } from '../../../shared/deps.ts';
import { finishAttempt } from './finish-attempt.ts';
import { setAttemptProviderRef } from './set-attempt-provider-ref.ts';
import { startAttempt } from './start-attempt.ts';

export type CardCheckoutInput = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly channel: AttemptChannel;
  /** In the case's currency. */
  readonly amountMinor: number;
  readonly locale: CheckoutLocale;
  /** Where the payer comes back; `{ATTEMPT_ID}` in them is replaced by the attempt's id. */
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly linkId?: string | null;
  readonly details?: Readonly<Record<string, unknown>> | null;
};

export type CardCheckout = {
  readonly attemptId: string;
  readonly provider: string;
  readonly providerRef: string;
  /** Where to send the payer: the provider's card page. */
  readonly redirectUrl: string;
  readonly expiresAt: string;
};

/**
 * A card payment begins: the attempt is started (the funnel counts it even if the provider cannot be
 * reached), the tenant's provider opens its checkout for it, and the attempt keeps the provider's reference.
 * A provider that cannot open one fails the attempt with its words and answers 409.
 */
export async function startCardCheckout(deps: Deps, input: CardCheckoutInput): Promise<CardCheckout> {
  const found = await deps.database.db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['c.currency', 'c.payment_reference', 'c.case_id', 'cr.name as creditor_name'])
    .where('c.tenant_id', '=', input.tenantId)
    .where('c.case_id', '=', input.caseId)
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const provider = await paymentProviderFor(deps, input.tenantId);
  const attemptId = await startAttempt(deps, {
    tenantId: input.tenantId,
    caseId: input.caseId,
    channel: input.channel,
    provider: provider.name,
    amountMinor: input.amountMinor,
    currency: found.currency,
    linkId: input.linkId ?? null,
    details: input.details ?? null,
  });
  const ids = { tenantId: input.tenantId, attemptId };
  try {
    const started = await provider.startCheckout({
      ...ids,
      caseId: input.caseId,
      caseSummary: {
        creditorName: found.creditor_name,
        label: found.payment_reference ?? found.case_id.slice(-8),
      },
      amountMinor: input.amountMinor,
      currency: found.currency,
      locale: input.locale,
      successUrl: input.successUrl.replaceAll('{ATTEMPT_ID}', attemptId),
      cancelUrl: input.cancelUrl.replaceAll('{ATTEMPT_ID}', attemptId),
    });
    await setAttemptProviderRef(deps, { ...ids, providerRef: started.providerRef });
    return { attemptId, provider: provider.name, ...started };
  } catch (error) {
    if (!(error instanceof CheckoutFailed)) throw error;
    await finishAttempt(deps, {
      ...ids,
      status: 'failed',
      failureReason: `checkout not opened: ${error.message}`,
    });
    throw new DomainError('conflict', error.message, {
      reason: 'payment_provider_unavailable',
      provider: provider.name,
    });
  }
}
