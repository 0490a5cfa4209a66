import type { Kysely } from 'kysely';

/**
 * Each evidence entry also keeps a short digest of each of its fields (JSON). The entry's hash already
 * proves that something changed; the digests say what: the payload, the date, the kind… so that
 * `relance evidence verify` can tell a lawyer "the text of entry 12 was altered" rather than "entry 12
 * does not match". They prove nothing on their own (whoever rewrites a field can rewrite its digest); the
 * chain does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evidence').addColumn('field_digests', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evidence').dropColumn('field_digests').execute();
}
