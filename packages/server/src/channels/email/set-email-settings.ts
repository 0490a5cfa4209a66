import { DomainError } from '@relance/core';
import { saveTenantSetting } from '../../db/tenant-settings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../../use-cases/access/audit.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import {
  EMAIL_SETTING,
  type EmailSettings,
  type EmailSettingsView,
  readEmailSettings,
  viewOf,
} from './email-settings.ts';

export type EmailSettingsInput = Omit<EmailSettings, 'password'> & {
  /** A new password; omitted keeps the stored one, null removes it. */
  readonly password?: string | null;
};

/** The tenant's SMTP settings (its own, else the server's RELANCE_SMTP_URL), never with the password. */
export async function getEmailSettings(deps: Deps, actor: Actor): Promise<EmailSettingsView | null> {
  requirePermission(actor, 'strategies:read');
  const { settings, source } = await readEmailSettings(deps.database.db, actor.tenantId);
  return viewOf(settings, source);
}

export async function setEmailSettings(
  deps: Deps,
  actor: Actor,
  input: EmailSettingsInput,
): Promise<EmailSettingsView> {
  requirePermission(actor, 'runs:run');
  if (!/^[^@\s]+@[^@\s]+$/.test(input.fromAddress)) {
    throw new DomainError('invalid_input', `"${input.fromAddress}" is not an e-mail address.`, {
      reason: 'email_invalid',
      field: 'fromAddress',
    });
  }
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const { settings: current, source } = await readEmailSettings(trx, actor.tenantId);
    const next: EmailSettings = {
      host: input.host,
      port: input.port,
      security: input.security,
      user: input.user,
      password:
        input.password === undefined
          ? source === 'tenant'
            ? (current?.password ?? null)
            : null
          : input.password,
      fromName: input.fromName,
      fromAddress: input.fromAddress,
      replyTo: input.replyTo,
      readReceipt: input.readReceipt,
    };
    const value = JSON.stringify(next);
    await saveTenantSetting(trx, {
      tenantId: actor.tenantId,
      key: EMAIL_SETTING,
      value,
      by: actor.id,
      at: now,
    });
    const shown = viewOf(next, 'tenant') as EmailSettingsView;
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'email_settings.set',
      entityKind: 'settings',
      entityId: EMAIL_SETTING,
      data: { ...shown, passwordChanged: input.password !== undefined },
    });
    return shown;
  });
}
