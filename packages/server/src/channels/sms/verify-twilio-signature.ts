import { DomainError } from '@relance/core';
import twilio from 'twilio';
import type { Deps } from '../../shared/deps.ts';
import { readSmsSettings } from './sms-settings.ts';

/**
 * Twilio signs each webhook with the tenant's auth token over the URL it called and the posted fields.
 * A missing or wrong signature, or a tenant without Twilio, is refused before anything is recorded.
 */
export async function verifyTwilioSignature(
  deps: Deps,
  tenantId: string,
  request: {
    readonly signature: string | undefined;
    readonly url: string;
    readonly params: Readonly<Record<string, string>>;
  },
): Promise<void> {
  const settings = await readSmsSettings(deps.database.db, tenantId);
  const valid =
    settings.provider === 'twilio' &&
    typeof settings.authToken === 'string' &&
    settings.authToken !== '' &&
    typeof request.signature === 'string' &&
    request.signature !== '' &&
    twilio.validateRequest(settings.authToken, request.signature, request.url, { ...request.params });
  if (!valid) {
    throw new DomainError('forbidden', 'The Twilio signature of this request is missing or wrong.', {
      reason: 'twilio_signature_invalid',
    });
  }
}
