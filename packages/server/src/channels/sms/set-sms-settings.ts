import { DomainError } from '@relance/core';
import { saveTenantSetting } from '../../db/tenant-settings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../../use-cases/access/audit.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { readSmsSettings, SMS_SETTING, type SmsSettings } from './sms-settings.ts';

/** The settings as the API shows them: the auth token is only said to be set, never returned. */
export type SmsSettingsView = Omit<SmsSettings, 'authToken'> & { readonly authTokenSet: boolean };

export type SmsSettingsInput = Omit<SmsSettings, 'authToken'> & {
  /** A new token; omitted or null keeps the stored one. */
  readonly authToken?: string | null;
};

function view(settings: SmsSettings): SmsSettingsView {
  const { authToken, ...rest } = settings;
  return { ...rest, authTokenSet: authToken !== null && authToken !== '' };
}

export async function getSmsSettings(deps: Deps, actor: Actor): Promise<SmsSettingsView> {
  requirePermission(actor, 'strategies:read');
  return view(await readSmsSettings(deps.database.db, actor.tenantId));
}

export async function setSmsSettings(
  deps: Deps,
  actor: Actor,
  input: SmsSettingsInput,
): Promise<SmsSettingsView> {
  requirePermission(actor, 'runs:run');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await readSmsSettings(trx, actor.tenantId);
    const next: SmsSettings = {
      provider: input.provider,
      accountSid: input.accountSid,
      authToken: input.authToken ?? current.authToken,
      fromNumber: input.fromNumber,
      messagingServiceSid: input.messagingServiceSid,
      transliterate: input.transliterate,
    };
    if (next.provider === 'twilio') {
      const missing = [
        !next.accountSid && 'accountSid',
        !next.authToken && 'authToken',
        !next.fromNumber && !next.messagingServiceSid && 'fromNumber',
      ].filter((f): f is string => typeof f === 'string');
      if (missing.length > 0) {
        throw new DomainError('invalid_input', `Twilio needs: ${missing.join(', ')}.`, {
          reason: 'sms_settings_incomplete',
          fields: missing,
        });
      }
    }
    const value = JSON.stringify(next);
    await saveTenantSetting(trx, {
      tenantId: actor.tenantId,
      key: SMS_SETTING,
      value,
      by: actor.id,
      at: now,
    });
    const shown = view(next);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'sms_settings.set',
      entityKind: 'settings',
      entityId: SMS_SETTING,
      data: { ...shown, authTokenChanged: typeof input.authToken === 'string' },
    });
    return shown;
  });
}
