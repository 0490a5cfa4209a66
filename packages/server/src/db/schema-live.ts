/** The outbox counted by minute due, channel and status (migration 0021; `db/figures/action-figures.ts`). */
export type ActionFigureRow = {
  tenant_id: string;
  /** 'YYYY-MM-DDTHH:MM' of `scheduled_at` (UTC), '' when the action has no time. */
  minute: string;
  channel: string;
  status: string;
  action_count: number;
};

export type LiveTables = {
  action_figures: ActionFigureRow;
  action_figure_deltas: ActionFigureRow;
};
