import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { handoverFactsTriggers, handoverFactsUpdate } from '../figures/agency-figures.ts';
import { contributionSelect, groupedContributions, keyNames, measureNames } from '../figures/figure-specs.ts';
import { postgresFigureTriggers } from '../figures/figure-triggers.ts';
import { LIVE_FIGURES, liveTriggerStem, sqliteUpsertTriggers } from '../figures/live-figures.ts';

/**
 * The live view, the agencies' comparison and the drill-down lists at a million claims (issue #7), every
 * figure read without walking the rows behind it:
 * - `run_batches.by_channel`: the actions each batch of the daily run inserted, by channel (JSON), summed
 *   for the run's progress instead of counting its actions;
 * - the hand-overs' facts (collected, fees, days to the first and to the full payment) kept from their lines
 *   and payments by triggers (`db/figures/agency-figures.ts`);
 * - running sums kept by triggers (`db/figures/live-figures.ts`), each starting from the rows there:
 *   `action_figures` (the outbox by minute due, channel and status), `call_task_figures` (the call tasks by
 *   status, routing and window), `agency_figures` (the hand-overs by creditor, agency, day and delays), with
 *   their deltas on PostgreSQL;
 * - indexes: the callbacks still to queue and the open cases the run has still to decide (partial), the
 *   portal links opened or verified today, the drill-downs' rows (the owed claims by due date, the payments
 *   by day), the open claims owing nothing and the cases with several open claims (partial, both nearly
 *   empty), and the cases by balance with their id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('run_batches').addColumn('by_channel', 'text').execute();
  await addHandoverFacts(db, postgres);
  for (const spec of LIVE_FIGURES) {
    for (const table of [spec.figures, spec.deltas]) {
      let create = db.schema.createTable(table);
      for (const key of keyNames(spec)) create = create.addColumn(key, 'text', (c) => c.notNull());
      for (const measure of measureNames(spec))
        create = create.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
      if (table === spec.figures)
        create = create.addPrimaryKeyConstraint(`${table}_pk`, keyNames(spec) as never[]);
      await create.execute();
    }
    await db.schema.createIndex(`${spec.deltas}_by_tenant`).on(spec.deltas).column('tenant_id').execute();
    const triggers = postgres ? postgresFigureTriggers(spec) : sqliteUpsertTriggers(spec);
    for (const statement of triggers) await sql.raw(statement).execute(db);
    await sql
      .raw(
        `insert into ${spec.figures} (${keyNames(spec).join(', ')}, ${measureNames(spec).join(', ')}) ` +
          groupedContributions(spec, contributionSelect(spec, 's', 1, `${spec.source} s`)),
      )
      .execute(db);
  }
  await addIndexes(db);
}

async function addHandoverFacts(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  const dialect = postgres ? 'postgres' : 'sqlite';
  for (const column of ['collected_minor', 'fees_minor'])
    await db.schema
      .alterTable('agency_handovers')
      .addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  for (const column of ['first_days', 'full_days'])
    await db.schema.alterTable('agency_handovers').addColumn(column, 'integer').execute();
  await db.schema
    .createIndex('agency_collections_by_payment')
    .on('agency_collections')
    .columns(['tenant_id', 'payment_id'])
    .execute();
  for (const statement of handoverFactsTriggers(dialect)) await sql.raw(statement).execute(db);
  await sql.raw(handoverFactsUpdate(dialect, '1 = 1')).execute(db);
}

async function addIndexes(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await sql`create index actions_callbacks_due on actions (tenant_id, scheduled_at)
    where status = 'planned' and action_key like 'callback:%'`.execute(db);
  await sql`create index cases_due_not_run on cases (tenant_id, next_run_on, last_run_on)
    where status = 'open'`.execute(db);
  await s
    .createIndex('payment_links_by_opened')
    .on('payment_links')
    .columns(['tenant_id', 'last_opened_at'])
    .execute();
  await s
    .createIndex('payment_links_by_verified')
    .on('payment_links')
    .columns(['tenant_id', 'verified_at'])
    .execute();
  // The drill-downs (GET /cases from a dashboard figure): the owed claims by due date, the payments by day.
  await sql`create index claims_owed_by_due
    on claims (tenant_id, due_date, creditor_id, case_id, status, outstanding_minor)
    where status in ('open', 'disputed') and outstanding_minor > 0`.execute(db);
  await s
    .createIndex('payments_drill')
    .on('payments')
    .columns(['tenant_id', 'received_on', 'status', 'channel', 'recorded_by', 'creditor_id', 'case_id'])
    .execute();
  await sql`create index claims_open_owing_nothing on claims (tenant_id, due_date, creditor_id)
    where status in ('open', 'disputed') and outstanding_minor <= 0`.execute(db);
  await sql`create index cases_several_open_claims on cases (tenant_id) where open_claim_count > 1`.execute(
    db,
  );
  // By balance with the case id: a list walked by balance tests each case against a drill-down's rows from
  // the index alone, and needs no sort for its tie-break.
  await s.dropIndex('cases_by_balance').execute();
  await s
    .createIndex('cases_by_balance')
    .on('cases')
    .columns(['tenant_id', 'outstanding_minor', 'case_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('cases_by_balance').execute();
  await db.schema
    .createIndex('cases_by_balance')
    .on('cases')
    .columns(['tenant_id', 'outstanding_minor'])
    .execute();
  for (const index of [
    'claims_open_owing_nothing',
    'cases_several_open_claims',
    'payments_drill',
    'claims_owed_by_due',
    'payment_links_by_verified',
    'payment_links_by_opened',
    'cases_due_not_run',
    'actions_callbacks_due',
    'agency_collections_by_payment',
  ])
    await db.schema.dropIndex(index).execute();
  for (const spec of LIVE_FIGURES) {
    const stem = liveTriggerStem(spec);
    for (const event of ['insert', 'update', 'delete'])
      await sql.raw(`drop trigger ${stem}_${event}${postgres ? ` on ${spec.source}` : ''}`).execute(db);
    if (postgres) {
      for (const fn of ['inserted', 'updated', 'deleted'])
        await sql.raw(`drop function ${stem}_${fn}()`).execute(db);
    }
    await db.schema.dropTable(spec.deltas).execute();
    await db.schema.dropTable(spec.figures).execute();
  }
  const factsTriggers = postgres
    ? ['agency_collections_facts on agency_collections', 'payments_agency_facts on payments']
    : ['insert', 'update', 'delete'].flatMap((e) => [
        `agency_collections_facts_${e}`,
        `payments_agency_facts_${e}`,
      ]);
  for (const trigger of factsTriggers) await sql.raw(`drop trigger ${trigger}`).execute(db);
  if (postgres)
    for (const fn of ['agency_collections_facts', 'payments_agency_facts'])
      await sql.raw(`drop function ${fn}()`).execute(db);
  for (const column of ['full_days', 'first_days', 'fees_minor', 'collected_minor'])
    await db.schema.alterTable('agency_handovers').dropColumn(column).execute();
  await db.schema.alterTable('run_batches').dropColumn('by_channel').execute();
}
