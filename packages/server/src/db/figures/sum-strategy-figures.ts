import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import {
  attributedDeltas,
  claimsMovedFor,
  pendingCase,
  pendingCases,
  STRATEGY_FIGURES,
  type StrategySums,
} from './strategy-figures.ts';
import type { FigureFilter, FigureSums } from './sum-figures.ts';

/**
 * PostgreSQL without parallel workers or JIT for the rest of the transaction: a strategy's figures read a few
 * thousand rows and the claims of a few hundred cases by index, and the planner, seeing a million cases,
 * would start workers and compile the plan — measured at 600 ms against 30 ms without, on the bench machine.
 */
export async function serialPlan(trx: Kysely<Database>): Promise<void> {
  await boundSql(
    "select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)",
    {},
  ).execute(trx);
}

export type StrategyFigureQuery = {
  readonly tenantId: string;
  readonly strategyKey: string;
  /** Key columns to group by (none: one row of totals). */
  readonly groupBy?: readonly string[];
  readonly filters?: readonly FigureFilter[];
};

/**
 * The claims' figures of the cases following one strategy, in one statement: the folded sums (and the
 * moves of a fold under way), the deltas under their case's counted strategy, and the claims of the cases
 * whose strategy changed since they were last counted, moved to it (decision 0011). Never behind the last
 * commit, whatever is left to fold. `sums` says which: the portfolio's figures (`strategy_figures`), or the
 * cohorts of the liquidation curves (`STRATEGY_COHORTS`, decision 0016) — the same deltas and moves.
 */
export async function sumStrategyFigures(
  db: Kysely<Database>,
  query: StrategyFigureQuery,
  sums: StrategySums = STRATEGY_FIGURES,
): Promise<readonly FigureSums[]> {
  const keys = new Set(sums.keys);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const { text, values } = strategyFiguresSql(query, postgres ? 'postgres' : 'sqlite', sums);
  const read = (executor: Kysely<Database>) =>
    boundSql<Record<string, string | number>>(text, values).execute(executor);
  const result =
    postgres && !db.isTransaction
      ? await db.transaction().execute(async (trx) => {
          await serialPlan(trx);
          return read(trx);
        })
      : await read(db);
  return result.rows.map((row) => {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(row)) out[k] = keys.has(k) ? String(v) : Number(v);
    return out;
  });
}

/** The statement `sumStrategyFigures` runs, with its `:name` values (for `boundSql`, or a plan to look at). */
export function strategyFiguresSql(
  query: StrategyFigureQuery,
  dialect: 'sqlite' | 'postgres',
  sums: StrategySums = STRATEGY_FIGURES,
): {
  readonly text: string;
  readonly values: Readonly<Record<string, string>>;
} {
  const keys = new Set(sums.keys);
  const groupBy = query.groupBy ?? [];
  const filters = query.filters ?? [];
  for (const column of [...groupBy, ...filters.map((f) => f.column)]) {
    if (!keys.has(column)) throw new Error(`${sums.table} has no key ${column}`);
  }
  const values: Record<string, string> = { tenant: query.tenantId, strategy: query.strategyKey };
  const conditions = filters.map((f, i) => {
    values[`v${i}`] = f.value;
    return ` and f.${f.column} ${f.op} :v${i}`;
  });
  const columns = [...sums.keys, ...sums.measures].join(', ');
  const pending =
    `(select tenant_id, case_id, figures_strategy_key as old_key, strategy_key as new_key from ${pendingCases(dialect)} ` +
    `where tenant_id = :tenant and ${pendingCase('cases')} ` +
    'and (figures_strategy_key = :strategy or strategy_key = :strategy)) p';
  const segmentUsed = [...groupBy, ...filters.map((f) => f.column)].includes('segment');
  const parts = [
    `select ${columns} from ${sums.table} where tenant_id = :tenant and strategy_key = :strategy`,
    `select ${columns} from strategy_figure_moves where tenant_id = :tenant and strategy_key = :strategy`,
    attributedDeltas(
      'strategy_figure_deltas d',
      'd.tenant_id = :tenant and c.figures_strategy_key = :strategy',
      sums,
    ),
    claimsMovedFor(pending, sums, segmentUsed ? {} : { segment: "''" }),
  ];
  const totals = sums.measures.map((m) => `coalesce(sum(f.${m}), 0) as ${m}`);
  const grouped = groupBy.map((k) => `f.${k}`).join(', ');
  const text =
    `select ${[...groupBy.map((k) => `f.${k} as ${k}`), ...totals].join(', ')} from (${parts.join(' union all ')}) as f ` +
    `where f.strategy_key = :strategy${conditions.join('')}` +
    (groupBy.length > 0 ? ` group by ${grouped} order by ${grouped}` : '');
  return { text, values };
}
