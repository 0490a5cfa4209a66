import { AGENCY_FIGURES } from './agency-figures.ts';
import { type FigureSpec, keyNames, measureNames } from './figure-specs.ts';

/**
 * The live view's running counts (migration 0021), so that a million actions and tens of thousands of open
 * calls a day cost it a few hundred rows instead of a walk over the day's rows.
 *
 * The outbox by the minute its actions are due: `scheduled_at`'s first 16 characters ('2026-03-16T08:00', ''
 * when the action has no time). Every instant the app writes is ISO-8601 UTC, so a minute compares with an
 * instant as the instant's own prefix does, and a day in Paris (whose offsets are whole hours) is a range of
 * whole minutes.
 */
export const ACTION_FIGURES: FigureSpec = {
  source: 'actions',
  figures: 'action_figures',
  deltas: 'action_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'minute', expression: (r) => `coalesce(substr(${r}.scheduled_at, 1, 16), '')` },
    { name: 'channel', expression: (r) => `${r}.channel` },
    { name: 'status', expression: (r) => `${r}.status` },
  ],
  measures: [{ name: 'action_count', expression: () => '1' }],
  watched: ['status', 'channel', 'scheduled_at'],
};

/**
 * The call tasks by kind, status, routing (team, segment, language; '' for none) and window: the run gives
 * its calls a few windows a day, so the queue "open and callable now" is a handful of rows.
 */
export const CALL_TASK_FIGURES: FigureSpec = {
  source: 'call_tasks',
  figures: 'call_task_figures',
  deltas: 'call_task_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'kind', expression: (r) => `${r}.kind` },
    { name: 'status', expression: (r) => `${r}.status` },
    { name: 'team', expression: (r) => `coalesce(${r}.team, '')` },
    { name: 'segment', expression: (r) => `coalesce(${r}.segment, '')` },
    { name: 'language', expression: (r) => `coalesce(${r}.language, '')` },
    { name: 'window_start', expression: (r) => `${r}.window_start` },
    { name: 'window_end', expression: (r) => `${r}.window_end` },
  ],
  measures: [{ name: 'task_count', expression: () => '1' }],
  watched: ['kind', 'status', 'team', 'segment', 'language', 'window_start', 'window_end'],
};

/** Every running sum kept this way: the live view's, and the agencies' comparison's (`agency-figures.ts`). */
export const LIVE_FIGURES: readonly FigureSpec[] = [ACTION_FIGURES, CALL_TASK_FIGURES, AGENCY_FIGURES];

/** The stem of a live spec's triggers: `actions_figures_insert`, `call_tasks_figures_update`… */
export const liveTriggerStem = (spec: FigureSpec) => `${spec.source}_figures`;

/**
 * SQLite's triggers add each change straight to the sums (an upsert of one row): SQLite has one writer at a
 * time, so a shared sum row makes no one wait, and a run's million inserts leave no million deltas for the
 * live view to add up before the next fold. PostgreSQL keeps the append-only deltas of `figure-triggers.ts`
 * (a shared row there would serialise two run workers, or every dispatch commit, on its lock).
 */
export function sqliteUpsertTriggers(spec: FigureSpec): readonly string[] {
  const keys = keyNames(spec).join(', ');
  const measures = measureNames(spec);
  const add = (row: 'new' | 'old', sign: 1 | -1) => {
    const values = [
      ...spec.keys.map((k) => k.expression(row)),
      ...spec.measures.map((m) => `${sign === 1 ? '' : '-'}(${m.expression(row)})`),
    ];
    return (
      `insert into ${spec.figures} (${keys}, ${measures.join(', ')}) values (${values.join(', ')}) ` +
      `on conflict (${keys}) do update set ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`
    );
  };
  const stem = liveTriggerStem(spec);
  const changed = spec.watched.map((c) => `old.${c} is not new.${c}`).join(' or ');
  return [
    `create trigger ${stem}_insert after insert on ${spec.source} begin ${add('new', 1)}; end`,
    `create trigger ${stem}_update after update of ${spec.watched.join(', ')} on ${spec.source} when ${changed} ` +
      `begin ${add('old', -1)}; ${add('new', 1)}; end`,
    `create trigger ${stem}_delete after delete on ${spec.source} begin ${add('old', -1)}; end`,
  ];
}
