import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';

export type CreditorSummary = { readonly id: string; readonly ref: string; readonly name: string };

/** The creditor a person names by its reference (`--creditor ACME`), in the actor's tenant. */
export async function findCreditorByRef(deps: Deps, actor: Actor, ref: string): Promise<CreditorSummary> {
  const row = await deps.database.db
    .selectFrom('creditors')
    .select(['creditor_id', 'ref', 'name'])
    .where('tenant_id', '=', actor.tenantId)
    .where('ref', '=', ref.trim())
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('not_found', `No creditor with the reference "${ref}".`, {
      reason: 'creditor_not_found',
      ref,
    });
  }
  return { id: row.creditor_id, ref: row.ref, name: row.name };
}
