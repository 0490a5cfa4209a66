import { type Kysely, sql } from 'kysely';

/**
 * The call queue (issue #5):
 * - "next case" reads the open agent calls in the order it hands them out (priority down, the window closing
 *   first, the id): an index in exactly that order lets both engines stop at the first callable rows instead
 *   of sorting every open task (100,000 in the benchmark) on each request.
 * - an outcome names the promise, plan or dispute recorded during the call, and the callback it scheduled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('call_tasks_queue_order')
    .on('call_tasks')
    .expression(sql`tenant_id, status, kind, priority desc, window_end, task_id`)
    .execute();
  for (const column of ['promise_id', 'plan_id', 'dispute_id', 'callback_action_id']) {
    await db.schema.alterTable('call_outcomes').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['callback_action_id', 'dispute_id', 'plan_id', 'promise_id']) {
    await db.schema.alterTable('call_outcomes').dropColumn(column).execute();
  }
  await db.schema.dropIndex('call_tasks_queue_order').execute();
}
