import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { type CreditorFacts, findCreditor } from './import-context.ts';

/**
 * The creditor an import writes to. The staff name one by its ref. A client places claims for its own creditor
 * only: it names none, or its own; naming another is refused without saying whether that creditor exists (a
 * client never learns the tenant's other creditors).
 */
export async function creditorOfImport(
  deps: Deps,
  actor: Actor,
  creditorRef: string | undefined,
): Promise<CreditorFacts> {
  const ref = creditorRef?.trim() ?? '';
  if (actor.role !== 'client') {
    if (ref === '') {
      throw new DomainError('invalid_input', 'The creditor is required.', {
        reason: 'upload_creditor_missing',
      });
    }
    return findCreditor(deps, actor.tenantId, ref);
  }
  const own = await deps.database.db
    .selectFrom('creditors')
    .select(['creditor_id', 'ref', 'name', 'currency', 'is_professional'])
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', actor.creditorId ?? '')
    .executeTakeFirst();
  if (!own) {
    throw new DomainError('forbidden', 'This client account is not tied to a creditor.', {
      reason: 'client_without_creditor',
    });
  }
  if (ref !== '' && ref.toLowerCase() !== own.ref.toLowerCase()) {
    throw new DomainError(
      'forbidden',
      `A client account places claims for its own creditor (${own.ref}) only.`,
      {
        reason: 'creditor_not_own',
        creditorRef: ref,
        own: own.ref,
      },
    );
  }
  return {
    id: own.creditor_id,
    ref: own.ref,
    name: own.name,
    currency: own.currency,
    isProfessional: own.is_professional !== 0,
  };
}
