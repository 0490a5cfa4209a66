import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { apiKeyTokenPrefix } from './api-keys.ts';
import { sameDigest, sha256Hex } from './tokens.ts';

/** The actor behind an API key token, or null when unknown or revoked. Records when the key was last used. */
export async function authenticateApiKey(deps: Deps, token: string): Promise<Actor | null> {
  if (!token.startsWith(apiKeyTokenPrefix)) return null;
  const hash = sha256Hex(token);
  const db = deps.database.db;
  const key = await db
    .selectFrom('api_keys')
    .select(['tenant_id', 'api_key_id', 'token_hash', 'role', 'creditor_id', 'revoked_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!key || !sameDigest(key.token_hash, hash) || key.revoked_at !== null) return null;
  await db
    .updateTable('api_keys')
    .set({ last_used_at: deps.clock.now() })
    .where('tenant_id', '=', key.tenant_id)
    .where('api_key_id', '=', key.api_key_id)
    .execute();
  return {
    tenantId: key.tenant_id,
    kind: 'api_key',
    id: key.api_key_id,
    role: key.role,
    creditorId: key.creditor_id,
  };
}
