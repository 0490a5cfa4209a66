import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Locale } from '../../../db/schema.ts';
import { saveTenantSetting } from '../../../db/tenant-settings.ts';
import { readSmsSettings } from '../../sms/sms-settings.ts';

export const IVR_SETTING = 'channels.ivr';

export type IvrProvider = 'builtin' | 'twilio';

/**
 * A tenant's payment IVR, as stored (`tenant_settings`, key `channels.ivr`). Secrets never leave the server.
 *
 * - `twilio`: the number's voice webhooks point at `/webhooks/ivr/:tenantId/…`; each request is signed with
 *   the account's auth token (this one, else the SMS settings' token: one Twilio account per tenant), and
 *   `<Pay>` charges the card through the named Pay connector (card data stays at Twilio and the connector).
 * - `builtin`: the demo without Twilio. The same routes, the same TwiML, the same signature — computed with
 *   `builtinToken`, a per-tenant secret drawn on first use; the in-app simulator signs with it.
 */
export type IvrSettings = {
  readonly provider: IvrProvider;
  /** The number debtors call (E.164), given to agents for a transfer. */
  readonly phoneNumber: string | null;
  /** The unique name of the Twilio Pay connector that charges the card. */
  readonly paymentConnector: string;
  /** The languages the IVR speaks; the first greets a caller it does not know yet. */
  readonly languages: readonly Locale[];
  readonly authToken: string | null;
  readonly builtinToken: string | null;
};

export const DEFAULT_IVR_SETTINGS: IvrSettings = {
  provider: 'builtin',
  phoneNumber: null,
  paymentConnector: 'Default',
  languages: ['fr', 'en'],
  authToken: null,
  builtinToken: null,
};

type Reader = Kysely<Database> | Transaction<Database>;

export async function readIvrSettings(db: Reader, tenantId: string): Promise<IvrSettings> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', IVR_SETTING)
    .executeTakeFirst();
  if (!row) return DEFAULT_IVR_SETTINGS;
  return { ...DEFAULT_IVR_SETTINGS, ...(JSON.parse(row.value) as Partial<IvrSettings>) };
}

/** Writes the settings (insert or update), `by` the actor's id. */
export async function writeIvrSettings(
  trx: Transaction<Database>,
  tenantId: string,
  settings: IvrSettings,
  by: string,
  now: string,
): Promise<void> {
  const value = JSON.stringify(settings);
  await saveTenantSetting(trx, { tenantId, key: IVR_SETTING, value, by, at: now });
}

/**
 * The key a request to the tenant's IVR must be signed with: the Twilio auth token, or the built-in token.
 * Null when there is none (nothing can be verified: every request is refused).
 */
export async function ivrSigningKey(db: Reader, tenantId: string): Promise<string | null> {
  const settings = await readIvrSettings(db, tenantId);
  if (settings.provider === 'builtin') return nonEmpty(settings.builtinToken);
  return nonEmpty(settings.authToken) ?? nonEmpty((await readSmsSettings(db, tenantId)).authToken);
}

/** The built-in provider's token, drawn and stored the first time it is needed. */
export async function ensureBuiltinToken(
  trx: Transaction<Database>,
  tenantId: string,
  now: string,
): Promise<string> {
  const settings = await readIvrSettings(trx, tenantId);
  const current = nonEmpty(settings.builtinToken);
  if (current) return current;
  const token = randomBytes(24).toString('base64url');
  await writeIvrSettings(trx, tenantId, { ...settings, builtinToken: token }, 'system', now);
  return token;
}

function nonEmpty(value: string | null): string | null {
  return value !== null && value !== '' ? value : null;
}
