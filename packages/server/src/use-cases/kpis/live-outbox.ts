import { sql } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import { boundSql } from '../../db/figures/bound-sql.ts';
import { ACTION_FIGURES } from '../../db/figures/live-figures.ts';
import { sumFigures } from '../../db/figures/sum-figures.ts';
import type { Db } from '../../db/schema.ts';

export type OutboxNow = {
  readonly today: readonly { readonly channel: string; readonly status: string; readonly count: number }[];
  readonly backlog: { readonly count: number; readonly oldestScheduledAt: string | null };
};

const n = (value: unknown) => Number(value ?? 0);
/** The minute an instant falls in, as `action_figures` keys it ('2026-03-16T08:00'). */
const minuteOf = (instant: string) => instant.slice(0, 16);

/**
 * The actions whose time to go falls in [dayStart, dayEnd), by channel and status, from the outbox's counts by
 * minute (a day in Paris is whole minutes), and what waits past its time.
 */
export async function outboxNow(
  db: Db,
  tenantId: string,
  dayStart: string,
  dayEnd: string,
  now: string,
): Promise<OutboxNow> {
  const [rows, backlog] = await Promise.all([
    sumFigures(db, ACTION_FIGURES, {
      tenantId,
      groupBy: ['channel', 'status'],
      filters: [
        { column: 'minute', op: '>=', value: minuteOf(dayStart) },
        { column: 'minute', op: '<', value: minuteOf(dayEnd) },
      ],
    }),
    backlogAt(db, tenantId, now),
  ]);
  return {
    today: rows
      .filter((r) => n(r.action_count) > 0)
      .map((r) => ({ channel: String(r.channel), status: String(r.status), count: n(r.action_count) })),
    backlog,
  };
}

/** Past this many rows of the current minute, the other side of `now` is counted instead. */
const EDGE = 1000;

/**
 * The planned actions whose time has come: the counts of the minutes before this one, plus this minute's rows
 * up to `now`. A run puts its thousands of actions on the same few instants, so this minute's rows are counted
 * on whichever side of `now` holds fewer (capped counts, then the minute's total less the other side), all in
 * one statement: one snapshot, so the parts agree. Both sides past the cap (two crowds in one minute) is
 * counted outright.
 */
async function backlogAt(db: Db, tenantId: string, now: string): Promise<OutboxNow['backlog']> {
  const minute = minuteOf(now);
  const next = minuteOf(new Date(Date.parse(`${minute}:00Z`) + 60_000).toISOString());
  const spec = ACTION_FIGURES;
  const figures = (condition: string) =>
    `(select coalesce(sum(action_count), 0) from (select action_count from ${spec.figures} where tenant_id = :tenant ` +
    `and status = 'planned' and ${condition} union all select action_count from ${spec.deltas} ` +
    `where tenant_id = :tenant and status = 'planned' and ${condition}) f)`;
  const planned = (condition: string, limit: string) =>
    `(select count(*) from (select 1 as one from actions where tenant_id = :tenant and status = 'planned' ` +
    `and ${condition}${limit}) p)`;
  const values = { tenant: tenantId, minute, next, now };
  const result = await boundSql<Record<string, unknown>>(
    `select ${figures("minute <> '' and minute < :minute")} as before, ${figures('minute = :minute')} as this_minute, ` +
      `${planned('scheduled_at >= :minute and scheduled_at <= :now', ` limit ${EDGE + 1}`)} as upto, ` +
      `${planned('scheduled_at > :now and scheduled_at < :next', ` limit ${EDGE + 1}`)} as after, ` +
      `(select min(scheduled_at) from actions where tenant_id = :tenant and status = 'planned' and scheduled_at <= :now) as oldest`,
    values,
  ).execute(db);
  const row = result.rows[0] ?? {};
  const before = n(row.before);
  let upto = n(row.upto);
  if (upto > EDGE) {
    const after = n(row.after);
    upto =
      after <= EDGE
        ? n(row.this_minute) - after
        : n(
            (
              await boundSql<{ n: unknown }>(
                `select ${planned('scheduled_at >= :minute and scheduled_at <= :now', '')} as n`,
                values,
              ).execute(db)
            ).rows[0]?.n,
          );
  }
  return { count: before + upto, oldestScheduledAt: (row.oldest as string | null | undefined) ?? null };
}

/**
 * Callbacks a debtor asked for (outbox rows keyed `callback:`) still to be put in the queue, due today, and
 * those past their time: read through the partial index of the planned callbacks, its conditions written as
 * the index's. SQLite is told to take it: without statistics on a partial index its planner prefers the
 * index of every action by status and time, and would walk the day's planned actions.
 */
export async function callbacksDue(
  db: Db,
  dialect: Dialect,
  tenantId: string,
  today: string,
  now: string,
): Promise<{ readonly dueToday: number; readonly overdue: number }> {
  const from = sql.raw(dialect === 'sqlite' ? 'actions indexed by actions_callbacks_due' : 'actions');
  const result = await sql<{ due: unknown; overdue: unknown }>`select count(*) as due,
      sum(case when scheduled_at <= ${now} then 1 else 0 end) as overdue
    from ${from} where tenant_id = ${tenantId} and status = 'planned' and action_key like 'callback:%'
      and scheduled_at < ${`${today}T24`}`.execute(db);
  const row = result.rows[0];
  return { dueToday: n(row?.due), overdue: n(row?.overdue) };
}
