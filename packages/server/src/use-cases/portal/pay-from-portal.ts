import { DomainError, formatMoney, type Language } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { startCardCheckout } from '../payments/attempts/start-card-checkout.ts';
import { checkPortalAccess } from './portal-access.ts';
import { getPortalCase } from './portal-case.ts';

export type StartedPortalPayment = {
  readonly attemptId: string;
  /** The provider's card page: card data never reaches Relance. */
  readonly redirectUrl: string;
};

/**
 * The debtor pays all or part of the balance by card: an attempt begins (the funnel's "started", channel
 * 'portal', tied to the link), the tenant's provider opens its checkout, and the debtor is sent there. The
 * provider brings them back to `<returnTo>?attempt=…&outcome=success|cancel`; the payment itself is booked
 * by the provider's signed event, not by the return. A checkout that cannot open fails the attempt (409).
 */
export async function payFromPortal(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  input: { readonly amountMinor: number; readonly locale: Language; readonly returnTo: string },
): Promise<StartedPortalPayment> {
  const access = await checkPortalAccess(deps, key, cookie);
  const view = await getPortalCase(deps, key, cookie);
  const { minPaymentMinor, maxPaymentMinor } = view.limits;
  if (maxPaymentMinor <= 0) {
    throw new DomainError('conflict', 'Nothing is owed on this case any more.', { reason: 'portal_settled' });
  }
  if (
    !Number.isSafeInteger(input.amountMinor) ||
    input.amountMinor < minPaymentMinor ||
    input.amountMinor > maxPaymentMinor
  ) {
    throw new DomainError('invalid_input', 'The amount is out of range.', {
      reason: 'portal_amount_out_of_range',
      field: 'amountMinor',
      min: formatMoney(minPaymentMinor, view.currency, input.locale),
      max: formatMoney(maxPaymentMinor, view.currency, input.locale),
    });
  }
  const back = (outcome: 'success' | 'cancel') => `${input.returnTo}?attempt={ATTEMPT_ID}&outcome=${outcome}`;
  const started = await startCardCheckout(deps, {
    tenantId: access.tenantId,
    caseId: access.caseId,
    channel: 'portal',
    amountMinor: input.amountMinor,
    locale: input.locale,
    successUrl: back('success'),
    cancelUrl: back('cancel'),
    linkId: access.linkId,
    details: { balanceMinor: maxPaymentMinor, whole: input.amountMinor === maxPaymentMinor },
  });
  return { attemptId: started.attemptId, redirectUrl: started.redirectUrl };
}
