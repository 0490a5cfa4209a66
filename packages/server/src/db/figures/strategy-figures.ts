import { CLAIM_FIGURES, contributionSelect, type FigureSpec, measureNames } from './figure-specs.ts';

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
  ],
  measures: CLAIM_FIGURES.measures,
  watched: [...CLAIM_FIGURES.watched, 'case_id'],
  // SQLite writes no delta for a case not counted yet (a new case's claims, at import): it would be dropped
  // when read or folded. PostgreSQL must write them: the case may be counted by a fold committing meanwhile.
  sqliteWhen: (r) =>
    `(select c.figures_strategy_key from cases c where c.tenant_id = ${r}.tenant_id ` +
    `and c.case_id = ${r}.case_id) is not null`,
};

/** `strategy_figures`' keys: `claim_figures`' with the strategy after the tenant. */
export const STRATEGY_FIGURE_KEYS: readonly string[] = [
  'tenant_id',
  'strategy_key',
  ...CLAIM_FIGURES.keys.slice(1).map((k) => k.name),
];

export const STRATEGY_FIGURE_MEASURES: readonly string[] = measureNames(CLAIM_FIGURES);

/** The claims' figures with the strategy given by `strategy` (an SQL expression) as the second key. */
export const strategyKeyed = (strategy: string): FigureSpec => ({
  ...STRATEGY_FIGURE_DELTAS,
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'strategy_key', expression: () => strategy },
    ...CLAIM_FIGURES.keys.slice(1),
  ],
});

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
 * For a read of the strategy `:strategy`: the claims of the pending cases in `cases` (aliased `p`, each moving
 * into it or out of it, never both), plus those moving in and minus those moving out, in one pass over them.
 */
export function claimsMovedFor(cases: string, overrides: Readonly<Record<string, string>> = {}): string {
  const into = 'p.new_key = :strategy';
  const spec = strategyKeyed(`case when ${into} then p.new_key else p.old_key end`);
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
 * The deltas of `source` (aliased `d`) with their case's `figures_strategy_key`, as `strategy_figures` rows:
 * those of cases not counted drop out (their claims are counted whole when the case is).
 */
export function attributedDeltas(source: string, where: string): string {
  const columns = [
    'd.tenant_id',
    'c.figures_strategy_key as strategy_key',
    ...STRATEGY_FIGURE_KEYS.slice(2).map((k) => `d.${k}`),
    ...STRATEGY_FIGURE_MEASURES.map((m) => `d.${m}`),
  ];
  return (
    `select ${columns.join(', ')} from ${source} join cases c ` +
    `on c.tenant_id = d.tenant_id and c.case_id = d.case_id where ${where} and c.figures_strategy_key is not null`
  );
}
