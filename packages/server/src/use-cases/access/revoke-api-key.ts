import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from './audit.ts';
import { requirePermission } from './permissions.ts';

/** Revokes a key of the actor's tenant; it stops working at once. Revoking twice is harmless. */
export async function revokeApiKey(deps: Deps, actor: Actor, apiKeyId: string): Promise<void> {
  requirePermission(actor, 'api_keys:manage');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom('api_keys')
      .select(['api_key_id', 'revoked_at'])
      .where('tenant_id', '=', actor.tenantId)
      .where('api_key_id', '=', apiKeyId)
      .executeTakeFirst();
    if (!key) throw new DomainError('not_found', 'API key not found.', { reason: 'api_key_not_found' });
    if (key.revoked_at !== null) return;
    await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('api_key_id', '=', apiKeyId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'api_key.revoked',
      entityKind: 'api_key',
      entityId: apiKeyId,
    });
  });
}
