import type { Kysely } from 'kysely';

/**
 * How many cases a run found due when it started (issue #7): the live view's "cases remaining" during a run is
 * that number less the cases its batches have decided, instead of a count over the queue that the run is
 * rewriting (on PostgreSQL, a million index entries whose rows the run keeps moving: 0.5–0.9 s a read).
 * Null for a run started before this migration; the live view then counts as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('cases_due', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('cases_due').execute();
}
