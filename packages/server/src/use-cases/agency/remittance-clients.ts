import { DomainError, type FeeSettlement, type RemittancePeriod } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import { creditorDetailsSchema } from '../templates/identity-schemas.ts';

/** A client whose statements are being closed: its mandate's remittance terms and its letterhead. */
export type Mandate = {
  readonly creditorId: string;
  readonly ref: string;
  readonly name: string;
  readonly currency: string;
  readonly details: string | null;
  readonly feeSettlement: FeeSettlement;
  readonly delayDays: number;
};

/**
 * The clients whose mandate remits at the period's frequency (or the one named: then a client without a
 * mandate, or with another frequency, is refused).
 */
export async function mandatesFor(
  db: Db,
  tenantId: string,
  period: RemittancePeriod,
  creditorId: string | undefined,
): Promise<readonly Mandate[]> {
  const rows = await db
    .selectFrom('mandates as m')
    .innerJoin('creditors as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.creditor_id', '=', 'm.creditor_id'),
    )
    .select([
      'm.creditor_id',
      'm.fee_settlement',
      'm.remittance_delay_days',
      'm.remittance_frequency',
      'c.ref',
      'c.name',
      'c.currency',
      'c.details',
    ])
    .where('m.tenant_id', '=', tenantId)
    .$if(creditorId !== undefined, (q) => q.where('m.creditor_id', '=', creditorId ?? ''))
    .orderBy('c.ref')
    .execute();
  if (creditorId !== undefined) {
    const row = rows[0];
    if (!row)
      throw new DomainError('not_found', 'This client has no mandate.', { reason: 'mandate_not_found' });
    if (row.remittance_frequency !== period.frequency) {
      throw new DomainError('invalid_input', `This client's remittances are ${row.remittance_frequency}.`, {
        reason: 'period_frequency_mismatch',
        frequency: row.remittance_frequency,
        period: period.key,
      });
    }
  }
  return rows
    .filter((r) => r.remittance_frequency === period.frequency)
    .map((r) => ({
      creditorId: r.creditor_id,
      ref: r.ref,
      name: r.name,
      currency: r.currency,
      details: r.details,
      feeSettlement: r.fee_settlement,
      delayDays: Number(r.remittance_delay_days),
    }));
}

/** The currencies of the rows waiting for a statement; the client's own when there are none. */
export async function openCurrencies(
  db: Db | Transaction<Database>,
  tenantId: string,
  mandate: Mandate,
  period: RemittancePeriod,
): Promise<readonly string[]> {
  const rows = await db
    .selectFrom('payment_commissions')
    .select('currency')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', mandate.creditorId)
    .where('remittance_id', 'is', null)
    .where('booked_on', '<=', period.end)
    .orderBy('currency')
    .execute();
  return rows.length === 0 ? [mandate.currency] : rows.map((r) => r.currency);
}

/** The client's e-mail address (its letterhead details), where statements go. */
export function clientEmail(mandate: Mandate): string | null {
  const details = mandate.details ? creditorDetailsSchema.safeParse(JSON.parse(mandate.details)) : null;
  return details?.success ? details.data.email : null;
}
