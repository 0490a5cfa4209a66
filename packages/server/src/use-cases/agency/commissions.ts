import { type AllocationLine, type CommissionRule, computeCommission } from '@relance/core';
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PaymentCommissionsTable } from '../../db/schema-agency.ts';

export type ChargeInput = {
  readonly tenantId: string;
  readonly paymentId: string;
  readonly caseId: string;
  readonly creditorId: string;
  readonly currency: string;
  readonly receivedOn: string;
  /** The payment's allocation lines, in the order `applyAllocation` numbers them (seq = index + 1). */
  readonly lines: readonly AllocationLine[];
  readonly now: string;
};

/**
 * The agency's success fee on a payment, written in the payment's own transaction: one row per allocation
 * line (interest, fees, principal — an overpayment kept as the debtor's credit is not collected for the client
 * and bears none), with the rate and step of the client's mandate in force and the VAT on it. Nothing for a
 * tenant that is no agency, nor for a client without a mandate. Returns how many rows were written.
 */
export async function chargeCommission(trx: Transaction<Database>, input: ChargeInput): Promise<number> {
  const mandate = await trx
    .selectFrom('mandates as m')
    .innerJoin('tenants as t', 't.tenant_id', 'm.tenant_id')
    .select(['m.commission', 'm.vat_rate'])
    .where('m.tenant_id', '=', input.tenantId)
    .where('m.creditor_id', '=', input.creditorId)
    .where('t.kind', '=', 'agency')
    .executeTakeFirst();
  if (!mandate || input.lines.length === 0) return 0;
  const rule = JSON.parse(mandate.commission) as CommissionRule;
  const claims = await claimFacts(trx, input.tenantId, [...new Set(input.lines.map((l) => l.claimId))]);
  const rows: Insertable<PaymentCommissionsTable>[] = [];
  input.lines.forEach((line, i) => {
    const claim = claims.get(line.claimId);
    if (!claim || line.amountMinor <= 0) return;
    const c = computeCommission(rule, mandate.vat_rate, {
      baseMinor: line.amountMinor,
      dueDate: claim.dueDate,
      placedOn: claim.placedOn,
      receivedOn: input.receivedOn,
      claimAmountMinor: claim.amountMinor,
    });
    rows.push({
      tenant_id: input.tenantId,
      payment_id: input.paymentId,
      seq: i + 1,
      entry: 'charge',
      creditor_id: input.creditorId,
      case_id: input.caseId,
      claim_id: line.claimId,
      currency: input.currency,
      booked_on: input.receivedOn,
      base_minor: c.baseMinor,
      rate: c.rate,
      commission_minor: c.commissionMinor,
      vat_rate: c.vatRate,
      vat_minor: c.vatMinor,
      rule_step: c.step,
      created_at: input.now,
    });
  });
  if (rows.length > 0) await trx.insertInto('payment_commissions').values(rows).execute();
  return rows.length;
}

/**
 * A reversed payment takes its fee back: each charge row is written again negated, on the day of the reversal,
 * so that a statement already issued stays as it was and the next one gives the money and the fee back.
 * Idempotent: a payment whose reversal rows exist gets none more.
 */
export async function reverseCommission(
  trx: Transaction<Database>,
  input: { readonly tenantId: string; readonly paymentId: string; readonly on: string; readonly now: string },
): Promise<number> {
  const charges = await trx
    .selectFrom('payment_commissions')
    .selectAll()
    .where('tenant_id', '=', input.tenantId)
    .where('payment_id', '=', input.paymentId)
    .execute();
  if (charges.some((c) => c.entry === 'reversal')) return 0;
  const rows = charges.map(
    (c): Insertable<PaymentCommissionsTable> => ({
      ...c,
      entry: 'reversal',
      booked_on: input.on,
      base_minor: -Number(c.base_minor),
      commission_minor: -Number(c.commission_minor),
      vat_minor: -Number(c.vat_minor),
      remittance_id: null,
      created_at: input.now,
    }),
  );
  if (rows.length > 0) await trx.insertInto('payment_commissions').values(rows).execute();
  return rows.length;
}

type ClaimFacts = { readonly dueDate: string; readonly placedOn: string; readonly amountMinor: number };

/** Each claim's due date, amount and day of hand-over (its placement's, else the day it was first imported). */
async function claimFacts(
  trx: Transaction<Database>,
  tenantId: string,
  claimIds: readonly string[],
): Promise<ReadonlyMap<string, ClaimFacts>> {
  if (claimIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('claims as k')
    .leftJoin('placements as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.placement_id', '=', 'k.placement_id'),
    )
    .select(['k.claim_id', 'k.due_date', 'k.amount_minor', 'k.created_at', 'p.placed_on'])
    .where('k.tenant_id', '=', tenantId)
    .where('k.claim_id', 'in', [...claimIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.claim_id,
      {
        dueDate: r.due_date,
        placedOn: r.placed_on ?? r.created_at.slice(0, 10),
        amountMinor: Number(r.amount_minor),
      },
    ]),
  );
}
