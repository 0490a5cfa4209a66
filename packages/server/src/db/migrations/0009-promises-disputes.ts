import type { Kysely } from 'kysely';

/**
 * Promises and disputes (issue #5): why a promise stopped being open other than by the run's check
 * ('superseded' by a newer one, 'cancelled' by a person), shown beside its status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('promises').addColumn('end_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('promises').dropColumn('end_reason').execute();
}
