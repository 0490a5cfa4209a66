import type { Kysely } from 'kysely';

/**
 * Claims are no longer indexed by debtor: every claim belongs to a case of the same debtor, so reads by
 * debtor go through `cases_by_debtor` and `claims_by_case`. One B-tree fewer to fill in random order on
 * each imported claim (issue #2: a million-row import).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('claims_by_debtor').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('claims_by_debtor').on('claims').columns(['tenant_id', 'debtor_id']).execute();
}
