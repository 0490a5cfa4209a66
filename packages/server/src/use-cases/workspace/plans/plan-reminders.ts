import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * Cancels the reminders of a plan that have not left yet (planned, held for review or blocked), inside the
 * caller's transaction: for a plan cancelled by a person, and for the daily run when it finds a plan broken
 * or completed. Returns how many were cancelled.
 */
export async function cancelPlanReminders(
  trx: Transaction<Database>,
  tenantId: string,
  planId: string,
): Promise<number> {
  const reminders = await trx
    .selectFrom('plan_instalments')
    .select('reminder_action_id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('reminder_action_id', 'is not', null)
    .execute();
  const ids = reminders.map((r) => r.reminder_action_id).filter((id): id is string => id !== null);
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('actions')
    .set({ status: 'cancelled', last_error: 'payment plan ended' })
    .where('tenant_id', '=', tenantId)
    .where('action_id', 'in', ids)
    .where('status', 'in', ['planned', 'review', 'blocked'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
