import type { Kysely } from 'kysely';

/**
 * Partial disputes (issue #5): the part of a claim under dispute when it is not the whole of it. A claim
 * disputed in part stays `open` — what is left of it is still chased — and `disputed_minor` holds the part
 * its open disputes cover (a claim whose disputes reach its outstanding becomes `disputed`, as a whole-claim
 * dispute does). Case totals, messages, interest and plans count the open part only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('claims')
    .addColumn('disputed_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').dropColumn('disputed_minor').execute();
}
