import type { Allocation, AllocationLine } from '@relance/core';
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PaymentAllocationsTable } from '../../db/schema-payments.ts';
import type { PaymentBasis } from './payment-basis.ts';

/** Contacts that have not left yet: what a settled case no longer sends. */
const PENDING = ['planned', 'review', 'blocked'] as const;
/** What a settled case still sends: its confirmations, its thanks and its receipts. */
const STILL_DUE = ['confirmation', 'thanks'] as const;

/**
 * Writes where each cent went: one allocation row per line (and one for the credit), each claim's outstanding
 * and collected parts (a claim with no principal left is paid), and what the plan's instalments received.
 * The claims are updated relative to their rows (the case is locked meanwhile on PostgreSQL).
 */
export async function applyAllocation(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly paymentId: string;
    readonly allocation: Allocation;
    readonly basis: PaymentBasis;
    readonly now: string;
  },
): Promise<void> {
  const { tenantId, caseId, paymentId, allocation, basis } = input;
  const rows: Insertable<PaymentAllocationsTable>[] = allocation.lines.map((line, i) => ({
    tenant_id: tenantId,
    payment_id: paymentId,
    seq: i + 1,
    case_id: caseId,
    claim_id: line.claimId,
    part: line.part,
    amount_minor: line.amountMinor,
    rule: line.rule,
  }));
  if (allocation.creditMinor > 0) {
    rows.push({
      tenant_id: tenantId,
      payment_id: paymentId,
      seq: rows.length + 1,
      case_id: caseId,
      claim_id: null,
      part: 'credit',
      amount_minor: allocation.creditMinor,
      rule: 'overpayment',
    });
  }
  if (rows.length > 0) await trx.insertInto('payment_allocations').values(rows).execute();
  for (const [claimId, parts] of partsByClaim(allocation.lines)) {
    const claim = basis.claims.find((c) => c.claimId === claimId);
    if (!claim) continue;
    // Relative to the row: a claim disputed in part keeps its disputed part outstanding.
    await trx
      .updateTable('claims')
      .set((eb) => ({
        outstanding_minor: eb('outstanding_minor', '-', parts.principal),
        paid_principal_minor: eb('paid_principal_minor', '+', parts.principal),
        paid_interest_minor: eb('paid_interest_minor', '+', parts.interest),
        paid_fees_minor: eb('paid_fees_minor', '+', parts.fees),
        status: eb
          .case()
          .when('outstanding_minor', '<=', parts.principal)
          .then('paid' as const)
          .else(eb.ref('status'))
          .end(),
        updated_at: input.now,
      }))
      .where('tenant_id', '=', tenantId)
      .where('claim_id', '=', claimId)
      .execute();
  }
  if (basis.planId) {
    for (const covered of allocation.instalments) {
      await trx
        .updateTable('plan_instalments')
        .set((eb) => ({
          paid_minor: eb('paid_minor', '+', covered.amountMinor),
          status: covered.settles ? 'paid' : 'partly_paid',
        }))
        .where('tenant_id', '=', tenantId)
        .where('plan_id', '=', basis.planId ?? '')
        .where('seq', '=', covered.seq)
        .execute();
    }
  }
}

function partsByClaim(lines: readonly AllocationLine[]) {
  const out = new Map<string, { principal: number; interest: number; fees: number }>();
  for (const line of lines) {
    const parts = out.get(line.claimId) ?? { principal: 0, interest: 0, fees: 0 };
    parts[line.part] += line.amountMinor;
    out.set(line.claimId, parts);
  }
  return out;
}

/**
 * A case paid in full leaves its ladder at once: the reminders, letters and calls not yet gone are
 * cancelled (its confirmations and thanks still go). Returns how many contacts were cancelled.
 */
export async function stopSettledCase(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  now: string,
): Promise<number> {
  const result = await trx
    .updateTable('actions')
    .set({ status: 'cancelled', last_error: 'Cancelled: the case is paid.' })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', 'in', [...PENDING])
    .where('purpose', 'not in', [...STILL_DUE])
    .executeTakeFirst();
  await trx
    .updateTable('call_tasks')
    .set({ status: 'cancelled', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
  return Number(result.numUpdatedRows);
}
