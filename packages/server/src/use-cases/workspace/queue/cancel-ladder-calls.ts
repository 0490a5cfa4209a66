import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * When a case starts to wait (a pause by hand, a promise to pay, a payment plan), the calls a step of its
 * ladder put in the agents' queue leave it: nobody rings a debtor who has just promised. A callback the debtor
 * asked for stays (no step), and so does a call an agent holds now — they are on it and record its outcome.
 * Returns how many were cancelled.
 */
export async function cancelLadderCalls(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  now: string,
): Promise<number> {
  const done = await trx
    .updateTable('call_tasks')
    .set({ status: 'cancelled', locked_by: null, locked_until: null, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('action_id', 'in', (eb) =>
      eb
        .selectFrom('actions')
        .select('action_id')
        .where('tenant_id', '=', tenantId)
        .where('case_id', '=', caseId)
        .where('step_key', 'is not', null),
    )
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}
