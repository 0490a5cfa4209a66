import { DomainError } from '@relance/core';
import twilio from 'twilio';
import type { Db } from '../../../db/schema.ts';
import { ivrSigningKey } from './ivr-settings.ts';

/** Posted form fields; a key sent twice keeps all its values (Twilio signs each of them). */
export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/**
 * Twilio's request signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed with the auth token, of the URL it
 * called followed by every posted field, sorted by name, as name + value. Checked with the SDK's
 * `validateRequest`, which also tries the URL with and without the default port as Twilio may sign either.
 */
export function isValidTwilioSignature(
  key: string,
  signature: string | undefined,
  url: string,
  fields: FormFields,
): boolean {
  if (!signature || key === '') return false;
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(fields))
    params[name] = typeof value === 'string' ? value : [...value];
  return twilio.validateRequest(key, signature, url, params);
}

/**
 * Refuses (403, nothing recorded) a request to a tenant's IVR that is not signed with its key: the Twilio
 * auth token, or the built-in provider's token. A tenant without a key refuses every request.
 */
export async function verifyIvrSignature(
  db: Db,
  tenantId: string,
  request: { readonly signature: string | undefined; readonly url: string; readonly fields: FormFields },
): Promise<void> {
  const key = await ivrSigningKey(db, tenantId);
  if (key === null || !isValidTwilioSignature(key, request.signature, request.url, request.fields)) {
    throw new DomainError('forbidden', 'The signature of this IVR request is missing or wrong.', {
      reason: 'ivr_signature_invalid',
    });
  }
}

/** The form body as Twilio posts it (application/x-www-form-urlencoded), repeated keys kept. */
export function parseForm(body: string): FormFields {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = fields[name];
    if (seen === undefined) fields[name] = value;
    else fields[name] = typeof seen === 'string' ? [seen, value] : [...seen, value];
  }
  return fields;
}

/** One value of a field (the first when repeated), or undefined. */
export function field(fields: FormFields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : value?.[0];
}
