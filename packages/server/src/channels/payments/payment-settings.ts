import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PaymentProviderName } from './payment-provider.ts';

export const PAYMENT_SETTING = 'channels.payments';
/** The built-in provider's signing secret, apart: made once per tenant, never changed by a person. */
export const BUILTIN_PAYMENT_SECRET = 'channels.payments.builtin';

/** A tenant's card-payment settings as stored; the secrets never leave the server. */
export type PaymentSettings = {
  /** Who hosts the card page for new payments. */
  readonly provider: PaymentProviderName;
  /** Stripe's secret API key (`sk_live_…`, `sk_test_…`) or a restricted key (`rk_…`). */
  readonly stripeSecretKey: string | null;
  /** The signing secret of the webhook endpoint (`whsec_…`), shown once by Stripe when the endpoint is made. */
  readonly stripeWebhookSecret: string | null;
};

export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  provider: 'builtin',
  stripeSecretKey: null,
  stripeWebhookSecret: null,
};

type Db = Kysely<Database> | Transaction<Database>;

export async function readPaymentSettings(db: Db, tenantId: string): Promise<PaymentSettings> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', PAYMENT_SETTING)
    .executeTakeFirst();
  if (!row) return DEFAULT_PAYMENT_SETTINGS;
  return { ...DEFAULT_PAYMENT_SETTINGS, ...(JSON.parse(row.value) as Partial<PaymentSettings>) };
}

/**
 * The settings of a tenant that exists, null when there is no such tenant: one query, for the webhooks
 * (which must refuse an unknown tenant before checking anything).
 */
export async function readTenantPaymentSettings(db: Db, tenantId: string): Promise<PaymentSettings | null> {
  const row = await db
    .selectFrom('tenants as t')
    .leftJoin('tenant_settings as s', (j) =>
      j.onRef('s.tenant_id', '=', 't.tenant_id').on('s.key', '=', PAYMENT_SETTING),
    )
    .select('s.value')
    .where('t.tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.value === null) return DEFAULT_PAYMENT_SETTINGS;
  return { ...DEFAULT_PAYMENT_SETTINGS, ...(JSON.parse(row.value) as Partial<PaymentSettings>) };
}

/** How long a webhook may check signatures with settings read earlier (a secret changed elsewhere waits that long). */
const WEBHOOK_SETTINGS_TTL_MS = 1_000;
const webhookSettings = new WeakMap<
  object,
  Map<string, { readonly until: number; readonly settings: PaymentSettings }>
>();

/**
 * `readTenantPaymentSettings` for the webhooks, kept a second per tenant and database: a burst of a
 * provider's webhooks reads them once, not once each. A change made in this process is seen at once
 * (`forgetWebhookSettings`); one made by another process within the second.
 */
export async function webhookPaymentSettings(
  db: Kysely<Database>,
  tenantId: string,
): Promise<PaymentSettings | null> {
  const now = Date.now();
  let byTenant = webhookSettings.get(db);
  if (!byTenant) {
    byTenant = new Map();
    webhookSettings.set(db, byTenant);
  }
  const kept = byTenant.get(tenantId);
  if (kept && kept.until > now) return kept.settings;
  const settings = await readTenantPaymentSettings(db, tenantId);
  if (settings) byTenant.set(tenantId, { until: now + WEBHOOK_SETTINGS_TTL_MS, settings });
  else byTenant.delete(tenantId);
  return settings;
}

export function forgetWebhookSettings(db: Kysely<Database>, tenantId: string): void {
  webhookSettings.get(db)?.delete(tenantId);
}

/**
 * The tenant's built-in signing secret, made on first use. Kept in the database so that every process (the
 * server that renders the card page, another that receives its post) signs and checks with the same one;
 * two processes making it at once keep the first written.
 */
export async function builtinPaymentSecret(db: Db, tenantId: string, now: string): Promise<string> {
  const found = await existingBuiltinSecret(db, tenantId);
  if (found) return found;
  await db
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantId,
      key: BUILTIN_PAYMENT_SECRET,
      value: JSON.stringify({ secret: `bwhsec_${randomBytes(24).toString('base64url')}` }),
      version: 1,
      updated_by: 'system',
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .execute();
  const made = await existingBuiltinSecret(db, tenantId);
  if (!made) throw new Error('The built-in payment secret could not be stored.');
  return made;
}

/** The built-in secret when the tenant has one (checking a signature never makes one). */
export async function existingBuiltinSecret(db: Db, tenantId: string): Promise<string | null> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', BUILTIN_PAYMENT_SECRET)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as { secret: string }).secret : null;
}
