import type { Kysely } from 'kysely';

/**
 * The creditor portal (issue #7).
 *
 * - `cases.held_at`, `held_by`: the creditor put the case on hold (the ladder paused, its planned actions
 *   cancelled) until it releases it. `withdrawn_at`, `withdrawn_by`, `withdrawal_reason`: the creditor took the
 *   case back; its open claims are `cancelled` (the dashboards leave cancelled claims out of what is due) and
 *   the case closed.
 * - `report_subscriptions`: one per creditor — weekly or monthly, to whom, in which language, active or not.
 * - `creditor_reports`: one row per creditor and period (unique): the report's PDF and its e-mail, a small
 *   outbox of its own (planned → sending → sent, failed, unconfirmed) as for the agency's statements.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable('cases').addColumn('held_at', 'text').execute();
  await s.alterTable('cases').addColumn('held_by', 'text').execute();
  await s.alterTable('cases').addColumn('withdrawn_at', 'text').execute();
  await s.alterTable('cases').addColumn('withdrawn_by', 'text').execute();
  await s.alterTable('cases').addColumn('withdrawal_reason', 'text').execute();

  await s
    .createTable('report_subscriptions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    // 'weekly' | 'monthly'
    .addColumn('frequency', 'text', (c) => c.notNull())
    // JSON string[]: e-mail addresses
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('report_subscriptions_pk', ['tenant_id', 'creditor_id'])
    .execute();

  await s
    .createTable('creditor_reports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    // the period's key: '2026-03' or '2026-W11'; 'now-<instant>' for one sent on demand
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // comma-separated addresses, as they were when the report was made
    .addColumn('email_to', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    // 'planned' | 'sending' | 'sent' | 'failed' | 'unconfirmed'
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_claimed_until', 'text')
    .addColumn('email_error', 'text')
    .addColumn('emailed_at', 'text')
    .addColumn('email_document_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('creditor_reports_pk', ['tenant_id', 'report_id'])
    .execute();
  await s
    .createIndex('creditor_reports_period_unique')
    .on('creditor_reports')
    .columns(['tenant_id', 'creditor_id', 'period'])
    .unique()
    .execute();
  await s
    .createIndex('creditor_reports_by_status')
    .on('creditor_reports')
    .columns(['tenant_id', 'email_status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropTable('creditor_reports').execute();
  await s.dropTable('report_subscriptions').execute();
  for (const column of ['held_at', 'held_by', 'withdrawn_at', 'withdrawn_by', 'withdrawal_reason']) {
    await s.alterTable('cases').dropColumn(column).execute();
  }
}
