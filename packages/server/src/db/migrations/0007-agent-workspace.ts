import type { Kysely } from 'kysely';

/**
 * The agent workspace (issue #5): the call queue's routing and locks, call outcomes, promises to pay,
 * payment plans and their instalments, disputes, and the call scripts supervisors edit.
 *
 * - Routing: a call task carries the segment (b2b/b2c), the language and optionally the team and the agent
 *   a supervisor pinned it to; a user has a team and skills. "Next case" takes the best open task an agent
 *   may call now and locks its **case** (`case_locks`): two agents never work the same case, and a lock
 *   expires.
 * - Outcomes are kept as rows (not only as evidence) for the queue's right-party-contact likelihood and the
 *   statistics.
 * - Promises, plans and disputes are rows with a status; the engine's CaseProgress keeps what the daily run
 *   checks, and the run writes back what it found (kept, broken, missed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await s.alterTable('users').addColumn('team', 'text').execute();
  // JSON array of skills: segments ('b2b', 'b2c') and languages ('fr', 'en'); empty = any.
  await s
    .alterTable('users')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  // Instalment limits per creditor (JSON PlanPolicy); null: the product's defaults.
  await s.alterTable('creditors').addColumn('plan_policy', 'text').execute();

  const addToTasks = async (name: string) => {
    await s.alterTable('call_tasks').addColumn(name, 'text').execute();
  };
  await addToTasks('segment');
  await addToTasks('language');
  await addToTasks('team');
  await addToTasks('pinned_to');
  await addToTasks('locked_by');
  await addToTasks('locked_until');
  // JSON: the parts of the priority, shown to supervisors (amount, age, promises, contact likelihood…).
  await addToTasks('score_parts');
  await s
    .createIndex('call_tasks_next')
    .on('call_tasks')
    .columns(['tenant_id', 'status', 'priority', 'window_end'])
    .execute();
  await s.createIndex('call_tasks_by_case').on('call_tasks').columns(['tenant_id', 'case_id']).execute();

  await s
    .createTable('case_locks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addPrimaryKeyConstraint('case_locks_pk', ['tenant_id', 'case_id'])
    .execute();
  await s.createIndex('case_locks_by_user').on('case_locks').columns(['tenant_id', 'locked_by']).execute();

  await s
    .createTable('call_outcomes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('outcome_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('callback_at', 'text')
    // JSON: the script's questions and the answers given.
    .addColumn('script_answers', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_outcomes_pk', ['tenant_id', 'outcome_id'])
    .execute();
  await s
    .createIndex('call_outcomes_by_case')
    .on('call_outcomes')
    .columns(['tenant_id', 'case_id', 'at'])
    .execute();
  await s
    .createIndex('call_outcomes_by_agent')
    .on('call_outcomes')
    .columns(['tenant_id', 'agent_id', 'at'])
    .execute();

  await s
    .createTable('promises')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('made_on', 'text', (c) => c.notNull())
    // 'user:<id>', 'debtor' (portal), 'system'
    .addColumn('made_by', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // JSON [{ dueOn, amountMinor }]: one date or several.
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('baseline_minor', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_on', 'text')
    .addColumn('outcome_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('promises_pk', ['tenant_id', 'promise_id'])
    .execute();
  await s.createIndex('promises_by_case').on('promises').columns(['tenant_id', 'case_id']).execute();

  await s
    .createTable('payment_plans')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    // 'full_now' | 'scheduled' | 'instalments'
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'active' | 'completed' | 'broken' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('principal_minor', 'bigint', (c) => c.notNull())
    .addColumn('interest_minor', 'bigint', (c) => c.notNull())
    .addColumn('fees_minor', 'bigint', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('down_payment_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('instalment_count', 'integer', (c) => c.notNull())
    // JSON array of the claim ids the plan covers (one case).
    .addColumn('claim_ids', 'text', (c) => c.notNull())
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('agreed_by', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_plans_pk', ['tenant_id', 'plan_id'])
    .execute();
  await s
    .createIndex('payment_plans_by_case')
    .on('payment_plans')
    .columns(['tenant_id', 'case_id'])
    .execute();

  await s
    .createTable('plan_instalments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    // 'pending' | 'paid' | 'partly_paid' | 'missed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reminder_action_id', 'text')
    .addPrimaryKeyConstraint('plan_instalments_pk', ['tenant_id', 'plan_id', 'seq'])
    .execute();

  await s
    .createTable('disputes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    // 'open' | 'resolved' | 'rejected' | 'withdrawn'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // 'agent' | 'debtor' | 'import'
    .addColumn('opened_via', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('deadline_on', 'text')
    // 'credit_note' | 'write_off' | 'rejected' | 'withdrawn'
    .addColumn('resolution', 'text')
    .addColumn('resolution_minor', 'bigint')
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disputes_pk', ['tenant_id', 'dispute_id'])
    .execute();
  await s.createIndex('disputes_by_case').on('disputes').columns(['tenant_id', 'case_id']).execute();
  await s
    .createIndex('disputes_by_deadline')
    .on('disputes')
    .columns(['tenant_id', 'status', 'deadline_on'])
    .execute();

  await s
    .createTable('dispute_claims')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispute_claims_pk', ['tenant_id', 'dispute_id', 'claim_id'])
    .execute();
  await s
    .createIndex('dispute_claims_by_claim')
    .on('dispute_claims')
    .columns(['tenant_id', 'claim_id'])
    .execute();

  await s
    .createTable('dispute_documents')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispute_documents_pk', ['tenant_id', 'dispute_id', 'document_id'])
    .execute();

  await s
    .createTable('call_scripts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('script_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // Where the script applies: a strategy's step and/or a scenario; null = any.
    .addColumn('strategy_key', 'text')
    .addColumn('step_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON ScriptDefinition: nodes, questions, answers, arguments.
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_scripts_pk', ['tenant_id', 'script_id'])
    .execute();
  await s
    .createIndex('call_scripts_version_unique')
    .on('call_scripts')
    .columns(['tenant_id', 'key', 'language', 'version'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  for (const table of [
    'call_scripts',
    'dispute_documents',
    'dispute_claims',
    'disputes',
    'plan_instalments',
    'payment_plans',
    'promises',
    'call_outcomes',
    'case_locks',
  ]) {
    await s.dropTable(table).execute();
  }
  await s.dropIndex('call_tasks_by_case').execute();
  await s.dropIndex('call_tasks_next').execute();
  for (const c of ['score_parts', 'locked_until', 'locked_by', 'pinned_to', 'team', 'language', 'segment']) {
    await s.alterTable('call_tasks').dropColumn(c).execute();
  }
  await s.alterTable('creditors').dropColumn('plan_policy').execute();
  await s.alterTable('users').dropColumn('skills').execute();
  await s.alterTable('users').dropColumn('team').execute();
}
