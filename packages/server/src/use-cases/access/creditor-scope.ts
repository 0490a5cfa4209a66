import { DomainError } from '@relance/core';
import type { Role } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';

/** A client is tied to one creditor of the tenant; the other roles see the whole tenant. */
export async function checkCreditorScope(
  deps: Deps,
  tenantId: string,
  role: Role,
  creditorId: string | null,
): Promise<void> {
  if (role !== 'client') {
    if (creditorId !== null) {
      throw new DomainError('invalid_input', 'Only a client is tied to a creditor.', {
        reason: 'creditor_only_for_client',
      });
    }
    return;
  }
  if (creditorId === null) {
    throw new DomainError('invalid_input', 'A client must be tied to a creditor.', {
      reason: 'client_requires_creditor',
    });
  }
  const creditor = await deps.database.db
    .selectFrom('creditors')
    .select('creditor_id')
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .executeTakeFirst();
  if (!creditor) {
    throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
  }
}
