import { type Kysely, sql } from 'kysely';

/**
 * Card providers' webhooks are answered as soon as their event is recorded (decision 0012): the verified
 * event waits in `webhook_events` as `pending` with what it says (`payload`), and a queue books it after the
 * answer — each event in its own transaction, which moves it to `processed` or `ignored`, or after repeated
 * errors to `failed` with the last one, for a person to look at.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable('webhook_events').addColumn('payload', 'text').execute();
  await s
    .alterTable('webhook_events')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.alterTable('webhook_events').addColumn('last_error', 'text').execute();
  await s.alterTable('webhook_events').addColumn('processed_at', 'text').execute();
  await s
    .createIndex('webhook_events_pending')
    .on('webhook_events')
    .columns(['tenant_id', 'received_at'])
    .where(sql.ref('result'), '=', 'pending')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('webhook_events_pending').execute();
  for (const column of ['processed_at', 'last_error', 'attempts', 'payload']) {
    await db.schema.alterTable('webhook_events').dropColumn(column).execute();
  }
}
