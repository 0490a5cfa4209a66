/** The dashboards' running figures (migration 0015; see `db/figures/figure-specs.ts`). */

export type ClaimFigureRow = {
  tenant_id: string;
  creditor_id: string;
  /** The debtor's kind: 'business' | 'consumer' ('unknown' if the debtor was missing). */
  segment: string;
  currency: string;
  due_date: string;
  /** 'YYYY-MM' of the issue date, '' when the claim has none. */
  issue_month: string;
  claim_count: number;
  amount_minor: number;
  receivable_count: number;
  receivable_minor: number;
  disputed_minor: number;
  paid_count: number;
  collected_minor: number;
};

export type PaymentFigureRow = {
  tenant_id: string;
  creditor_id: string;
  segment: string;
  /** The strategy the case followed when the payment was booked ('' when none yet). */
  strategy_key: string;
  currency: string;
  received_on: string;
  channel: string;
  method: string;
  recorded_by: string;
  payment_count: number;
  amount_minor: number;
  reversed_count: number;
  reversed_minor: number;
};

/** Claims by cohort, the month they entered the portfolio (migration 0017; `db/figures/cohort-figures.ts`). */
export type CohortFigureRow = {
  tenant_id: string;
  creditor_id: string;
  segment: string;
  currency: string;
  /** 'YYYY-MM'. */
  cohort_month: string;
  claim_count: number;
  amount_minor: number;
  receivable_minor: number;
  collected_minor: number;
};

/** The claims' figures by their case's strategy (migration 0020; `db/figures/strategy-figures.ts`). */
export type StrategyFigureRow = ClaimFigureRow & {
  /** The strategy of the claim's case as last counted (`cases.figures_strategy_key`). */
  strategy_key: string;
};

/** A claim's contribution by case: its strategy is its case's when read or folded. */
export type StrategyFigureDeltaRow = ClaimFigureRow & {
  case_id: string;
  /** The claim's cohort (migration 0026): the fold adds it to `strategy_cohort_figures` too. */
  cohort_month: string;
};

/** What a fold's chunks moved, by the keys of both sums by strategy (migration 0026). */
export type StrategyFigureMoveRow = StrategyFigureRow & { cohort_month: string };

/** The claims by cohort and by their case's strategy (migration 0026; decision 0016). */
export type StrategyCohortFigureRow = CohortFigureRow & {
  /** The strategy of the claim's case as last counted (`cases.figures_strategy_key`). */
  strategy_key: string;
};

/** The portfolio as it stood on a day (migration 0017): a month-end, or a day the worker wrote. */
export type FigureHistoryRow = {
  tenant_id: string;
  as_of: string;
  creditor_id: string;
  segment: string;
  currency: string;
  claim_count: number;
  placed_minor: number;
  receivable_count: number;
  receivable_minor: number;
  not_due_minor: number;
  d1_30_minor: number;
  d31_60_minor: number;
  d61_90_minor: number;
  d90_plus_minor: number;
  disputed_minor: number;
  /** Collected through Relance on these claims up to that day (principal, interest, fees). */
  collected_minor: number;
};

/** `figure_history`'s lines by the strategy each case followed when the day was written (migration 0024). */
export type StrategyFigureHistoryRow = FigureHistoryRow & {
  /** '' for a case without a strategy yet. */
  strategy_key: string;
};

export type CohortHistoryRow = {
  tenant_id: string;
  as_of: string;
  creditor_id: string;
  segment: string;
  currency: string;
  cohort_month: string;
  claim_count: number;
  placed_minor: number;
  receivable_minor: number;
  collected_minor: number;
};

export type FigureHistoryDayRow = {
  tenant_id: string;
  as_of: string;
  /** 'live': from the running figures that day; 'computed': back from the claims and payments' dates. */
  source: 'live' | 'computed';
  taken_at: string;
};

export type FiguresTables = {
  claim_figures: ClaimFigureRow;
  claim_figure_deltas: ClaimFigureRow;
  payment_figures: PaymentFigureRow;
  payment_figure_deltas: PaymentFigureRow;
  cohort_figures: CohortFigureRow;
  cohort_figure_deltas: CohortFigureRow;
  strategy_figures: StrategyFigureRow;
  /** What a fold's chunks moved, added to both sums by strategy at its end (read with them meanwhile). */
  strategy_figure_moves: StrategyFigureMoveRow;
  strategy_figure_deltas: StrategyFigureDeltaRow;
  strategy_cohort_figures: StrategyCohortFigureRow;
  figure_history: FigureHistoryRow;
  cohort_history: CohortHistoryRow;
  figure_history_days: FigureHistoryDayRow;
  strategy_figure_history: StrategyFigureHistoryRow;
  /** The days `strategy_figure_history` was written for: its own once-a-day key. */
  strategy_history_days: FigureHistoryDayRow;
  strategy_cohort_history: StrategyCohortHistoryRow;
  /** The days `strategy_cohort_history` was written for (migration 0026): its own once-a-day key. */
  strategy_cohort_days: FigureHistoryDayRow;
};

/** `cohort_history`'s lines by the strategy each case followed when the day was written (migration 0026). */
export type StrategyCohortHistoryRow = CohortHistoryRow & {
  /** '' for a case without a strategy yet. */
  strategy_key: string;
};
