import { type Kysely, PostgresAdapter, sql } from 'kysely';
import {
  CLAIM_FIGURES,
  contributionSelect,
  type FigureSpec,
  groupedContributions,
  keyNames,
  measureNames,
} from '../figures/figure-specs.ts';
import { postgresFigureTriggers, sqliteFigureTriggers } from '../figures/figure-triggers.ts';
import {
  pendingCase,
  STRATEGY_FIGURE_DELTAS,
  STRATEGY_FIGURE_KEYS,
  STRATEGY_FIGURE_MEASURES,
} from '../figures/strategy-figures.ts';

/**
 * The deltas as this migration made them, by `claim_figures`' keys: migration 0026 adds the cohort month (and
 * its down migration makes these again).
 */
export const STRATEGY_DELTAS_0020: FigureSpec = {
  ...STRATEGY_FIGURE_DELTAS,
  keys: STRATEGY_FIGURE_DELTAS.keys.filter((k) => k.name !== 'cohort_month'),
  watched: [...CLAIM_FIGURES.watched, 'case_id'],
};

const TRIGGER_FUNCTIONS = [
  'claims_strategies_inserted',
  'claims_strategies_updated',
  'claims_strategies_deleted',
];

/**
 * The portfolio by strategy (issue #7, decision 0011; `db/figures/strategy-figures.ts`):
 * - `cases.figures_strategy_key`: the strategy `strategy_figures` counts the case's claims under;
 *   `cases.strategy_unfolded` (generated: the strategy differs from it) and the partial index of those cases
 *   (the run's update of a case writes its entry, nothing else);
 * - `strategy_figures` (sums by strategy and `claim_figures`' keys) and `strategy_figure_deltas` (by case),
 *   appended to by triggers on claims and on a debtor's kind; `strategy_figure_moves` (by strategy), what a
 *   fold's chunks moved, added to the sums once at its end;
 * - the sums start from what the tables hold: every case's claims counted under its strategy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('cases').addColumn('figures_strategy_key', 'text').execute();
  // A column, not only an index predicate: PostgreSQL then knows from its statistics how few cases are
  // pending (it guesses 99 % for an `is distinct from` of two columns, and scans every case and claim).
  // The index walks them in case order (the fold's chunks) and holds both strategies (a read picks those
  // moving into or out of its strategy without reading the cases).
  const unfolded = 'strategy_key is distinct from figures_strategy_key';
  await sql
    .raw(
      postgres
        ? `alter table cases add column strategy_unfolded boolean generated always as (${unfolded}) stored`
        : `alter table cases add column strategy_unfolded integer generated always as (${unfolded}) virtual`,
    )
    .execute(db);
  await sql
    .raw(
      'create index cases_strategy_unfolded on cases (tenant_id, case_id, strategy_key, figures_strategy_key) ' +
        `where ${pendingCase('cases')}`,
    )
    .execute(db);
  const table = (name: string, keys: readonly string[], primary: boolean) => {
    let create = db.schema.createTable(name);
    for (const key of keys) create = create.addColumn(key, 'text', (c) => c.notNull());
    for (const measure of STRATEGY_FIGURE_MEASURES)
      create = create.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
    if (primary) create = create.addPrimaryKeyConstraint(`${name}_pk`, keys as never[]);
    return create.execute();
  };
  await table('strategy_figures', STRATEGY_FIGURE_KEYS, true);
  await table('strategy_figure_moves', STRATEGY_FIGURE_KEYS, false);
  await db.schema
    .createIndex('strategy_figure_moves_by_tenant')
    .on('strategy_figure_moves')
    .column('tenant_id')
    .execute();
  await table(STRATEGY_DELTAS_0020.deltas, keyNames(STRATEGY_DELTAS_0020), false);
  await db.schema
    .createIndex('strategy_figure_deltas_by_tenant')
    .on(STRATEGY_DELTAS_0020.deltas)
    .column('tenant_id')
    .execute();
  const triggers = postgres
    ? postgresFigureTriggers(STRATEGY_DELTAS_0020)
    : sqliteFigureTriggers(STRATEGY_DELTAS_0020);
  for (const statement of triggers) await sql.raw(statement).execute(db);
  const spec: FigureSpec = {
    ...STRATEGY_DELTAS_0020,
    keys: [
      { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
      { name: 'strategy_key', expression: () => 'p.strategy_key' },
      ...CLAIM_FIGURES.keys.slice(1),
    ],
  };
  const claims =
    'cases p join claims k on k.tenant_id = p.tenant_id and k.case_id = p.case_id where p.strategy_key is not null';
  await sql
    .raw(
      `insert into strategy_figures (${keyNames(spec).join(', ')}, ${measureNames(spec).join(', ')}) ` +
        groupedContributions(spec, contributionSelect(spec, 'k', 1, claims)),
    )
    .execute(db);
  await sql`update cases set figures_strategy_key = strategy_key where strategy_key is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const event of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger claims_strategies_${event}${postgres ? ' on claims' : ''}`).execute(db);
  await sql.raw(`drop trigger debtors_strategies_kind${postgres ? ' on debtors' : ''}`).execute(db);
  if (postgres) {
    for (const fn of [...TRIGGER_FUNCTIONS, 'debtors_strategies_kind'])
      await sql.raw(`drop function ${fn}()`).execute(db);
  }
  await db.schema.dropTable(STRATEGY_DELTAS_0020.deltas).execute();
  await db.schema.dropTable('strategy_figure_moves').execute();
  await db.schema.dropTable('strategy_figures').execute();
  await db.schema.dropIndex('cases_strategy_unfolded').execute();
  await db.schema.alterTable('cases').dropColumn('strategy_unfolded').execute();
  await db.schema.alterTable('cases').dropColumn('figures_strategy_key').execute();
}
