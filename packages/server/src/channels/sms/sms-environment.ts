import { apiPrefix } from '../../http/paths.ts';

/**
 * The two operator settings of the SMS channel, read from the environment in this one place:
 * RELANCE_PUBLIC_URL, the address the world reaches this server at (Twilio signs the URL it calls, and the
 * status callbacks must point there); RELANCE_TWILIO_API_URL, another base for Twilio's REST API (a test
 * server or a compatible gateway) — never a tenant's choice.
 */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.RELANCE_PUBLIC_URL?.trim();
  return url ? url.replace(/\/+$/, '') : null;
}

export function twilioApiUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.RELANCE_TWILIO_API_URL?.trim() || null;
}

/** Where Twilio reports the delivery of a tenant's messages; null when the server has no public address. */
export function twilioStatusCallbackUrl(
  tenantId: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const base = publicUrl(env);
  return base ? `${base}${apiPrefix}/webhooks/twilio/${encodeURIComponent(tenantId)}/status` : null;
}
