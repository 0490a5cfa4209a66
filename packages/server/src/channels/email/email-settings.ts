import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const EMAIL_SETTING = 'channels.email';

/**
 * How the connection is protected: 'tls' (implicit TLS, port 465), 'starttls' (STARTTLS required),
 * 'opportunistic' (STARTTLS when offered), 'none' (plain text: a local relay or a test server only).
 */
export type SmtpSecurity = 'tls' | 'starttls' | 'opportunistic' | 'none';

/** A tenant's SMTP settings as stored; the password never leaves the server. */
export type EmailSettings = {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly user: string | null;
  readonly password: string | null;
  readonly fromName: string | null;
  readonly fromAddress: string;
  readonly replyTo: string | null;
  /** Ask for a read receipt (Disposition-Notification-To, Return-Receipt-To). */
  readonly readReceipt: boolean;
};

/** The settings as shown to a person or an API client: everything but the password. */
export type EmailSettingsView = Omit<EmailSettings, 'password'> & {
  readonly passwordSet: boolean;
  /** 'tenant' when saved for the tenant, 'environment' when taken from RELANCE_SMTP_URL. */
  readonly source: 'tenant' | 'environment' | 'none';
};

/**
 * The settings from `RELANCE_SMTP_URL` (e.g. `smtp://127.0.0.1:2525`, `smtps://user:pass@host:465`),
 * used by tenants that saved none; `RELANCE_SMTP_FROM` gives the sender address. Null when unset.
 */
export function emailSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): EmailSettings | null {
  const raw = env.RELANCE_SMTP_URL;
  if (!raw) return null;
  const url = new URL(raw);
  const tls = url.protocol === 'smtps:';
  const security = (url.searchParams.get('security') as SmtpSecurity | null) ?? (tls ? 'tls' : 'none');
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : tls ? 465 : 25,
    security,
    user: url.username ? decodeURIComponent(url.username) : null,
    password: url.password ? decodeURIComponent(url.password) : null,
    fromName: null,
    fromAddress: env.RELANCE_SMTP_FROM ?? 'relance@localhost',
    replyTo: null,
    readReceipt: true,
  };
}

/** The tenant's saved settings, else the environment's, else null (e-mail cannot leave). */
export async function readEmailSettings(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ readonly settings: EmailSettings | null; readonly source: EmailSettingsView['source'] }> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', EMAIL_SETTING)
    .executeTakeFirst();
  if (row) return { settings: JSON.parse(row.value) as EmailSettings, source: 'tenant' };
  const fromEnv = emailSettingsFromEnvironment(env);
  return { settings: fromEnv, source: fromEnv ? 'environment' : 'none' };
}

export function viewOf(
  settings: EmailSettings | null,
  source: EmailSettingsView['source'],
): EmailSettingsView | null {
  if (!settings) return null;
  const { password, ...rest } = settings;
  return { ...rest, passwordSet: password !== null && password !== '', source };
}
