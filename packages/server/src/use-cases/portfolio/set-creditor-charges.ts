import { DomainError } from '@relance/core';
import type { ChargePolicy } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';

export type CreditorCharges = {
  readonly interestPolicy?: ChargePolicy;
  readonly fixedFeePolicy?: ChargePolicy;
  /** A contractual rate, percent ("12.00"), or null for the statutory rate. */
  readonly contractRate?: string | null;
};

/**
 * Records the creditor's choice on late interest and the fixed compensation: charge them, waive them, or
 * keep them as a lever (computed and shown, not claimed). The change and its audit entry are one
 * transaction; the audit keeps the previous choice.
 */
export async function setCreditorCharges(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: CreditorCharges,
): Promise<void> {
  requirePermission(actor, 'strategies:write');
  if (
    input.contractRate !== undefined &&
    input.contractRate !== null &&
    !/^\d{1,2}(\.\d{1,4})?$/.test(input.contractRate)
  ) {
    throw new DomainError(
      'invalid_input',
      `"${input.contractRate}" is not a rate in percent such as "12.00".`,
      {
        reason: 'invalid_rate',
        field: 'contractRate',
      },
    );
  }
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('creditors')
      .select(['interest_policy', 'fixed_fee_policy', 'contract_rate'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .executeTakeFirst();
    if (!before) throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
    await trx
      .updateTable('creditors')
      .set({
        ...(input.interestPolicy ? { interest_policy: input.interestPolicy } : {}),
        ...(input.fixedFeePolicy ? { fixed_fee_policy: input.fixedFeePolicy } : {}),
        ...(input.contractRate !== undefined ? { contract_rate: input.contractRate } : {}),
        updated_at: now,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditorId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'creditor.charges_set',
      entityKind: 'creditor',
      entityId: creditorId,
      data: { before, after: input },
    });
  });
}
