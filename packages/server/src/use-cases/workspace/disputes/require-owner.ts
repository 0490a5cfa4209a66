import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** A dispute's owner is a user of the tenant who may act on cases (not a client). */
export async function requireOwner(
  trx: Transaction<Database>,
  tenantId: string,
  ownerId: string,
): Promise<void> {
  const user = await trx
    .selectFrom('users')
    .select(['user_id', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  if (!user || user.role === 'client') {
    throw new DomainError('invalid_input', 'The owner must be a user of this tenant who works cases.', {
      reason: 'dispute_owner_invalid',
      field: 'ownerId',
    });
  }
}
