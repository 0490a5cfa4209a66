import { type Kysely, sql } from 'kysely';

/**
 * One index for the run's queue and the live view's count of the cases it has not yet decided today: the
 * queue's (tenant, day due, case) now carries the case's status and last run, and `cases_due_not_run`
 * (0021: the same day due, the last run, open cases only) goes. The run moves every case it decides in
 * the queue; with two indexes on the day due each case moved twice. Updating 200,000 cases as a first run
 * does, batches of 5,000 on SQLite: 3.0–3.4 s with both, 2.3–2.5 s with this one; the count of 85,000
 * cases remaining reads this index alone (5.6 ms before, 7.6 ms now). The whole first run of 200,000 cases:
 * PostgreSQL, one worker, 21.2–22.6 s → 19.8–19.9 s; SQLite 6.9–7.6 s → 6.9–7.2 s (its reader thread,
 * which reads and decides, is then nearly as busy as the writer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_due_not_run').execute();
  await db.schema.dropIndex('cases_run_queue').execute();
  await db.schema
    .createIndex('cases_run_queue')
    .on('cases')
    .columns(['tenant_id', 'next_run_on', 'case_id', 'status', 'last_run_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_run_queue').execute();
  await db.schema
    .createIndex('cases_run_queue')
    .on('cases')
    .columns(['tenant_id', 'next_run_on', 'case_id'])
    .execute();
  await sql`create index cases_due_not_run on cases (tenant_id, next_run_on, last_run_on)
    where status = 'open'`.execute(db);
}
