import { COHORT_FIGURES, cohortMonthOf } from './cohort-figures.ts';
import {
  CLAIM_FIGURES,
  contributionSelect,
  type FigureColumn,
  type FigureSpec,
  keyNames,
  measureNames,
} from './figure-specs.ts';

/**
 * The portfolio by strategy (issue #7, decision 0011): the claims' figures of `claim_figures`, with the
 * strategy of each claim's case as one more key.
 *
 * The strategy is the case's, not the claim's, and the daily run assigns it to every new case: a trigger on
 * cases moving each case's claims would cost the first run over a million cases another million-row insert.
 * So nothing happens when a case's strategy changes. Instead:
 *
 * - `cases.figures_strategy_key` is the strategy `strategy_figures` counts the case's claims under (null: not
 *   counted). A case whose `strategy_key` differs from it is *pending* (`cases.strategy_unfolded`, a generated
 *   column); a partial index holds exactly those — an entry the run's own update of the case writes, no more.
 * - The claims' triggers append their contributions to `strategy_figure_deltas` keyed by **case**, with no
 *   strategy: a trigger reads nothing but the claim (and the debtor's kind, as `claim_figures`' do), so no
 *   write racing a strategy change can file a contribution under the wrong strategy. A delta counts under its
 *   case's `figures_strategy_key` as it stands when it is read or folded.
 * - A read adds, in one statement: the sums, the deltas through their cases, and for the pending cases their
 *   claims moved from `figures_strategy_key` to `strategy_key` (`sumStrategyFigures`).
 * - `foldStrategyFigures` (with `compactFigures`) folds the deltas and settles pending cases, a chunk at a time.
 *
 * The same deltas and moves carry each claim's cohort month (decision 0016), and the fold adds them to two sums:
 * `strategy_figures` (the portfolio) and `strategy_cohort_figures` (the liquidation curves' current point) —
 * the cohorts by strategy ride this fold rather than a fourth set of triggers on claims.
 */
export const STRATEGY_FIGURE_DELTAS: FigureSpec = {
  source: 'claims',
  triggerStem: 'strategies',
  figures: 'strategy_figures',
  deltas: 'strategy_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'case_id', expression: (r) => `${r}.case_id` },
    ...CLAIM_FIGURES.keys.slice(1),
    // Last, so that the deltas' other keys keep `strategy_figures`' order (migration 0026).
    { name: 'cohort_month', expression: cohortMonthOf },
  ],
  measures: CLAIM_FIGURES.measures,
  watched: [...CLAIM_FIGURES.watched, 'case_id', 'placement_id', 'created_at'],
  // SQLite writes no delta for a case not counted yet (a new case's claims, at import): it would be dropped
  // when read or folded. PostgreSQL must write them: the case may be counted by a fold committing meanwhile.
  sqliteWhen: (r) =>
    `(select c.figures_strategy_key from cases c where c.tenant_id = ${r}.tenant_id ` +
    `and c.case_id = ${r}.case_id) is not null`,
};

/** The claims' figures with the strategy given by `strategy` (an SQL expression) as the second key. */
export const strategyKeyed = (strategy: string): FigureSpec => ({
  ...STRATEGY_FIGURE_DELTAS,
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'strategy_key', expression: () => strategy },
    ...STRATEGY_FIGURE_DELTAS.keys.slice(2),
  ],
});

/** A table of sums by strategy: its keys (tenant, strategy, then the claims' own) and measures. */
export type StrategySums = {
  readonly table: 'strategy_figures' | 'strategy_cohort_figures' | 'strategy_figure_moves';
  readonly keys: readonly string[];
  readonly measures: readonly string[];
};

/** `strategy_figures`: `claim_figures`' keys with the strategy after the tenant (the portfolio by strategy). */
export const STRATEGY_FIGURES: StrategySums = {
  table: 'strategy_figures',
  keys: ['tenant_id', 'strategy_key', ...CLAIM_FIGURES.keys.slice(1).map((k) => k.name)],
  measures: measureNames(CLAIM_FIGURES),
};

/** `strategy_cohort_figures`: `cohort_figures` with the strategy after the tenant (the liquidation curves). */
export const STRATEGY_COHORTS: StrategySums = {
  table: 'strategy_cohort_figures',
  keys: ['tenant_id', 'strategy_key', ...COHORT_FIGURES.keys.slice(1).map((k) => k.name)],
  measures: measureNames(COHORT_FIGURES),
};

/** `strategy_figure_moves`: what a fold's chunks moved, by every key of both sums, until the fold adds them. */
export const STRATEGY_MOVES: StrategySums = {
  table: 'strategy_figure_moves',
  keys: keyNames(strategyKeyed('')),
  measures: measureNames(CLAIM_FIGURES),
};

export const STRATEGY_FIGURE_KEYS: readonly string[] = STRATEGY_FIGURES.keys;
export const STRATEGY_FIGURE_MEASURES: readonly string[] = STRATEGY_FIGURES.measures;

/**
 * A pending case (`c` is the case): `cases.strategy_unfolded`, generated as `strategy_key is distinct from
 * figures_strategy_key` — the predicate of the partial index of pending cases, written the same way here.
 */
export const pendingCase = (c: string) => `${c}.strategy_unfolded`;

/**
 * The pending cases' source: on SQLite through their partial index by name — its statistics, taken when it
 * was empty, can make the planner prefer another index of cases (a creditor's, every case of it).
 */
export const pendingCases = (dialect: 'sqlite' | 'postgres') =>
  dialect === 'sqlite' ? 'cases indexed by cases_strategy_unfolded' : 'cases';

/**
 * The claims of the cases in `cases` (an SQL source aliased `p`, with `old_key` and `new_key`), each with the
 * sign that moves it: minus under `old_key`, plus under `new_key` (a null key: not counted there). `overrides`
 * replaces a key's expression (a read that neither filters nor groups by segment skips the debtor's lookup).
 */
export function movedClaims(cases: string, overrides: Readonly<Record<string, string>> = {}): string {
  const from = (key: 'old_key' | 'new_key') =>
    `${cases} join claims k on k.tenant_id = p.tenant_id and k.case_id = p.case_id where p.${key} is not null`;
  return (
    `${contributionSelect(strategyKeyed('p.old_key'), 'k', -1, from('old_key'), overrides)} union all ` +
    contributionSelect(strategyKeyed('p.new_key'), 'k', 1, from('new_key'), overrides)
  );
}

/**
 * The claims' figures as rows of `sums` (only its keys and measures, in its order), the strategy given by
 * `strategy` (an SQL expression): the contributions a read, a fold or a migration adds to that table.
 */
export function strategySpec(strategy: string, sums: StrategySums): FigureSpec {
  const spec = strategyKeyed(strategy);
  const pick = (columns: readonly FigureColumn[], names: readonly string[]) =>
    names.map((name) => {
      const found = columns.find((c) => c.name === name);
      if (!found) throw new Error(`The strategy deltas have no column ${name}`);
      return found;
    });
  return { ...spec, keys: pick(spec.keys, sums.keys), measures: pick(spec.measures, sums.measures) };
}

/**
 * For a read of the strategy `:strategy` from `sums`: the claims of the pending cases in `cases` (aliased `p`,
 * each moving into it or out of it, never both), plus those moving in and minus those moving out, in one pass
 * over them, as rows of `sums` (only its keys are computed).
 */
export function claimsMovedFor(
  cases: string,
  sums: StrategySums,
  overrides: Readonly<Record<string, string>> = {},
): string {
  const into = 'p.new_key = :strategy';
  const spec = strategySpec(`case when ${into} then p.new_key else p.old_key end`, sums);
  const keys = spec.keys.map((k) => `${overrides[k.name] ?? k.expression('k')} as ${k.name}`);
  const measures = spec.measures.map(
    (m) => `(case when ${into} then 1 else -1 end) * (${m.expression('k')}) as ${m.name}`,
  );
  return (
    `select ${[...keys, ...measures].join(', ')} from ${cases} ` +
    'join claims k on k.tenant_id = p.tenant_id and k.case_id = p.case_id'
  );
}

/**
 * The deltas of `source` (aliased `d`) with their case's `figures_strategy_key`, as rows of `sums`: those of
 * cases not counted drop out (their claims are counted whole when the case is).
 */
export function attributedDeltas(source: string, where: string, sums: StrategySums): string {
  const columns = [
    'd.tenant_id',
    'c.figures_strategy_key as strategy_key',
    ...sums.keys.slice(2).map((k) => `d.${k}`),
    ...sums.measures.map((m) => `d.${m}`),
  ];
  return (
    `select ${columns.join(', ')} from ${source} join cases c ` +
    `on c.tenant_id = d.tenant_id and c.case_id = d.case_id where ${where} and c.figures_strategy_key is not null`
  );
}
