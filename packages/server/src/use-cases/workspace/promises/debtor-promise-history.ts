import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';

export type PromiseHistory = { readonly kept: number; readonly broken: number; readonly partlyKept: number };

/**
 * The debtor's behaviour with promises, across all their cases: how many were kept, broken or partly kept
 * (as the daily run found them). The queue's score and the case screen read it.
 */
export async function debtorPromiseHistory(
  db: Db | Transaction<Database>,
  tenantId: string,
  debtorId: string,
): Promise<PromiseHistory> {
  const rows = await db
    .selectFrom('promises as p')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
    )
    .select(['p.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.tenant_id', '=', tenantId)
    .where('c.debtor_id', '=', debtorId)
    .where('p.status', 'in', ['kept', 'broken', 'partly_kept'])
    .groupBy('p.status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { kept: count('kept'), broken: count('broken'), partlyKept: count('partly_kept') };
}
