import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { COHORT_FIGURES } from '../figures/cohort-figures.ts';
import { contributionSelect, groupedContributions, keyNames, measureNames } from '../figures/figure-specs.ts';
import { postgresFigureTriggers, sqliteFigureTriggers } from '../figures/figure-triggers.ts';

const HISTORY_KEYS = ['tenant_id', 'as_of', 'creditor_id', 'segment', 'currency'] as const;

/** What a month-end (or any day) looked like: the portfolio as it stood that evening. */
const HISTORY_MEASURES = [
  'claim_count',
  'placed_minor',
  'receivable_count',
  'receivable_minor',
  'not_due_minor',
  'd1_30_minor',
  'd31_60_minor',
  'd61_90_minor',
  'd90_plus_minor',
  'disputed_minor',
  'collected_minor',
] as const;

const COHORT_HISTORY_MEASURES = [
  'claim_count',
  'placed_minor',
  'receivable_minor',
  'collected_minor',
] as const;

/**
 * The figures' history (issue #7): a past month-end's receivables cannot be read from today's sums.
 *
 * - `cohort_figures` (+ deltas, triggers): running sums of the claims by cohort — the month each entered the
 *   portfolio (`db/figures/cohort-figures.ts`) — for the current month's point of the liquidation curves.
 * - `figure_history`: one row per day kept × creditor × segment × currency: receivables, their ageing,
 *   disputed, placed and collected to date; `cohort_history` the same by cohort. Written once a day from the
 *   running figures, and for the month-ends before that, computed back from the claims and the payments'
 *   dates (`use-cases/kpis/history/`).
 * - `figure_history_days`: the days written, how (live or computed back) and when: the unique key that keeps
 *   the daily write once a day, and that says a day without any claim was written too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const spec = COHORT_FIGURES;
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
  const triggers = postgres ? postgresFigureTriggers(spec) : sqliteFigureTriggers(spec);
  for (const statement of triggers) await sql.raw(statement).execute(db);
  await sql
    .raw(
      `insert into ${spec.figures} (${keyNames(spec).join(', ')}, ${measureNames(spec).join(', ')}) ` +
        groupedContributions(spec, contributionSelect(spec, 's', 1, `${spec.source} s`)),
    )
    .execute(db);

  const history = (name: string, keys: readonly string[], measures: readonly string[]) => {
    let create = db.schema.createTable(name);
    for (const key of keys) create = create.addColumn(key, 'text', (c) => c.notNull());
    for (const measure of measures)
      create = create.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
    return create.addPrimaryKeyConstraint(`${name}_pk`, keys as never[]).execute();
  };
  await history('figure_history', HISTORY_KEYS, HISTORY_MEASURES);
  await history('cohort_history', [...HISTORY_KEYS, 'cohort_month'], COHORT_HISTORY_MEASURES);
  await db.schema
    .createTable('figure_history_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('live', 'computed')`))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('figure_history_days_pk', ['tenant_id', 'as_of'] as never[])
    .execute();
  // The trends' channels read the actions sent over a period.
  await db.schema.createIndex('actions_by_sent').on('actions').columns(['tenant_id', 'sent_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('actions_by_sent').execute();
  for (const table of ['figure_history_days', 'cohort_history', 'figure_history'])
    await db.schema.dropTable(table).execute();
  for (const event of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger claims_cohorts_${event}${postgres ? ' on claims' : ''}`).execute(db);
  await sql.raw(`drop trigger debtors_cohorts_kind${postgres ? ' on debtors' : ''}`).execute(db);
  if (postgres) {
    for (const fn of [
      'claims_cohorts_inserted',
      'claims_cohorts_updated',
      'claims_cohorts_deleted',
      'debtors_cohorts_kind',
    ])
      await sql.raw(`drop function ${fn}()`).execute(db);
  }
  await db.schema.dropTable(COHORT_FIGURES.deltas).execute();
  await db.schema.dropTable(COHORT_FIGURES.figures).execute();
}
