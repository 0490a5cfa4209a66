import { PROFILE_WINDOWS, profileOf } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence } from '../../use-cases/evidence/journal.ts';
import { nextCallWindow } from './call-queue.ts';

/**
 * Call tasks whose window closed unworked become `expired`, and their action goes back to the outbox at the
 * next allowed window (the dispatcher queues it again; the same task reopens). An action with no window in
 * the next weeks is blocked with the reason. One transaction per task, so a crash leaves no half-expiry.
 */
export async function expireCallTasks(
  deps: Deps,
  tenantId: string,
  options: { readonly now?: string; readonly limit?: number } = {},
): Promise<{ readonly expired: number; readonly replanned: number; readonly blocked: number }> {
  const now = options.now ?? deps.clock.now();
  const db = deps.database.db;
  const due = await db
    .selectFrom('call_tasks as t')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.case_id', '=', 't.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      't.task_id',
      't.action_id',
      't.case_id',
      't.kind',
      't.window_end',
      'd.kind as debtor_kind',
      'd.time_zone',
      'd.tags',
      'cr.country',
    ])
    .where('t.tenant_id', '=', tenantId)
    .where('t.status', '=', 'open')
    .where('t.window_end', '<=', now)
    .orderBy('t.window_end')
    .limit(options.limit ?? 500)
    .execute();
  let replanned = 0;
  let blocked = 0;
  let expired = 0;
  for (const task of due) {
    const next = nextCallWindow({
      country: task.country,
      channel: task.kind === 'ivr_call' ? 'ivr_call' : 'call',
      debtorKind: task.debtor_kind,
      timeZone: task.time_zone,
      preferred: PROFILE_WINDOWS[profileOf(JSON.parse(task.tags) as string[])],
      from: now,
    });
    const done = await db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('call_tasks')
        .set({ status: 'expired', outcome: 'expired', updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('task_id', '=', task.task_id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) return false;
      await trx
        .updateTable('actions')
        .set(
          next
            ? { status: 'planned', scheduled_at: next.start, claimed_by: null, claimed_until: null }
            : {
                status: 'blocked',
                claimed_by: null,
                claimed_until: null,
                last_error: 'The call window closed and no other window opens in the coming weeks.',
              },
        )
        .where('tenant_id', '=', tenantId)
        .where('action_id', '=', task.action_id)
        .execute();
      await appendEvidence(trx, {
        tenantId,
        caseId: task.case_id,
        actionId: task.action_id,
        at: now,
        kind: 'call_outcome',
        actor: 'system',
        payload: {
          taskId: task.task_id,
          outcome: 'expired',
          windowEnd: task.window_end,
          nextWindowStart: next?.start ?? null,
        },
      });
      return true;
    });
    if (!done) continue;
    expired += 1;
    if (next) replanned += 1;
    else blocked += 1;
  }
  return { expired, replanned, blocked };
}
