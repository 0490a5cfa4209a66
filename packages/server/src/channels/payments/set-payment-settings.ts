import { DomainError } from '@relance/core';
import { saveTenantSetting } from '../../db/tenant-settings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../../use-cases/access/audit.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import {
  forgetWebhookSettings,
  PAYMENT_SETTING,
  type PaymentSettings,
  readPaymentSettings,
} from './payment-settings.ts';

/** The settings as the API shows them: the secrets are only said to be set, never returned. */
export type PaymentSettingsView = {
  readonly provider: PaymentSettings['provider'];
  readonly stripeSecretKeySet: boolean;
  /** The key's mode, read from its prefix, so that a person sees a test key left in production. */
  readonly stripeMode: 'test' | 'live' | null;
  readonly stripeWebhookSecretSet: boolean;
};

export type PaymentSettingsInput = {
  readonly provider: PaymentSettings['provider'];
  /** A new key; omitted or null keeps the stored one. */
  readonly stripeSecretKey?: string | null;
  /** A new signing secret; omitted or null keeps the stored one. */
  readonly stripeWebhookSecret?: string | null;
};

const isSet = (value: string | null): value is string => value !== null && value !== '';

function view(settings: PaymentSettings): PaymentSettingsView {
  const key = settings.stripeSecretKey;
  return {
    provider: settings.provider,
    stripeSecretKeySet: isSet(key),
    stripeMode: !isSet(key) ? null : key.includes('_live_') ? 'live' : 'test',
    stripeWebhookSecretSet: isSet(settings.stripeWebhookSecret),
  };
}

export async function getPaymentSettings(deps: Deps, actor: Actor): Promise<PaymentSettingsView> {
  requirePermission(actor, 'strategies:read');
  return view(await readPaymentSettings(deps.database.db, actor.tenantId));
}

/** Chooses the card provider; Stripe needs its secret key and the webhook's signing secret. Admins only. */
export async function setPaymentSettings(
  deps: Deps,
  actor: Actor,
  input: PaymentSettingsInput,
): Promise<PaymentSettingsView> {
  requirePermission(actor, 'users:manage');
  const now = deps.clock.now();
  const saved = await deps.database.db.transaction().execute(async (trx) => {
    const current = await readPaymentSettings(trx, actor.tenantId);
    const next: PaymentSettings = {
      provider: input.provider,
      stripeSecretKey: input.stripeSecretKey ?? current.stripeSecretKey,
      stripeWebhookSecret: input.stripeWebhookSecret ?? current.stripeWebhookSecret,
    };
    if (next.provider === 'stripe') {
      const missing = [
        !isSet(next.stripeSecretKey) && 'stripeSecretKey',
        !isSet(next.stripeWebhookSecret) && 'stripeWebhookSecret',
      ].filter((f): f is string => typeof f === 'string');
      if (missing.length > 0) {
        throw new DomainError('invalid_input', `Stripe needs: ${missing.join(', ')}.`, {
          reason: 'payment_settings_incomplete',
          fields: missing,
        });
      }
    }
    const value = JSON.stringify(next);
    await saveTenantSetting(trx, {
      tenantId: actor.tenantId,
      key: PAYMENT_SETTING,
      value,
      by: actor.id,
      at: now,
    });
    const shown = view(next);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'payment_settings.set',
      entityKind: 'settings',
      entityId: PAYMENT_SETTING,
      data: {
        ...shown,
        stripeSecretKeyChanged: typeof input.stripeSecretKey === 'string',
        stripeWebhookSecretChanged: typeof input.stripeWebhookSecret === 'string',
      },
    });
    return shown;
  });
  // The webhooks of this process check the next signature with what was just saved.
  forgetWebhookSettings(deps.database.db, actor.tenantId);
  return saved;
}
