import { describeReason, nameReason, type Reason } from '@relance/core';
import type { ActionStatus, Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readScope } from '../portfolio/scope.ts';
import { loadStrategyBook } from '../strategies/strategy-book.ts';

export type ActionItem = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly creditorRef: string;
  readonly plannedOn: string;
  readonly scheduledAt: string | null;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly stepKey: string | null;
  readonly reasonText: string;
};

/** The outbox, newest first, filtered by status (e.g. the actions waiting for a supervisor's review). */
export async function listActions(
  deps: Deps,
  actor: Actor,
  input: { readonly status?: ActionStatus; readonly locale: Locale; readonly limit?: number },
): Promise<readonly ActionItem[]> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const rows = await db
    .selectFrom('actions as a')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      'a.action_id',
      'a.case_id',
      'd.name',
      'cr.ref',
      'a.planned_on',
      'a.scheduled_at',
      'a.channel',
      'a.template',
      'a.status',
      'a.step_key',
      'a.strategy_key',
      'a.reason',
    ])
    .where('a.tenant_id', '=', scope.tenantId)
    .$if(input.status !== undefined, (q) => q.where('a.status', '=', input.status as ActionStatus))
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .orderBy('a.planned_on', 'desc')
    .orderBy('a.action_id', 'desc')
    .limit(Math.min(input.limit ?? 200, 1000))
    .execute();
  const book = await loadStrategyBook(db, scope.tenantId);
  return rows.map((r) => {
    const reason = (JSON.parse(r.reason) as { reason: Reason }).reason;
    const strategy = r.strategy_key ? (book.strategies.get(r.strategy_key)?.definition ?? null) : null;
    return {
      id: r.action_id,
      caseId: r.case_id,
      debtorName: r.name,
      creditorRef: r.ref,
      plannedOn: r.planned_on,
      scheduledAt: r.scheduled_at,
      channel: r.channel,
      template: r.template,
      status: r.status,
      stepKey: r.step_key,
      reasonText: describeReason(nameReason(reason, strategy), input.locale),
    };
  });
}
