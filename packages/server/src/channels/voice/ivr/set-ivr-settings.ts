import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../../use-cases/access/audit.ts';
import { requirePermission } from '../../../use-cases/access/permissions.ts';
import { IVR_SETTING, type IvrSettings, readIvrSettings, writeIvrSettings } from './ivr-settings.ts';

/** The settings as the API shows them: the secrets are only said to be set. */
export type IvrSettingsView = Omit<IvrSettings, 'authToken' | 'builtinToken'> & {
  readonly authTokenSet: boolean;
};

export type IvrSettingsInput = Omit<IvrSettings, 'authToken' | 'builtinToken'> & {
  /** A Twilio auth token of the IVR's own; omitted keeps the stored one, null falls back to the SMS one. */
  readonly authToken?: string | null;
};

function view(settings: IvrSettings): IvrSettingsView {
  const { authToken, builtinToken: _secret, ...rest } = settings;
  return { ...rest, authTokenSet: authToken !== null && authToken !== '' };
}

export async function getIvrSettings(deps: Deps, actor: Actor): Promise<IvrSettingsView> {
  requirePermission(actor, 'strategies:read');
  return view(await readIvrSettings(deps.database.db, actor.tenantId));
}

/** Sets the IVR's provider, number, Pay connector and languages (admins and supervisors). */
export async function setIvrSettings(
  deps: Deps,
  actor: Actor,
  input: IvrSettingsInput,
): Promise<IvrSettingsView> {
  requirePermission(actor, 'runs:run');
  if (input.languages.length === 0 || new Set(input.languages).size !== input.languages.length) {
    throw new DomainError('invalid_input', 'The IVR speaks at least one language, each once.', {
      reason: 'ivr_settings_languages',
      field: 'languages',
    });
  }
  if (input.provider === 'twilio' && !input.phoneNumber) {
    throw new DomainError('invalid_input', 'Twilio needs the IVR’s phone number.', {
      reason: 'ivr_settings_incomplete',
      fields: ['phoneNumber'],
    });
  }
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await readIvrSettings(trx, actor.tenantId);
    const next: IvrSettings = {
      provider: input.provider,
      phoneNumber: input.phoneNumber,
      paymentConnector: input.paymentConnector,
      languages: input.languages,
      authToken: input.authToken === undefined ? current.authToken : input.authToken,
      builtinToken: current.builtinToken,
    };
    await writeIvrSettings(trx, actor.tenantId, next, actor.id, now);
    const shown = view(next);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'ivr_settings.set',
      entityKind: 'settings',
      entityId: IVR_SETTING,
      data: { ...shown, authTokenChanged: input.authToken !== undefined },
    });
    return shown;
  });
}
