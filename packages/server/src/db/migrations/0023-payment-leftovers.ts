import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Issue #6's leftovers.
 *
 * `payment_attempts.case_id` may be null: the attempt of a caller of the payment IVR who has not keyed a valid
 * reference yet belongs to no case (it was written with an empty string, which looked like a case id to every
 * reader). Its input errors still count in the funnel; identifying the caller fills the case. PostgreSQL drops
 * the constraint; SQLite cannot, so the table is rebuilt as 0010 wrote it, case nullable, with its indexes
 * (0010, 0012). No trigger, view or foreign key reads `payment_attempts`, so nothing else has to follow.
 *
 * `rate_limits`: the requests per payment link and the failed sign-ins per e-mail and address were counted in
 * each server process's memory, so N processes (PostgreSQL's scale-out) gave N budgets. They are counted here,
 * one row per bucket and fixed window, bumped by one upsert; a limit weighs the previous window by the part
 * of it still inside the sliding window. The key leads with `tenant_id` like every other table, but a
 * limited request is counted before anything is verified: a payment link's row takes the tenant its token
 * names (read, not verified: a forged token only spends its own bucket), and a key that names no tenant —
 * an RF reference typed by hand, garbage — goes under ''. Sign-ins always go under '': the e-mail is
 * nobody's until the password matches, and counting a known account's failures elsewhere than an unknown
 * one's would tell which e-mails exist. Buckets hold a sha256 of what they count, never an e-mail or an
 * address; old windows are swept by `expires_at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table payment_attempts alter column case_id drop not null`.execute(db);
  } else {
    await db.transaction().execute(async (trx) => rebuildAttemptsOnSqlite(trx));
  }
  await sql`update payment_attempts set case_id = null where case_id = ''`.execute(db);
  await db.schema
    .createTable('rate_limits')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['tenant_id', 'bucket', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limits_by_expiry').on('rate_limits').column('expires_at').execute();
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
  await db.schema.dropTable('rate_limits').execute();
  await sql`update payment_attempts set case_id = '' where case_id is null`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table payment_attempts alter column case_id set not null`.execute(db);
  }
}
