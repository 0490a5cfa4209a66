import type { CallTaskKind, CallTaskStatus } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';

export type CallTaskView = {
  readonly id: string;
  readonly actionId: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly kind: CallTaskKind;
  readonly phone: string | null;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly priority: number;
  readonly status: CallTaskStatus;
  readonly script: string | null;
  readonly outcome: string | null;
  readonly assignedTo: string | null;
};

/** The agents' queue: by window (earliest first), then priority (highest first). Open tasks by default. */
export async function listCallTasks(
  deps: Deps,
  actor: Actor,
  filter: { readonly status?: CallTaskStatus; readonly kind?: CallTaskKind; readonly limit?: number },
): Promise<readonly CallTaskView[]> {
  requirePermission(actor, 'cases:act');
  const rows = await deps.database.db
    .selectFrom('call_tasks as t')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      't.task_id',
      't.action_id',
      't.case_id',
      'd.name',
      't.kind',
      't.phone',
      't.window_start',
      't.window_end',
      't.priority',
      't.status',
      't.script',
      't.outcome',
      't.assigned_to',
    ])
    .where('t.tenant_id', '=', actor.tenantId)
    .where('t.status', '=', filter.status ?? 'open')
    .$if(filter.kind !== undefined, (q) => q.where('t.kind', '=', filter.kind ?? 'agent_call'))
    .orderBy('t.window_start')
    .orderBy('t.priority', 'desc')
    .orderBy('t.task_id')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.task_id,
    actionId: r.action_id,
    caseId: r.case_id,
    debtorName: r.name,
    kind: r.kind,
    phone: r.phone,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    priority: Number(r.priority),
    status: r.status,
    script: r.script,
    outcome: r.outcome,
    assignedTo: r.assigned_to,
  }));
}
