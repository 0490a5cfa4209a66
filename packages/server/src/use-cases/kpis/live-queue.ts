import { boundSql } from '../../db/figures/bound-sql.ts';
import { CALL_TASK_FIGURES } from '../../db/figures/live-figures.ts';
import type { Db } from '../../db/schema.ts';

export type QueueNow = {
  readonly depth: number;
  readonly oldestWaitingSince: string | null;
  readonly groups: readonly {
    readonly team: string | null;
    readonly segment: string | null;
    readonly language: string | null;
    readonly count: number;
    readonly oldestWaitingSince: string;
  }[];
};

/**
 * Agent calls open and inside their window now, by team and skill (segment, language), from the call tasks'
 * running counts by window: each window's count is settled first (a window whose calls were all taken counts
 * for nothing, nor for the oldest), then the windows open now are added up by routing.
 */
export async function queueNow(db: Db, tenantId: string, now: string): Promise<QueueNow> {
  const spec = CALL_TASK_FIGURES;
  const part = (table: string) =>
    `select team, segment, language, window_start, task_count from ${table} where tenant_id = :tenant ` +
    `and kind = 'agent_call' and status = 'open' and window_start <= :now and window_end > :now`;
  const result = await boundSql<{
    team: string;
    segment: string;
    language: string;
    n: unknown;
    oldest: string;
  }>(
    'select team, segment, language, sum(n) as n, min(window_start) as oldest from (' +
      'select team, segment, language, window_start, sum(task_count) as n from (' +
      `${part(spec.figures)} union all ${part(spec.deltas)}) f ` +
      'group by team, segment, language, window_start having sum(task_count) > 0) w ' +
      'group by team, segment, language',
    { tenant: tenantId, now },
  ).execute(db);
  const orNull = (value: string) => (value === '' ? null : value);
  const groups = result.rows
    .map((r) => ({
      team: orNull(r.team),
      segment: orNull(r.segment),
      language: orNull(r.language),
      count: Number(r.n),
      oldestWaitingSince: String(r.oldest),
    }))
    .sort((a, b) => b.count - a.count || a.oldestWaitingSince.localeCompare(b.oldestWaitingSince));
  const oldest = groups.map((g) => g.oldestWaitingSince).sort()[0] ?? null;
  return { depth: groups.reduce((s, g) => s + g.count, 0), oldestWaitingSince: oldest, groups };
}
