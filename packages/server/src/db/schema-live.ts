/** The outbox counted by minute due, channel and status (migration 0021; `db/figures/live-figures.ts`). */
export type ActionFigureRow = {
  tenant_id: string;
  /** 'YYYY-MM-DDTHH:MM' of `scheduled_at` (UTC), '' when the action has no time. */
  minute: string;
  channel: string;
  status: string;
  action_count: number;
};

/** The call tasks by kind, status, routing ('' for none) and window (migration 0021). */
export type CallTaskFigureRow = {
  tenant_id: string;
  kind: string;
  status: string;
  team: string;
  segment: string;
  language: string;
  window_start: string;
  window_end: string;
  task_count: number;
};

/** Hand-overs summed by creditor, agency, currency, day and delays ('' for none) (migration 0021). */
export type AgencyFigureRow = {
  tenant_id: string;
  creditor_id: string;
  agency_id: string;
  currency: string;
  handed_on: string;
  first_days: string;
  full_days: string;
  handover_count: number;
  handed_minor: number;
  collected_minor: number;
  fees_minor: number;
};

export type LiveTables = {
  action_figures: ActionFigureRow;
  action_figure_deltas: ActionFigureRow;
  call_task_figures: CallTaskFigureRow;
  call_task_figure_deltas: CallTaskFigureRow;
  agency_figures: AgencyFigureRow;
  agency_figure_deltas: AgencyFigureRow;
};
