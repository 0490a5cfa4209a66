import type { Kysely } from 'kysely';

/**
 * The strategy engine: versioned strategies, tenant settings (assignment rules, run schedule), each case's
 * place on its ladder, the events it reacts to, the outbox of actions, the compliance log and the runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  const money = 'bigint' as const;

  await s
    .createTable('strategies')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('strategy_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('strategies_pk', ['tenant_id', 'strategy_id'])
    .execute();
  await s
    .createIndex('strategies_version_unique')
    .on('strategies')
    .columns(['tenant_id', 'key', 'version'])
    .unique()
    .execute();

  await s
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tenant_settings_pk', ['tenant_id', 'key'])
    .execute();

  // Where each case stands: the run reads and writes these; `next_run_on` is the queue.
  await s.alterTable('cases').addColumn('strategy_key', 'text').execute();
  await s
    .alterTable('cases')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('new'))
    .execute();
  await s.alterTable('cases').addColumn('progress', 'text').execute();
  await s
    .alterTable('cases')
    .addColumn('next_run_on', 'text', (c) => c.defaultTo('1970-01-01'))
    .execute();
  await s.alterTable('cases').addColumn('next_action', 'text').execute();
  await s.alterTable('cases').addColumn('last_run_on', 'text').execute();
  await s.alterTable('cases').addColumn('last_notes', 'text').execute();
  await s
    .alterTable('cases')
    .addColumn('interest_minor', money, (c) => c.notNull().defaultTo(0))
    .execute();
  await s
    .alterTable('cases')
    .addColumn('fees_minor', money, (c) => c.notNull().defaultTo(0))
    .execute();
  await s.alterTable('cases').addColumn('accrued_on', 'text').execute();
  await s.createIndex('cases_run_queue').on('cases').columns(['tenant_id', 'next_run_on']).execute();

  await s.alterTable('debtors').addColumn('cease_contact_at', 'text').execute();
  await s.alterTable('contacts').addColumn('opted_out_at', 'text').execute();
  // Whether the creditor charges late interest and the fixed compensation, waives them, or keeps them as a lever.
  await s
    .alterTable('creditors')
    .addColumn('interest_policy', 'text', (c) => c.notNull().defaultTo('charge'))
    .execute();
  await s
    .alterTable('creditors')
    .addColumn('fixed_fee_policy', 'text', (c) => c.notNull().defaultTo('charge'))
    .execute();
  await s.alterTable('creditors').addColumn('contract_rate', 'text').execute();

  await s
    .createTable('case_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_run_id', 'text')
    .addPrimaryKeyConstraint('case_events_pk', ['tenant_id', 'event_id'])
    .execute();
  await s
    .createIndex('case_events_by_case')
    .on('case_events')
    .columns(['tenant_id', 'case_id', 'applied_run_id'])
    .execute();

  await s
    .createTable('actions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('action_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('strategy_key', 'text')
    .addColumn('strategy_version', 'integer')
    .addColumn('step_key', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('gate', 'text', (c) => c.notNull())
    .addColumn('amounts', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('actions_pk', ['tenant_id', 'action_id'])
    .execute();
  // The outbox refuses a second row for the same step of the same case: a re-run never doubles an action.
  await s
    .createIndex('actions_key_unique')
    .on('actions')
    .columns(['tenant_id', 'case_id', 'action_key'])
    .unique()
    .execute();
  await s
    .createIndex('actions_by_status')
    .on('actions')
    .columns(['tenant_id', 'status', 'scheduled_at'])
    .execute();

  await s
    .createTable('compliance_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('action_key', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_log_pk', ['tenant_id', 'decision_id'])
    .execute();
  await s
    .createIndex('compliance_log_by_case')
    .on('compliance_log')
    .columns(['tenant_id', 'case_id', 'at'])
    .execute();

  await s
    .createTable('runs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('workers', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('runs_pk', ['tenant_id', 'run_id'])
    .execute();
  await s
    .createTable('run_batches')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('actions', 'integer', (c) => c.notNull())
    .addColumn('blocked', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_batches_pk', ['tenant_id', 'run_id', 'batch_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'run_batches',
    'runs',
    'compliance_log',
    'actions',
    'case_events',
    'tenant_settings',
    'strategies',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex('cases_run_queue').execute();
  for (const c of [
    'strategy_key',
    'stage',
    'progress',
    'next_run_on',
    'next_action',
    'last_run_on',
    'last_notes',
    'interest_minor',
    'fees_minor',
    'accrued_on',
  ]) {
    await db.schema.alterTable('cases').dropColumn(c).execute();
  }
  await db.schema.alterTable('debtors').dropColumn('cease_contact_at').execute();
  await db.schema.alterTable('contacts').dropColumn('opted_out_at').execute();
  for (const c of ['interest_policy', 'fixed_fee_policy', 'contract_rate']) {
    await db.schema.alterTable('creditors').dropColumn(c).execute();
  }
}
