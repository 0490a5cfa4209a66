import type { Kysely } from 'kysely';

/**
 * Evidence entries queued in the transaction of what they record, and chained shortly after (decision
 * 0015): an agent's call outcome no longer waits for the tenant's journal head, which every other outcome
 * of the tenant holds until its commit. The sealer moves the queued entries into `evidence`, many to a
 * transaction, in the order they were queued (`queued_at`, then `entry_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_pending')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('action_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('document_sha256', 'text')
    .addPrimaryKeyConstraint('evidence_pending_pk', ['tenant_id', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('evidence_pending_order')
    .on('evidence_pending')
    .columns(['tenant_id', 'queued_at', 'entry_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_pending').execute();
}
