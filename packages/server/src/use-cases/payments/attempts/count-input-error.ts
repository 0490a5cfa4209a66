import { sql } from 'kysely';
import { type AttemptTarget, resolveTarget } from './attempt-target.ts';

/**
 * The payer keyed something wrong (a card number that fails its check, an expired date, a wrong reference on
 * the IVR): counted on the attempt, which stays open for another try. Returns the count so far.
 */
export async function countInputError(
  target: AttemptTarget,
  input: { readonly tenantId: string; readonly attemptId: string },
  now?: string,
): Promise<number> {
  const { db, now: at } = resolveTarget(target, now);
  await db
    .updateTable('payment_attempts')
    .set({ input_errors: sql<number>`input_errors + 1`, updated_at: at })
    .where('tenant_id', '=', input.tenantId)
    .where('attempt_id', '=', input.attemptId)
    .execute();
  const row = await db
    .selectFrom('payment_attempts')
    .select('input_errors')
    .where('tenant_id', '=', input.tenantId)
    .where('attempt_id', '=', input.attemptId)
    .executeTakeFirst();
  return Number(row?.input_errors ?? 0);
}
