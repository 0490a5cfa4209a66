import { checkPromiseSchedule, DomainError, type PromiseDate } from '@relance/core';
import { queueCaseEvent } from '../../../channels/queue-case-event.ts';
import { newId } from '../../../db/ids.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { evaluateCaseNow } from '../evaluate-case-now.ts';
import { cancelLadderCalls } from '../queue/cancel-ladder-calls.ts';
import type { PromiseChannel, PromiseView } from './promise-view.ts';
import { promiseView } from './promise-view.ts';

export type PromiseInput = {
  readonly schedule: readonly PromiseDate[];
  readonly channel: PromiseChannel;
  readonly note?: string | undefined;
  /** The call outcome that produced it, when an agent recorded it during a call. */
  readonly outcomeId?: string | undefined;
};

export type RecordedPromise = PromiseView & {
  /** The written confirmation put in the outbox at once; null when the strategy sends none or the gate blocked it. */
  readonly confirmation: {
    readonly actionId: string;
    readonly channel: string;
    readonly status: string;
  } | null;
};

/**
 * Records a promise for an agent or the debtor: the terms checked, any open promise superseded, the row,
 * the case event the engine reacts to, evidence and audit, then the case decided at once so that the
 * written confirmation is in the outbox — one transaction.
 */
export async function writePromise(
  deps: Deps,
  who: {
    readonly tenantId: string;
    readonly creditorId: string | null;
    readonly actor: Actor | null;
    readonly madeBy: string;
  },
  caseId: string,
  input: PromiseInput,
): Promise<RecordedPromise> {
  const { tenantId } = who;
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const kase = await trx
      .selectFrom('cases as c')
      .innerJoin('creditors as cr', (j) =>
        j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
      )
      .select([
        'c.case_id',
        'c.status',
        'c.currency',
        'c.outstanding_minor',
        'c.disputed_minor',
        'cr.plan_policy',
      ])
      .where('c.tenant_id', '=', tenantId)
      .where('c.case_id', '=', caseId)
      .$if(who.creditorId !== null, (q) => q.where('c.creditor_id', '=', who.creditorId ?? ''))
      .executeTakeFirst();
    if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
    if (kase.status !== 'open')
      throw new DomainError('conflict', 'The case is closed.', { reason: 'promise_case_closed' });
    const plan = await trx
      .selectFrom('payment_plans')
      .select('plan_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    // A plan already says when the debtor pays; a promise beside it would be checked against the same money.
    if (plan) {
      throw new DomainError('conflict', 'The case has an active payment plan.', {
        reason: 'promise_plan_active',
        planId: plan.plan_id,
      });
    }
    const outstanding = Number(kase.outstanding_minor);
    const checked = checkPromiseSchedule(input.schedule, {
      today,
      outstandingMinor: outstanding - Number(kase.disputed_minor),
      horizonDays: horizonOf(kase.plan_policy),
    });
    if (checked.kind === 'refused') {
      const { reason, ...details } = checked.issue;
      throw new DomainError('invalid_input', `The promise's terms are refused: ${reason}.`, {
        reason,
        field: 'schedule',
        ...details,
      });
    }
    const superseded = await trx
      .updateTable('promises')
      .set({ status: 'cancelled', end_reason: 'superseded', checked_on: today, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .returning('promise_id')
      .execute();
    const promiseId = newId();
    const row = {
      tenant_id: tenantId,
      promise_id: promiseId,
      case_id: caseId,
      made_on: today,
      made_by: who.madeBy,
      channel: input.channel,
      schedule: JSON.stringify(checked.schedule.map((d) => ({ dueOn: d.dueOn, amountMinor: d.amountMinor }))),
      amount_minor: checked.totalMinor,
      currency: kase.currency,
      baseline_minor: outstanding,
      status: 'open' as const,
      paid_minor: 0,
      checked_on: null,
      outcome_id: input.outcomeId ?? null,
      note: input.note ?? null,
      end_reason: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('promises').values(row).execute();
    const eventId = await queueCaseEvent(trx, {
      tenantId,
      caseId,
      kind: 'promise',
      on: today,
      data: {
        dueOn: checked.lastOn,
        amountMinor: checked.totalMinor,
        baselineMinor: outstanding,
        schedule: checked.schedule,
        promiseId,
      },
      recordedBy: who.actor?.id ?? who.madeBy,
      now,
    });
    const terms = { schedule: checked.schedule, amountMinor: checked.totalMinor, currency: kase.currency };
    await appendEvidence(trx, {
      tenantId,
      caseId,
      at: now,
      kind: 'promise_recorded',
      actor: who.madeBy,
      payload: {
        promiseId,
        channel: input.channel,
        ...terms,
        supersedes: superseded.map((s) => s.promise_id),
      },
    });
    await appendAudit(trx, {
      tenantId,
      at: now,
      actor: who.actor,
      action: 'promise.record',
      entityKind: 'case',
      entityId: caseId,
      data: { promiseId, madeBy: who.madeBy, ...terms },
    });
    await cancelLadderCalls(trx, tenantId, caseId, now);
    const evaluated = await evaluateCaseNow(trx, deps.database.raw, {
      tenantId,
      caseId,
      today,
      now,
      origin: `promise:${eventId}`,
    });
    const confirmation = evaluated.actions.find((a) => a.actionKey.endsWith(`:promise-${promiseId}`));
    return {
      ...promiseView(row),
      confirmation: confirmation
        ? { actionId: confirmation.actionId, channel: confirmation.channel, status: confirmation.status }
        : null,
    };
  });
}

/** How far ahead a promise may reach: the creditor's `promiseHorizonDays` when it set one. */
function horizonOf(policy: string | null): number | undefined {
  if (!policy) return undefined;
  try {
    const value = (JSON.parse(policy) as { promiseHorizonDays?: unknown }).promiseHorizonDays;
    return typeof value === 'number' && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
