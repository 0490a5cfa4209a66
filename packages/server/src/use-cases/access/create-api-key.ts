import { DomainError } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { type ApiKeyView, apiKeyShownPrefixLength, apiKeyTokenPrefix, toApiKeyView } from './api-keys.ts';
import { appendAudit } from './audit.ts';
import { checkCreditorScope } from './creditor-scope.ts';
import { requirePermission } from './permissions.ts';
import { randomToken, sha256Hex } from './tokens.ts';

export type CreateApiKeyInput = {
  readonly name: string;
  readonly role: Role;
  readonly creditorId?: string | null;
};

/** A new API key for machines. The token is returned here once and never again (only its sha256 is kept). */
export async function createApiKey(
  deps: Deps,
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<{ readonly id: string; readonly token: string; readonly key: ApiKeyView }> {
  requirePermission(actor, 'api_keys:manage');
  const name = input.name.trim();
  if (name === '') {
    throw new DomainError('invalid_input', 'The API key needs a name.', { reason: 'api_key_name_required' });
  }
  const creditorId = input.creditorId ?? null;
  await checkCreditorScope(deps, actor.tenantId, input.role, creditorId);

  const token = `${apiKeyTokenPrefix}${randomToken(24)}`;
  const now = deps.clock.now();
  const row = {
    tenant_id: actor.tenantId,
    api_key_id: newId(),
    name,
    token_prefix: token.slice(0, apiKeyShownPrefixLength),
    token_hash: sha256Hex(token),
    role: input.role,
    creditor_id: creditorId,
    created_by: actor.kind === 'user' ? actor.id : null,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'api_key.created',
      entityKind: 'api_key',
      entityId: row.api_key_id,
      data: { name, role: input.role, creditorId },
    });
  });
  return { id: row.api_key_id, token, key: toApiKeyView(row) };
}
