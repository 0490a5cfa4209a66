import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * Takes or extends the lock on a case inside the caller's transaction, in one statement: it is inserted, or
 * taken over when the holder's lock has expired, or extended when the agent already holds it. Under
 * concurrency PostgreSQL re-checks the condition on the latest row (ON CONFLICT … WHERE), SQLite has one
 * writer: either way only one agent wins. True when the lock is now the agent's.
 */
export async function takeCaseLock(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly userId: string;
    readonly taskId: string | null;
    readonly now: string;
    readonly until: string;
  },
): Promise<boolean> {
  const result = await trx
    .insertInto('case_locks')
    .values({
      tenant_id: input.tenantId,
      case_id: input.caseId,
      locked_by: input.userId,
      locked_at: input.now,
      locked_until: input.until,
      task_id: input.taskId,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'case_id'])
        .doUpdateSet({
          locked_by: input.userId,
          locked_at: input.now,
          locked_until: input.until,
          // Renewing by hand keeps the task "next case" gave.
          ...(input.taskId === null ? {} : { task_id: input.taskId }),
        })
        .where((eb) =>
          eb.or([
            eb('case_locks.locked_until', '<=', input.now),
            eb('case_locks.locked_by', '=', input.userId),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Drops the agent's lock on a case and on its tasks (after an outcome, or when the agent lets it go). */
export async function dropCaseLock(
  trx: Transaction<Database>,
  input: { readonly tenantId: string; readonly caseId: string; readonly userId: string | null },
): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('case_locks')
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .$if(input.userId !== null, (q) => q.where('locked_by', '=', input.userId ?? ''))
    .executeTakeFirst();
  await trx
    .updateTable('call_tasks')
    .set({ locked_by: null, locked_until: null })
    .where('tenant_id', '=', input.tenantId)
    .where('case_id', '=', input.caseId)
    .where('locked_by', 'is not', null)
    .$if(input.userId !== null, (q) => q.where('locked_by', '=', input.userId ?? ''))
    .execute();
  return Number(deleted.numDeletedRows) > 0;
}
