import { Temporal } from 'temporal-polyfill';
import { type CardEntry, decideCard } from '../../../channels/payments/builtin-card.ts';
import type { CheckoutPage } from '../../../channels/payments/builtin-checkout-page.ts';
import {
  BUILTIN,
  type BuiltinSession,
  builtinCheckoutPath,
  builtinSessionTenant,
  openBuiltinSession,
  signBuiltinEvent,
} from '../../../channels/payments/builtin-provider.ts';
import type { ProviderEvent } from '../../../channels/payments/payment-provider.ts';
import { existingBuiltinSecret } from '../../../channels/payments/payment-settings.ts';
import { newId } from '../../../db/ids.ts';
import type { Deps } from '../../../shared/deps.ts';
import { receivePaymentWebhook } from '../webhooks/receive-payment-webhook.ts';
import { countInputError } from './count-input-error.ts';

/** What the card page answers: a page (with its HTTP status) or a redirection back to the payer's side. */
export type CheckoutAnswer =
  | { readonly kind: 'page'; readonly status: number; readonly page: CheckoutPage }
  | { readonly kind: 'redirect'; readonly url: string };

type Opened = { readonly session: BuiltinSession; readonly secret: string; readonly status: string };

const closed = (locale: 'fr' | 'en' = 'fr', backUrl: string | null = null): CheckoutAnswer => ({
  kind: 'page',
  status: 410,
  page: { kind: 'closed', locale, backUrl },
});

/** The session behind the page's address, when it is genuine, for this attempt, and the attempt exists. */
async function open(deps: Deps, attemptId: string, token: string): Promise<Opened | null> {
  const tenantId = builtinSessionTenant(token);
  if (!tenantId) return null;
  const secret = await existingBuiltinSecret(deps.database.db, tenantId);
  const session = secret ? openBuiltinSession(secret, token, attemptId) : null;
  if (!secret || !session) return null;
  const attempt = await deps.database.db
    .selectFrom('payment_attempts')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attemptId)
    .where('provider', '=', BUILTIN)
    .executeTakeFirst();
  return attempt ? { session, secret, status: attempt.status } : null;
}

/** An open page's state: paid already (back to the payer's side), closed, or the form. */
function state(deps: Deps, opened: Opened): CheckoutAnswer | null {
  const { session, status } = opened;
  if (status === 'succeeded') return { kind: 'redirect', url: session.successUrl };
  if (status === 'abandoned' || deps.clock.now() >= session.expiresAt) {
    return closed(session.locale, session.cancelUrl);
  }
  return null;
}

function form(opened: Opened, token: string, status: number, error: CheckoutPageError): CheckoutAnswer {
  const { session } = opened;
  return {
    kind: 'page',
    status,
    page: {
      kind: 'form',
      locale: session.locale,
      creditorName: session.creditorName,
      label: session.label,
      amountMinor: session.amountMinor,
      currency: session.currency,
      action: builtinCheckoutPath(session.attemptId),
      session: token,
      error,
    },
  };
}

type CheckoutPageError = Extract<CheckoutPage, { kind: 'form' }>['error'];

export async function showBuiltinCheckout(
  deps: Deps,
  attemptId: string,
  token: string,
): Promise<CheckoutAnswer> {
  const opened = await open(deps, attemptId, token);
  if (!opened) return closed();
  return state(deps, opened) ?? form(opened, token, 200, null);
}

/**
 * What the payer submitted on the card page: a mistake is counted on the attempt and shown; a decline or a
 * payment is reported as the provider's event, signed with the tenant's built-in secret and received through
 * the webhook path (so the attempt and the booking follow the same code as Stripe's). Nothing typed is kept.
 */
export async function submitBuiltinCheckout(
  deps: Deps,
  input: {
    readonly attemptId: string;
    readonly token: string;
    readonly action: 'pay' | 'cancel';
    readonly card: CardEntry;
  },
): Promise<CheckoutAnswer> {
  const opened = await open(deps, input.attemptId, input.token);
  if (!opened) return closed();
  const settled = state(deps, opened);
  if (settled) return settled;
  const { session } = opened;
  if (input.action === 'cancel') {
    await report(deps, opened, {
      kind: 'checkout_expired',
      type: 'checkout.cancelled',
      failureReason: 'cancelled by the payer',
    });
    return { kind: 'redirect', url: session.cancelUrl };
  }
  const today = Temporal.Instant.from(deps.clock.now())
    .toZonedDateTimeISO('Europe/Paris')
    .toPlainDate()
    .toString();
  const outcome = decideCard(input.card, today);
  switch (outcome.kind) {
    case 'input_error':
      await countInputError(deps, { tenantId: session.tenantId, attemptId: session.attemptId });
      return form(opened, input.token, 422, outcome.error);
    case 'declined':
      await report(deps, opened, {
        kind: 'payment_failed',
        type: 'payment.failed',
        failureReason: `${outcome.code} / ${outcome.decline}: ${outcome.message}`,
      });
      return form(
        opened,
        input.token,
        402,
        outcome.decline === 'insufficient_funds' ? 'insufficient_funds' : 'declined',
      );
    case 'paid':
      await report(deps, opened, {
        kind: 'payment_succeeded',
        type: 'payment.succeeded',
        failureReason: null,
      });
      return { kind: 'redirect', url: session.successUrl };
  }
}

async function report(
  deps: Deps,
  opened: Opened,
  what: Pick<ProviderEvent, 'kind' | 'type' | 'failureReason'>,
): Promise<void> {
  const { session, secret } = opened;
  const now = deps.clock.now();
  const event: ProviderEvent = {
    eventId: `bevt_${newId().replaceAll('-', '')}`,
    ...what,
    attemptId: session.attemptId,
    caseId: session.caseId,
    tenantId: session.tenantId,
    providerRef: session.providerRef,
    paymentRef: what.kind === 'payment_succeeded' ? `bpi_${session.attemptId.replaceAll('-', '')}` : null,
    amountMinor: session.amountMinor,
    currency: session.currency,
    occurredAt: now,
  };
  const signed = signBuiltinEvent(secret, event, now);
  await receivePaymentWebhook(
    deps,
    { provider: BUILTIN, tenantId: session.tenantId, ...signed },
    { handleNow: true },
  );
}
