import { type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor, AgentRouting } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { takeCaseLock } from './case-lock-store.ts';
import { parseScoreParts, type QueuedTask } from './queued-task.ts';
import { lockUntil, routingOf } from './routing.ts';

/** Candidates tried per call: enough to get past a few cases another agent just took. */
const ATTEMPTS = 8;

/**
 * The best open agent call the agent may make now, locked for them with its case: open, inside its window,
 * within the agent's skills and team, not pinned to someone else, neither it nor its case held by another
 * agent; highest priority first, then the window closing first, then the id (stable on both engines).
 *
 * An agent who already holds a task gets it again (asking twice never takes two cases). The routing is the
 * one read with the session when the actor has it. On PostgreSQL the hand-out, held task included, is one
 * statement (`takeInOneStatement`, decision 0015); on SQLite, which has a single writer, a short
 * transaction. Either way the case lock's upsert decides between two tasks of one case. Null when nothing
 * is callable now.
 */
export async function nextCase(deps: Deps, actor: Actor): Promise<QueuedTask | null> {
  requirePermission(actor, 'cases:act');
  const now = deps.clock.now();
  const db = deps.database.db;
  const routing = await routingOf(db, actor);
  if (deps.database.dialect === 'postgres') return takeInOneStatement(db, actor, routing, now);
  return db.transaction().execute(async (trx) => {
    const held = await heldTask(trx, actor, now);
    if (held) return withDebtorName(trx, actor.tenantId, held);
    const until = lockUntil(now);
    const tried: string[] = [];
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const row = await candidates(trx, actor, routing, now, tried).executeTakeFirst();
      if (!row) return null;
      tried.push(row.task_id);
      const locked = await takeCaseLock(trx, {
        tenantId: actor.tenantId,
        caseId: row.case_id,
        userId: actor.id,
        taskId: row.task_id,
        now,
        until,
      });
      if (!locked) continue;
      await trx
        .updateTable('call_tasks')
        .set({ locked_by: actor.id, locked_until: until })
        .where('tenant_id', '=', actor.tenantId)
        .where('task_id', '=', row.task_id)
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        at: now,
        actor,
        action: 'call_task.taken',
        entityKind: 'call_task',
        entityId: row.task_id,
        data: { caseId: row.case_id, priority: Number(row.priority), lockedUntil: until },
      });
      return { ...taskView(row, until), debtorName: row.name };
    }
    return null;
  });
}

/**
 * PostgreSQL: the hand-out in one statement, without a transaction of several round trips (each of them a
 * wait for a connection and for the server while 50 agents ask). The task the agent already holds, if any,
 * is returned and nothing is taken (the candidate is only sought when there is none). Otherwise the best
 * candidate is row-locked with SKIP LOCKED, the case lock taken by its upsert (which decides between two
 * tasks of one case), the task marked and the audit entry written, all or nothing. A candidate whose case
 * another agent locked meanwhile is passed over, as in the transaction above.
 */
async function takeInOneStatement(
  db: Kysely<Database>,
  actor: Actor,
  routing: AgentRouting,
  now: string,
): Promise<QueuedTask | null> {
  const until = lockUntil(now);
  const tried: string[] = [];
  const held = heldTaskQuery(db, actor, now)
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select('d.name');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const candidate = candidates(db, actor, routing, now, tried)
      .where(sql<boolean>`not exists (select 1 from held)`)
      .forUpdate('t')
      .skipLocked();
    const auditId = newId();
    const query = sql<TaskRow & { name: string; locked_until: string | null; kept: boolean; taken: boolean }>`
      with held as (${held}),
      cand as (${candidate}),
      took as (
        insert into case_locks (tenant_id, case_id, locked_by, locked_at, locked_until, task_id)
        select ${actor.tenantId}, case_id, ${actor.id}, ${now}, ${until}, task_id from cand
        on conflict (tenant_id, case_id) do update set locked_by = excluded.locked_by,
          locked_at = excluded.locked_at, locked_until = excluded.locked_until, task_id = excluded.task_id
        where case_locks.locked_until <= ${now} or case_locks.locked_by = ${actor.id}
        returning task_id
      ),
      marked as (
        update call_tasks set locked_by = ${actor.id}, locked_until = ${until}
        from took where call_tasks.tenant_id = ${actor.tenantId} and call_tasks.task_id = took.task_id
        returning call_tasks.task_id
      ),
      audited as (
        insert into audit_log (tenant_id, audit_id, at, actor_kind, actor_id, action, entity_kind, entity_id, data)
        select ${actor.tenantId}, ${auditId}, ${now}, ${actor.kind}, ${actor.id}, 'call_task.taken', 'call_task',
          cand.task_id,
          json_build_object('caseId', cand.case_id, 'priority', cand.priority, 'lockedUntil', ${until}::text)::text
        from cand join took on took.task_id = cand.task_id
      ),
      -- A hand-out need not wait for the disk: lost in a crash, it is a lock lost with its audit row, and the
      -- agent asks again (decision 0015).
      relaxed as (select set_config('synchronous_commit', 'off', true) as setting)
      select held.*, true as kept, false as taken from held
      union all
      select cand.*, false as kept, exists (select 1 from marked) as taken from cand, relaxed`;
    const [row] = (await query.execute(db)).rows;
    if (!row) return null;
    if (row.kept) return { ...taskView(row, row.locked_until), debtorName: row.name };
    if (row.taken) return { ...taskView(row, until), debtorName: row.name };
    tried.push(row.task_id);
  }
  return null;
}

const COLUMNS = [
  't.task_id',
  't.case_id',
  't.kind',
  't.phone',
  't.window_start',
  't.window_end',
  't.priority',
  't.score_parts',
  't.script',
  't.locked_until',
] as const;

function candidates(
  trx: Transaction<Database> | Kysely<Database>,
  actor: Actor,
  routing: AgentRouting,
  now: string,
  tried: readonly string[],
) {
  return (
    trx
      .selectFrom('call_tasks as t')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
      )
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select([...COLUMNS, 'd.name'])
      .where('t.tenant_id', '=', actor.tenantId)
      .where('t.status', '=', 'open')
      .where('t.kind', '=', 'agent_call')
      .where('t.window_start', '<=', now)
      .where('t.window_end', '>', now)
      .where((eb) => eb.or([eb('t.locked_until', 'is', null), eb('t.locked_until', '<=', now)]))
      .$if(tried.length > 0, (q) => q.where('t.task_id', 'not in', tried))
      // A task a supervisor pinned to the agent is theirs whatever the routing; the others follow it.
      .where((eb) => {
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
      })
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('case_locks as l')
              .select('l.case_id')
              .whereRef('l.tenant_id', '=', 't.tenant_id')
              .whereRef('l.case_id', '=', 't.case_id')
              .where('l.locked_until', '>', now)
              .where('l.locked_by', '!=', actor.id),
          ),
        ),
      )
      .orderBy('t.priority', 'desc')
      .orderBy('t.window_end')
      .orderBy('t.task_id')
      .limit(1)
  );
}

type TaskRow = {
  readonly task_id: string;
  readonly case_id: string;
  readonly kind: QueuedTask['kind'];
  readonly phone: string | null;
  readonly window_start: string;
  readonly window_end: string;
  readonly priority: number;
  readonly score_parts: string | null;
  readonly script: string | null;
};

/**
 * The open task the agent already holds (lock not expired), if any: found through the agent's case locks
 * (indexed by holder), not by scanning the tasks.
 */
async function heldTask(trx: Transaction<Database>, actor: Actor, now: string): Promise<QueuedTask | null> {
  const row = await heldTaskQuery(trx, actor, now).executeTakeFirst();
  return row ? taskView(row, row.locked_until) : null;
}

function heldTaskQuery(db: Transaction<Database> | Kysely<Database>, actor: Actor, now: string) {
  return db
    .selectFrom('case_locks as l')
    .innerJoin('call_tasks as t', (j) =>
      j.onRef('t.tenant_id', '=', 'l.tenant_id').onRef('t.task_id', '=', 'l.task_id'),
    )
    .select(COLUMNS)
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.locked_by', '=', actor.id)
    .where('l.locked_until', '>', now)
    .where('t.locked_by', '=', actor.id)
    .where('t.locked_until', '>', now)
    .where('t.status', '=', 'open')
    .orderBy('t.locked_until', 'desc')
    .limit(1);
}

/** The debtor's name, read for the one task handed out (not joined into the locked candidates). */
async function withDebtorName(
  trx: Transaction<Database> | Kysely<Database>,
  tenantId: string,
  task: QueuedTask,
): Promise<QueuedTask> {
  const row = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select('d.name')
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', task.caseId)
    .executeTakeFirst();
  return { ...task, debtorName: row?.name ?? '' };
}

function taskView(row: TaskRow, lockedUntil: string | null): QueuedTask {
  return {
    id: row.task_id,
    caseId: row.case_id,
    debtorName: '',
    kind: row.kind,
    phone: row.phone,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    priority: Number(row.priority),
    scoreParts: parseScoreParts(row.score_parts),
    lockedUntil,
    script: row.script,
  };
}
