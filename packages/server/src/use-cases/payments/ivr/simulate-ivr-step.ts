import { DomainError } from '@relance/core';
import twilio from 'twilio';
import { ensureBuiltinToken, readIvrSettings } from '../../../channels/voice/ivr/ivr-settings.ts';
import { type IvrStep, stepUrl } from '../../../channels/voice/ivr/ivr-twiml.ts';
import type { FormFields } from '../../../channels/voice/ivr/verify-ivr-signature.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';
import { handleIvrStep, type IvrRequest } from './handle-ivr-step.ts';

/**
 * The demo without Twilio: a signed-in user plays the caller. The request is signed exactly as Twilio signs
 * one (URL + sorted fields, HMAC-SHA1) with the tenant's built-in token, and goes through the same
 * `handleIvrStep` as a real webhook — signature check included. Only for a tenant whose IVR is 'builtin'.
 */
export async function simulateIvrStep(
  deps: Deps,
  actor: Actor,
  input: {
    readonly step: IvrStep;
    readonly query: IvrRequest['query'];
    readonly fields: FormFields;
    readonly base: string;
  },
): Promise<string> {
  requirePermission(actor, 'cases:act');
  const settings = await readIvrSettings(deps.database.db, actor.tenantId);
  if (settings.provider !== 'builtin') {
    throw new DomainError('conflict', 'The IVR simulator works with the built-in provider only.', {
      reason: 'ivr_not_builtin',
    });
  }
  const token = await deps.database.db
    .transaction()
    .execute((trx) => ensureBuiltinToken(trx, actor.tenantId, deps.clock.now()));
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(input.query)) if (value !== undefined) query[key] = value;
  const url = stepUrl(input.base, input.step, query);
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(input.fields))
    params[name] = typeof value === 'string' ? value : [...value];
  return handleIvrStep(deps, {
    tenantId: actor.tenantId,
    step: input.step,
    query: input.query,
    fields: input.fields,
    url,
    signature: twilio.getExpectedTwilioSignature(token, url, params),
    base: input.base,
  });
}
