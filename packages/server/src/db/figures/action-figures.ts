import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import { type FigureSpec, keyNames, measureNames } from './figure-specs.ts';

/**
 * The outbox counted by the minute its actions are due (migration 0021): the live view's "outbox today" and
 * its backlog over a million actions a day, read from a few hundred rows instead of the actions themselves.
 *
 * The minute is `scheduled_at`'s first 16 characters ('2026-03-16T08:00', '' when the action has no time):
 * every instant the app writes is ISO-8601 UTC, so a minute compares with an instant as the instant's own
 * prefix does, and a day in Paris (whose offsets are whole hours) is a range of whole minutes.
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
 * SQLite's triggers add each change straight to the sums (an upsert of one row): SQLite has one writer at a
 * time, so a shared sum row makes no one wait, and a run's million inserts leave no million deltas for the
 * live view to add up before the next fold. PostgreSQL keeps the append-only deltas of `figure-triggers.ts`
 * (a shared row there would serialise two run workers, or every dispatch commit, on its lock).
 */
export function sqliteActionFigureTriggers(): readonly string[] {
  const spec = ACTION_FIGURES;
  const keys = keyNames(spec).join(', ');
  const add = (row: 'new' | 'old', sign: 1 | -1) => {
    const values = spec.keys.map((k) => k.expression(row)).join(', ');
    return (
      `insert into ${spec.figures} (${keys}, action_count) values (${values}, ${sign}) ` +
      `on conflict (${keys}) do update set action_count = action_count + ${sign}`
    );
  };
  const changed = spec.watched.map((c) => `old.${c} is not new.${c}`).join(' or ');
  return [
    `create trigger actions_figures_insert after insert on actions begin ${add('new', 1)}; end`,
    `create trigger actions_figures_update after update of ${spec.watched.join(', ')} on actions when ${changed} ` +
      `begin ${add('old', -1)}; ${add('new', 1)}; end`,
    `create trigger actions_figures_delete after delete on actions begin ${add('old', -1)}; end`,
  ];
}

/**
 * Folds the tenant's pending deltas (PostgreSQL) into the sums and drops the sums back at zero (the minutes
 * whose actions have all moved on). Returns the deltas folded.
 */
export async function compactActionFigures(
  db: Kysely<Database>,
  dialect: Dialect,
  tenantId: string,
): Promise<number> {
  const spec = ACTION_FIGURES;
  const keys = keyNames(spec).join(', ');
  const measures = measureNames(spec);
  return db.transaction().execute(async (trx) => {
    let folded = 0;
    if (dialect === 'postgres') {
      const result = await boundSql<{ n: string }>(
        `with moved as (delete from ${spec.deltas} where tenant_id = :tenant returning *), ` +
          `folded as (insert into ${spec.figures} (${keys}, ${measures.join(', ')}) ` +
          `select ${keys}, ${measures.map((m) => `sum(${m})`).join(', ')} from moved group by ${keys} ` +
          `on conflict (${keys}) do update set ` +
          `${measures.map((m) => `${m} = ${spec.figures}.${m} + excluded.${m}`).join(', ')} returning 1) ` +
          'select (select count(*) from moved) as n',
        { tenant: tenantId },
      ).execute(trx);
      folded = Number(result.rows[0]?.n ?? 0);
    }
    await boundSql(`delete from ${spec.figures} where tenant_id = :tenant and action_count = 0`, {
      tenant: tenantId,
    }).execute(trx);
    return folded;
  });
}
