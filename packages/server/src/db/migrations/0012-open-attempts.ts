import type { Kysely } from 'kysely';

/**
 * The sweep that gives up on payment attempts left open past their checkout's expiry runs with every
 * dispatch pass (every 15 s): it reads a tenant's open attempts by age, which this index serves without
 * walking the attempts already ended.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('payment_attempts_open')
    .on('payment_attempts')
    .columns(['tenant_id', 'status', 'provider', 'started_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('payment_attempts_open').execute();
}
