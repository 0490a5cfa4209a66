import type { Kysely } from 'kysely';

/**
 * The run's queue index gains the case id, so that a worker reads it with a cursor
 * (`(next_run_on, case_id) > last seen`) instead of from its start each batch: on PostgreSQL the entries
 * of cases just moved out of the queue stay in the index until vacuum, and scanning past them again and
 * again made a million-case run quadratic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_run_queue').execute();
  await db.schema
    .createIndex('cases_run_queue')
    .on('cases')
    .columns(['tenant_id', 'next_run_on', 'case_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_run_queue').execute();
  await db.schema.createIndex('cases_run_queue').on('cases').columns(['tenant_id', 'next_run_on']).execute();
}
