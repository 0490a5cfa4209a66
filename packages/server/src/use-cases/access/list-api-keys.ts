import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { type ApiKeyView, apiKeyColumns, toApiKeyView } from './api-keys.ts';
import { requirePermission } from './permissions.ts';

/** The tenant's API keys, revoked ones included (newest first), without their tokens. */
export async function listApiKeys(deps: Deps, actor: Actor): Promise<readonly ApiKeyView[]> {
  requirePermission(actor, 'api_keys:manage');
  const rows = await deps.database.db
    .selectFrom('api_keys')
    .select(apiKeyColumns)
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('api_key_id', 'desc')
    .execute();
  return rows.map(toApiKeyView);
}
