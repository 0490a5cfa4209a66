import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { ACTION_FIGURES, sqliteActionFigureTriggers } from '../figures/action-figures.ts';
import { contributionSelect, groupedContributions, keyNames, measureNames } from '../figures/figure-specs.ts';
import { postgresFigureTriggers } from '../figures/figure-triggers.ts';

/**
 * The live view at a million actions a day (issue #7), every figure read without walking the day's rows:
 * - `run_batches.by_channel`: the actions each batch of the daily run inserted, by channel (JSON), summed
 *   for the run's progress instead of counting its actions;
 * - `action_figures` (+ `action_figure_deltas` on PostgreSQL): the outbox counted by minute due, channel and
 *   status, kept by triggers on actions (`db/figures/action-figures.ts`), starting from the actions there;
 * - partial indexes for the callbacks still to queue and the open cases the run has still to decide, and
 *   indexes for the portal links opened or verified today.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('run_batches').addColumn('by_channel', 'text').execute();

  const spec = ACTION_FIGURES;
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
  const triggers = postgres ? postgresFigureTriggers(spec) : sqliteActionFigureTriggers();
  for (const statement of triggers) await sql.raw(statement).execute(db);
  await sql
    .raw(
      `insert into ${spec.figures} (${keyNames(spec).join(', ')}, ${measureNames(spec).join(', ')}) ` +
        groupedContributions(spec, contributionSelect(spec, 's', 1, `${spec.source} s`)),
    )
    .execute(db);

  await sql`create index actions_callbacks_due on actions (tenant_id, scheduled_at)
    where status = 'planned' and action_key like 'callback:%'`.execute(db);
  await sql`create index cases_due_not_run on cases (tenant_id, next_run_on, last_run_on)
    where status = 'open'`.execute(db);
  await db.schema
    .createIndex('payment_links_by_opened')
    .on('payment_links')
    .columns(['tenant_id', 'last_opened_at'])
    .execute();
  await db.schema
    .createIndex('payment_links_by_verified')
    .on('payment_links')
    .columns(['tenant_id', 'verified_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const index of [
    'payment_links_by_verified',
    'payment_links_by_opened',
    'cases_due_not_run',
    'actions_callbacks_due',
  ])
    await db.schema.dropIndex(index).execute();
  for (const event of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger actions_figures_${event}${postgres ? ' on actions' : ''}`).execute(db);
  if (postgres) {
    for (const fn of ['actions_figures_inserted', 'actions_figures_updated', 'actions_figures_deleted'])
      await sql.raw(`drop function ${fn}()`).execute(db);
  }
  await db.schema.dropTable(ACTION_FIGURES.deltas).execute();
  await db.schema.dropTable(ACTION_FIGURES.figures).execute();
  await db.schema.alterTable('run_batches').dropColumn('by_channel').execute();
}
