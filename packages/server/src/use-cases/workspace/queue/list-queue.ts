import type { ScorePart } from '@relance/core';
import type { CallTaskStatus } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';
import { parseScoreParts } from './queued-task.ts';
import { routingOf } from './routing.ts';

export type QueueEntry = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly phone: string | null;
  readonly status: CallTaskStatus;
  readonly priority: number;
  readonly scoreParts: readonly ScorePart[];
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly segment: string | null;
  readonly language: string | null;
  readonly team: string | null;
  readonly pinnedTo: string | null;
  readonly lockedBy: string | null;
  readonly lockedUntil: string | null;
};

export type QueueFilter = {
  readonly status?: CallTaskStatus | undefined;
  readonly team?: string | undefined;
  /** Tasks pinned to, or held by, this agent. */
  readonly agentId?: string | undefined;
  readonly limit?: number | undefined;
};

/**
 * The agent calls in the order "next case" hands them out, with why (score parts) and who holds or is
 * given each. Supervisors and admins see the whole queue; an agent sees only what they may take (their
 * team or none, not pinned to someone else).
 */
export async function listQueue(
  deps: Deps,
  actor: Actor,
  filter: QueueFilter,
): Promise<readonly QueueEntry[]> {
  requirePermission(actor, 'cases:act');
  const supervisor = actor.role === 'admin' || actor.role === 'supervisor';
  const routing = supervisor ? null : await routingOf(deps.database.db, actor);
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
      't.case_id',
      'd.name',
      't.phone',
      't.status',
      't.priority',
      't.score_parts',
      't.window_start',
      't.window_end',
      't.segment',
      't.language',
      't.team',
      't.pinned_to',
      't.locked_by',
      't.locked_until',
    ])
    .where('t.tenant_id', '=', actor.tenantId)
    .where('t.kind', '=', 'agent_call')
    .where('t.status', '=', filter.status ?? 'open')
    .$if(filter.team !== undefined, (q) => q.where('t.team', '=', filter.team ?? ''))
    .$if(filter.agentId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb('t.pinned_to', '=', filter.agentId ?? ''), eb('t.locked_by', '=', filter.agentId ?? '')]),
      ),
    )
    .$if(routing !== null, (q) =>
      q.where((eb) => {
        if (!routing) return eb.lit(true);
        const routed = [
          eb('t.pinned_to', 'is', null),
          routing.team === null
            ? eb('t.team', 'is', null)
            : eb.or([eb('t.team', 'is', null), eb('t.team', '=', routing.team)]),
        ];
        if (routing.segments.length > 0) {
          routed.push(eb.or([eb('t.segment', 'is', null), eb('t.segment', 'in', routing.segments)]));
        }
        if (routing.languages.length > 0) {
          routed.push(eb.or([eb('t.language', 'is', null), eb('t.language', 'in', routing.languages)]));
        }
        return eb.or([eb('t.pinned_to', '=', actor.id), eb.and(routed)]);
      }),
    )
    .orderBy('t.priority', 'desc')
    .orderBy('t.window_end')
    .orderBy('t.task_id')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.task_id,
    caseId: r.case_id,
    debtorName: r.name,
    phone: r.phone,
    status: r.status,
    priority: Number(r.priority),
    scoreParts: parseScoreParts(r.score_parts),
    windowStart: r.window_start,
    windowEnd: r.window_end,
    segment: r.segment,
    language: r.language,
    team: r.team,
    pinnedTo: r.pinned_to,
    lockedBy: r.locked_by,
    lockedUntil: r.locked_until,
  }));
}
