import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const SMS_SETTING = 'channels.sms';

/** A tenant's SMS settings as stored; the auth token never leaves the server. */
export type SmsSettings = {
  readonly provider: 'builtin' | 'twilio';
  readonly accountSid: string | null;
  readonly authToken: string | null;
  /** The sender number (E.164) or alphanumeric sender id. */
  readonly fromNumber: string | null;
  /** Twilio Messaging Service (MG…), used instead of a sender number when set. */
  readonly messagingServiceSid: string | null;
  /** Replace ’ « » ê ç œ… by GSM-7 spellings so that a French message costs 160 characters a segment. */
  readonly transliterate: boolean;
};

export const DEFAULT_SMS_SETTINGS: SmsSettings = {
  provider: 'builtin',
  accountSid: null,
  authToken: null,
  fromNumber: null,
  messagingServiceSid: null,
  transliterate: true,
};

export async function readSmsSettings(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
): Promise<SmsSettings> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', SMS_SETTING)
    .executeTakeFirst();
  if (!row) return DEFAULT_SMS_SETTINGS;
  return { ...DEFAULT_SMS_SETTINGS, ...(JSON.parse(row.value) as Partial<SmsSettings>) };
}
