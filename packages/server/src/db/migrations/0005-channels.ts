import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Channels and evidence (issue #4): templates per tenant, the outbox's dispatch state, delivery events,
 * stored documents (letters, e-mails as sent, proofs), the hash-chained evidence journal, postal items and
 * print batches, the agents' call queue, the built-in SMS provider's store, and the identities printed on
 * letters (tenant and creditor details, the case's structured payment reference).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const bytes = postgres ? sql`bytea` : sql`blob`;

  // Letterhead and bank details: JSON, validated by the use case that writes it.
  await s.alterTable('creditors').addColumn('details', 'text').execute();
  // The case's ISO 11649 creditor reference (RF…), given at first use; unique so that a transfer finds its case.
  await s.alterTable('cases').addColumn('payment_reference', 'text').execute();
  await s
    .createIndex('cases_payment_reference_unique')
    .on('cases')
    .columns(['tenant_id', 'payment_reference'])
    .unique()
    .where(sql.ref('payment_reference'), 'is not', null)
    .execute();

  await s
    .createTable('templates')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('templates_pk', ['tenant_id', 'template_id'])
    .execute();
  await s
    .createIndex('templates_version_unique')
    .on('templates')
    .columns(['tenant_id', 'key', 'channel', 'language', 'version'])
    .unique()
    .execute();

  // Dispatch state of each action of the outbox.
  const addToActions = async (name: string, type: 'text' | 'integer', notNullZero = false) => {
    await s
      .alterTable('actions')
      .addColumn(name, type, (c) => (notNullZero ? c.notNull().defaultTo(0) : c))
      .execute();
  };
  await addToActions('attempts', 'integer', true);
  await addToActions('last_error', 'text');
  await addToActions('claimed_by', 'text');
  await addToActions('claimed_until', 'text');
  await addToActions('sent_at', 'text');
  await addToActions('delivered_at', 'text');
  await addToActions('provider', 'text');
  await addToActions('provider_message_id', 'text');
  await addToActions('message_id', 'text');
  await addToActions('document_id', 'text');
  // A case's actions are found through actions_key_unique (tenant_id, case_id, …). Provider ids (for delivery
  // callbacks) are indexed only once set, so the daily run's million inserts do not pay for this index.
  await s
    .createIndex('actions_by_provider_message')
    .on('actions')
    .columns(['tenant_id', 'provider', 'provider_message_id'])
    .where(sql.ref('provider_message_id'), 'is not', null)
    .execute();

  await s
    .createTable('message_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_event_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_events_pk', ['tenant_id', 'event_id'])
    .execute();
  // A webhook delivered twice is recorded once.
  await s
    .createIndex('message_events_provider_unique')
    .on('message_events')
    .columns(['tenant_id', 'provider', 'provider_event_id'])
    .unique()
    .execute();
  await s
    .createIndex('message_events_by_action')
    .on('message_events')
    .columns(['tenant_id', 'action_id'])
    .execute();

  await s
    .createTable('documents')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('documents_pk', ['tenant_id', 'document_id'])
    .execute();
  await s.createIndex('documents_by_case').on('documents').columns(['tenant_id', 'case_id']).execute();

  // The evidence journal: append-only, each entry's hash covers the previous one (per tenant).
  await s
    .createTable('evidence')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('action_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('document_sha256', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_pk', ['tenant_id', 'seq'])
    .execute();
  await s.createIndex('evidence_by_case').on('evidence').columns(['tenant_id', 'case_id', 'seq']).execute();
  await s
    .createTable('evidence_heads')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_heads_pk', ['tenant_id'])
    .execute();

  await s
    .createTable('print_batches')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('batch_on', 'text', (c) => c.notNull())
    .addColumn('letters', 'integer', (c) => c.notNull())
    .addColumn('pdf_document_id', 'text', (c) => c.notNull())
    .addColumn('manifest_document_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('print_batches_pk', ['tenant_id', 'batch_id'])
    .execute();

  await s
    .createTable('postal_items')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_on', 'text')
    .addColumn('proof_document_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('postal_items_pk', ['tenant_id', 'item_id'])
    .execute();
  await s.createIndex('postal_items_by_case').on('postal_items').columns(['tenant_id', 'case_id']).execute();
  await s
    .createIndex('postal_items_by_batch')
    .on('postal_items')
    .columns(['tenant_id', 'batch_id', 'status'])
    .execute();
  await s
    .createIndex('postal_items_tracking')
    .on('postal_items')
    .columns(['tenant_id', 'tracking_number'])
    .execute();

  await s
    .createTable('call_tasks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('script', 'text')
    .addColumn('assigned_to', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_tasks_pk', ['tenant_id', 'task_id'])
    .execute();
  await s
    .createIndex('call_tasks_action_unique')
    .on('call_tasks')
    .columns(['tenant_id', 'action_id'])
    .unique()
    .execute();
  await s
    .createIndex('call_tasks_queue')
    .on('call_tasks')
    .columns(['tenant_id', 'status', 'window_start'])
    .execute();

  // The built-in SMS provider: messages kept in the database so that the demo works offline.
  await s
    .createTable('builtin_sms')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('from_number', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('segments', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('builtin_sms_pk', ['tenant_id', 'message_id'])
    .execute();
  await s
    .createIndex('builtin_sms_idempotency_unique')
    .on('builtin_sms')
    .columns(['tenant_id', 'idempotency_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'builtin_sms',
    'call_tasks',
    'postal_items',
    'print_batches',
    'evidence_heads',
    'evidence',
    'documents',
    'message_events',
    'templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const index of ['actions_by_provider_message', 'cases_payment_reference_unique']) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of [
    'attempts',
    'last_error',
    'claimed_by',
    'claimed_until',
    'sent_at',
    'delivered_at',
    'provider',
    'provider_message_id',
    'message_id',
    'document_id',
  ]) {
    await db.schema.alterTable('actions').dropColumn(column).execute();
  }
  await db.schema.alterTable('cases').dropColumn('payment_reference').execute();
  await db.schema.alterTable('creditors').dropColumn('details').execute();
}
