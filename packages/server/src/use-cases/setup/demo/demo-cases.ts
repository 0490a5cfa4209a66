import type { Deps } from '../../../shared/deps.ts';

export type DemoCase = {
  readonly caseId: string;
  readonly outstandingMinor: number;
  readonly currency: string;
  readonly paymentReference: string | null;
  /** `CREDITOR/DEBTOR`: what the seed decided, the same in every run (ids are not). */
  readonly key: string;
};

/**
 * The demo's open cases with something owed and nothing disputed, oldest first. Ties are broken by the
 * creditor's and debtor's references, which the seed writes, never by the case id (a UUIDv7 made at import,
 * different in every run): two demos of the same size and seed pay and hand over the same cases.
 */
export async function openDemoCases(
  deps: Deps,
  tenantId: string,
  options: { readonly unpaidOnly: boolean; readonly limit: number },
): Promise<readonly DemoCase[]> {
  const rows = await deps.database.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      'c.case_id',
      'c.outstanding_minor',
      'c.currency',
      'c.payment_reference',
      'cr.ref as creditor_ref',
      'd.ref as debtor_ref',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.status', '=', 'open')
    .where('c.outstanding_minor', '>', 0)
    .where('c.disputed_minor', '=', 0)
    .$if(options.unpaidOnly, (q) => q.where('c.paid_minor', '=', 0))
    .orderBy('c.oldest_due_date')
    .orderBy('cr.ref')
    .orderBy('d.ref')
    .orderBy('c.currency')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    outstandingMinor: Number(r.outstanding_minor),
    currency: r.currency,
    paymentReference: r.payment_reference,
    key: `${r.creditor_ref}/${r.debtor_ref}`,
  }));
}
