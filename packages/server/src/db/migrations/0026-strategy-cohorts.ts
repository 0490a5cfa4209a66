import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { contributionSelect, groupedContributions, keyNames } from '../figures/figure-specs.ts';
import { postgresFigureTriggers, sqliteFigureTriggers } from '../figures/figure-triggers.ts';
import {
  STRATEGY_COHORTS,
  STRATEGY_FIGURE_DELTAS,
  STRATEGY_FIGURES,
  STRATEGY_MOVES,
  type StrategySums,
  strategySpec,
} from '../figures/strategy-figures.ts';
import { STRATEGY_DELTAS_0020 } from './0020-strategy-figures.ts';

const HISTORY_KEYS = [
  'tenant_id',
  'as_of',
  'strategy_key',
  'creditor_id',
  'segment',
  'currency',
  'cohort_month',
];
const HISTORY_MEASURES = ['claim_count', 'placed_minor', 'receivable_minor', 'collected_minor'];

/**
 * The liquidation curves by strategy (issue #7, decision 0016):
 *
 * - the strategy deltas (`strategy_figure_deltas`, their triggers on claims and on a debtor's kind) and a
 *   fold's moves (`strategy_figure_moves`) carry each claim's cohort month too, and the fold adds them to
 *   `strategy_cohort_figures` (`cohort_figures` by strategy) beside `strategy_figures`: the cohorts by strategy
 *   ride the strategy fold of decision 0011, with no new trigger on claims;
 * - the deltas and moves of the old shape cannot say their cohort: both tables are made again, empty, and the
 *   sums start again from the claims of every counted case under the strategy it is counted under
 *   (`figures_strategy_key`) — what the old sums, moves and deltas added up to; pending cases stay pending;
 * - `strategy_cohort_history`: `cohort_history`'s lines with the case's strategy as one more key, and
 *   `strategy_cohort_days` their own once-a-day key — the days already written by strategy have none, and are
 *   computed back for them at the next tick.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await dropStrategyTriggers(db, postgres);
  await remakeDeltaTables(db, keyNames(STRATEGY_FIGURE_DELTAS), STRATEGY_MOVES.keys);
  await table(db, STRATEGY_COHORTS.table, STRATEGY_COHORTS.keys, STRATEGY_COHORTS.measures, true);
  await sql`delete from strategy_figures`.execute(db);
  for (const sums of [STRATEGY_FIGURES, STRATEGY_COHORTS]) await countCases(db, sums);
  const triggers = postgres
    ? postgresFigureTriggers(STRATEGY_FIGURE_DELTAS)
    : sqliteFigureTriggers(STRATEGY_FIGURE_DELTAS);
  for (const statement of triggers) await sql.raw(statement).execute(db);

  await table(db, 'strategy_cohort_history', HISTORY_KEYS, HISTORY_MEASURES, true);
  await db.schema
    .createTable('strategy_cohort_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('live', 'computed')`))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_cohort_days_pk', ['tenant_id', 'as_of'] as never[])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropTable('strategy_cohort_days').execute();
  await db.schema.dropTable('strategy_cohort_history').execute();
  await dropStrategyTriggers(db, postgres);
  await db.schema.dropTable(STRATEGY_COHORTS.table).execute();
  await remakeDeltaTables(db, keyNames(STRATEGY_DELTAS_0020), STRATEGY_FIGURES.keys);
  await sql`delete from strategy_figures`.execute(db);
  await countCases(db, STRATEGY_FIGURES);
  const triggers = postgres
    ? postgresFigureTriggers(STRATEGY_DELTAS_0020)
    : sqliteFigureTriggers(STRATEGY_DELTAS_0020);
  for (const statement of triggers) await sql.raw(statement).execute(db);
}

async function dropStrategyTriggers(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  for (const event of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger claims_strategies_${event}${postgres ? ' on claims' : ''}`).execute(db);
  await sql.raw(`drop trigger debtors_strategies_kind${postgres ? ' on debtors' : ''}`).execute(db);
  if (!postgres) return;
  for (const fn of ['inserted', 'updated', 'deleted'])
    await sql.raw(`drop function claims_strategies_${fn}()`).execute(db);
  await sql.raw('drop function debtors_strategies_kind()').execute(db);
}

/** The deltas (by case) and the moves (by strategy) dropped and made again, empty, with the keys given. */
async function remakeDeltaTables(
  db: Kysely<unknown>,
  deltaKeys: readonly string[],
  moveKeys: readonly string[],
): Promise<void> {
  for (const [name, keys] of [
    [STRATEGY_FIGURE_DELTAS.deltas, deltaKeys],
    [STRATEGY_MOVES.table, moveKeys],
  ] as const) {
    await db.schema.dropTable(name).execute();
    await table(db, name, keys, STRATEGY_MOVES.measures, false);
    await db.schema.createIndex(`${name}_by_tenant`).on(name).column('tenant_id').execute();
  }
}

function table(
  db: Kysely<unknown>,
  name: string,
  keys: readonly string[],
  measures: readonly string[],
  primary: boolean,
): Promise<void> {
  let create = db.schema.createTable(name);
  for (const key of keys) create = create.addColumn(key, 'text', (c) => c.notNull());
  for (const measure of measures)
    create = create.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
  if (primary) create = create.addPrimaryKeyConstraint(`${name}_pk`, keys as never[]);
  return create.execute();
}

/** `sums` made from the claims of every counted case, under the strategy it is counted under. */
async function countCases(db: Kysely<unknown>, sums: StrategySums): Promise<void> {
  const spec = strategySpec('p.figures_strategy_key', sums);
  const claims =
    'cases p join claims k on k.tenant_id = p.tenant_id and k.case_id = p.case_id ' +
    'where p.figures_strategy_key is not null';
  await sql
    .raw(
      `insert into ${sums.table} (${[...sums.keys, ...sums.measures].join(', ')}) ` +
        groupedContributions(spec, contributionSelect(spec, 'k', 1, claims)),
    )
    .execute(db);
}
