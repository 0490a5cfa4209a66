import type { Kysely } from 'kysely';

/**
 * Interest rates entered by a tenant's administrator for semesters the engine's sourced tables do not hold
 * yet (a rate published after the release: the French legal rate's arrêté, the ECB rate on 1 January or
 * 1 July, the Bank of England's reference). One row per table and semester; a correction replaces the row
 * and the audit log keeps what it said before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entered_rates')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('rate_table', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('rate_percent', 'text')
    .addColumn('individual_percent', 'text')
    .addColumn('other_cases_percent', 'text')
    .addColumn('reference_date', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entered_rates_pk', ['tenant_id', 'rate_table', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entered_rates').execute();
}
