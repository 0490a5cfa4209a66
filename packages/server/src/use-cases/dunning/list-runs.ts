import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../access/permissions.ts';

export type RunView = {
  readonly id: string;
  readonly runOn: string;
  readonly trigger: string;
  readonly status: string;
  readonly workers: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly cases: number;
  readonly actions: number;
  readonly blocked: number;
};

/** The latest runs of the tenant, newest first, with what each decided. */
export async function listRuns(deps: Deps, actor: Actor, limit = 30): Promise<RunView[]> {
  requirePermission(actor, 'strategies:read');
  const db = deps.database.db;
  const runs = await db
    .selectFrom('runs')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('started_at', 'desc')
    .orderBy('run_id', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return [];
  const totals = await db
    .selectFrom('run_batches')
    .select([
      'run_id',
      (eb) => eb.fn.sum<number>('cases').as('cases'),
      (eb) => eb.fn.sum<number>('actions').as('actions'),
      (eb) => eb.fn.sum<number>('blocked').as('blocked'),
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where(
      'run_id',
      'in',
      runs.map((r) => r.run_id),
    )
    .groupBy('run_id')
    .execute();
  const byRun = new Map(totals.map((t) => [t.run_id, t]));
  return runs.map((r) => {
    const t = byRun.get(r.run_id);
    return {
      id: r.run_id,
      runOn: r.run_on,
      trigger: r.trigger,
      status: r.status,
      workers: r.workers,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      cases: Number(t?.cases ?? 0),
      actions: Number(t?.actions ?? 0) - Number(t?.blocked ?? 0),
      blocked: Number(t?.blocked ?? 0),
    };
  });
}
