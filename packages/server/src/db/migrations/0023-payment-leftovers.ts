import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Issue #6's leftovers.
 *
 * `payment_attempts.case_id` may be null: the attempt of a caller of the payment IVR who has not keyed a valid
 * reference yet belongs to no case (it was written with an empty string, which looked like a case id to every
 * reader). Its input errors still count in the funnel; identifying the caller fills the case. PostgreSQL drops
 * the constraint; SQLite cannot, so the table is rebuilt as 0010 wrote it, case nullable, with its indexes
 * (0010, 0012). No trigger, view or foreign key reads `payment_attempts`, so nothing else has to follow.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table payment_attempts alter column case_id drop not null`.execute(db);
  } else {
    await db.transaction().execute(async (trx) => rebuildAttemptsOnSqlite(trx));
  }
  await sql`update payment_attempts set case_id = null where case_id = ''`.execute(db);
}

const ATTEMPT_COLUMNS =
  'tenant_id, attempt_id, case_id, channel, provider, provider_ref, amount_minor, currency, status, ' +
  'failure_reason, input_errors, link_id, payment_id, details, started_at, updated_at, ended_at';

async function rebuildAttemptsOnSqlite(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payment_attempts_rebuilt')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('attempt_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_ref', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('input_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('link_id', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('details', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('payment_attempts_pk', ['tenant_id', 'attempt_id'])
    .execute();
  await sql
    .raw(
      `insert into payment_attempts_rebuilt (${ATTEMPT_COLUMNS}) select ${ATTEMPT_COLUMNS} from payment_attempts`,
    )
    .execute(db);
  await db.schema.dropTable('payment_attempts').execute();
  await db.schema.alterTable('payment_attempts_rebuilt').renameTo('payment_attempts').execute();
  await createAttemptIndexes(db);
}

async function createAttemptIndexes(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createIndex('payment_attempts_provider_ref')
    .on('payment_attempts')
    .columns(['tenant_id', 'provider', 'provider_ref'])
    .unique()
    .execute();
  await s
    .createIndex('payment_attempts_by_case')
    .on('payment_attempts')
    .columns(['tenant_id', 'case_id', 'started_at'])
    .execute();
  await s
    .createIndex('payment_attempts_by_day')
    .on('payment_attempts')
    .columns(['tenant_id', 'started_at'])
    .execute();
  await s
    .createIndex('payment_attempts_open')
    .on('payment_attempts')
    .columns(['tenant_id', 'status', 'provider', 'started_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update payment_attempts set case_id = '' where case_id is null`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table payment_attempts alter column case_id set not null`.execute(db);
  }
}
