import type { Deps } from '../../shared/deps.ts';
import { builtinPaymentProvider } from './builtin-provider.ts';
import { stripeApiUrl } from './payment-environment.ts';
import type { PaymentProvider, PaymentProviderName } from './payment-provider.ts';
import { builtinPaymentSecret, type PaymentSettings, readPaymentSettings } from './payment-settings.ts';
import { stripePaymentProvider } from './stripe-provider.ts';

/**
 * A tenant's card provider: the one named (a webhook says which one calls), else the one its settings choose
 * for new payments (the built-in one when none is set). Pass the settings when they were just read.
 */
export async function paymentProviderFor(
  deps: Deps,
  tenantId: string,
  name?: PaymentProviderName,
  known?: PaymentSettings,
): Promise<PaymentProvider> {
  const db = deps.database.db;
  const settings = known ?? (await readPaymentSettings(db, tenantId));
  const now = () => deps.clock.now();
  switch (name ?? settings.provider) {
    case 'builtin':
      return builtinPaymentProvider(await builtinPaymentSecret(db, tenantId, now()), { now });
    case 'stripe':
      return stripePaymentProvider(settings, { apiBaseUrl: stripeApiUrl(), now });
  }
}
