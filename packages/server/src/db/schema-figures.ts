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

export type FiguresTables = {
  claim_figures: ClaimFigureRow;
  claim_figure_deltas: ClaimFigureRow;
  payment_figures: PaymentFigureRow;
  payment_figure_deltas: PaymentFigureRow;
};
