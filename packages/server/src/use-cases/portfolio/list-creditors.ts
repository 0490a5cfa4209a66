import type { ChargePolicy } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readScope } from './scope.ts';

export type CreditorView = {
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  readonly siren: string | null;
  readonly isProfessional: boolean;
  readonly country: string;
  readonly currency: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Late interest and the fixed compensation: charged, waived, or computed as a negotiation lever. */
  readonly interestPolicy: ChargePolicy;
  readonly fixedFeePolicy: ChargePolicy;
  readonly contractRate: string | null;
};

/** The creditors of the tenant, by ref (a client sees only its own). */
export async function listCreditors(deps: Deps, actor: Actor): Promise<readonly CreditorView[]> {
  const scope = readScope(actor, 'creditors:read');
  let query = deps.database.db.selectFrom('creditors').selectAll().where('tenant_id', '=', scope.tenantId);
  if (scope.creditorId !== null) query = query.where('creditor_id', '=', scope.creditorId);
  const rows = await query.orderBy('ref').execute();
  return rows.map((r) => ({
    id: r.creditor_id,
    ref: r.ref,
    name: r.name,
    siren: r.siren,
    isProfessional: Number(r.is_professional) === 1,
    country: r.country,
    currency: r.currency,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    interestPolicy: r.interest_policy,
    fixedFeePolicy: r.fixed_fee_policy,
    contractRate: r.contract_rate,
  }));
}
