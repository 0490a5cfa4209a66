import { type Kysely, sql } from 'kysely';

const KEYS = ['tenant_id', 'as_of', 'strategy_key', 'creditor_id', 'segment', 'currency'] as const;

/** `figure_history`'s measures (migration 0017): the portfolio as it stood that evening. */
const MEASURES = [
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

/**
 * The trends by strategy (issue #7, decision 0014): a past month-end's figures by the strategy each case
 * followed when the day was written, beside `figure_history` (which stays as it was: its days keep their
 * key).
 *
 * - `strategy_figure_history`: `figure_history`'s lines with the case's strategy as one more key ('' for a
 *   case without one yet), so a day's lines of every strategy add up to that day's `figure_history`.
 * - `strategy_history_days`: the days written by strategy, their own once-a-day key — the days written before
 *   this migration have none, and are computed back by strategy at the next tick.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let create = db.schema.createTable('strategy_figure_history');
  for (const key of KEYS) create = create.addColumn(key, 'text', (c) => c.notNull());
  for (const measure of MEASURES)
    create = create.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
  await create.addPrimaryKeyConstraint('strategy_figure_history_pk', [...KEYS] as never[]).execute();
  await db.schema
    .createTable('strategy_history_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('live', 'computed')`))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_history_days_pk', ['tenant_id', 'as_of'] as never[])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('strategy_history_days').execute();
  await db.schema.dropTable('strategy_figure_history').execute();
}
