import type { Reason } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { cancelPlanReminders } from './plans/plan-reminders.ts';

/** What the run decided for one case, as its batch writes it (the notes are the JSON of `Reason[]`). */
export type DecidedCase = { readonly caseId: string; readonly lastNotes: string | null };

/**
 * Writes back what the daily run found about promises and plans, in the batch's transaction: a promise
 * kept, partly kept or broken (status, amount paid, date checked), an instalment paid, a plan broken or
 * completed. Only cases whose notes name a promise or a plan are looked at, so a run over a million cases
 * pays for a string search per case and a few statements per case that has one.
 */
export async function runWriteback(
  trx: Transaction<Database>,
  tenantId: string,
  runOn: string,
  now: string,
  cases: readonly DecidedCase[],
): Promise<number> {
  let written = 0;
  for (const c of cases) {
    const notes = c.lastNotes;
    if (notes === null || !needsWriteback(notes)) continue;
    for (const reason of JSON.parse(notes) as Reason[]) {
      if (await writeOne(trx, tenantId, c.caseId, runOn, now, reason)) written += 1;
    }
  }
  return written;
}

/** Whether a case's notes (the JSON of its `Reason[]`) name a promise or a plan the run must write back. */
export function needsWriteback(notes: string): boolean {
  return WRITTEN_BACK.test(notes);
}

const WRITTEN_BACK = /"(?:promise_|plan_|payment_full")/;

const PROMISE_END: Readonly<Record<string, 'kept' | 'partly_kept' | 'broken'>> = {
  promise_kept: 'kept',
  promise_partly_kept: 'partly_kept',
  promise_broken: 'broken',
};

async function writeOne(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  runOn: string,
  now: string,
  reason: Reason,
): Promise<boolean> {
  const paid = Number(reason.params.paidMinor ?? 0);
  const promiseStatus = PROMISE_END[reason.code];
  if (promiseStatus || reason.code === 'promise_date_kept') {
    const result = await trx
      .updateTable('promises')
      .set({
        ...(promiseStatus ? { status: promiseStatus } : {}),
        paid_minor: Math.max(paid, 0),
        checked_on: runOn,
        updated_at: now,
      })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
  if (reason.code === 'plan_instalment_kept' || reason.code === 'plan_broken') {
    const plan = await activePlan(trx, tenantId, caseId);
    if (!plan) return false;
    const instalment = await nthInstalment(trx, tenantId, plan, Number(reason.params.instalment));
    if (reason.code === 'plan_instalment_kept') {
      if (!instalment) return false;
      await setInstalment(trx, tenantId, plan, instalment.seq, 'paid', Number(instalment.amount_minor));
      return true;
    }
    if (instalment) await setInstalment(trx, tenantId, plan, instalment.seq, 'missed', 0);
    await endPlan(trx, tenantId, plan, 'broken', runOn, now, 'missed_instalment');
    return true;
  }
  if (reason.code === 'payment_full') return settled(trx, tenantId, caseId, runOn, now);
  if (reason.code === 'plan_completed') {
    const plan = await activePlan(trx, tenantId, caseId);
    if (!plan) return false;
    const pending = await trx
      .selectFrom('plan_instalments')
      .select(['seq', 'amount_minor'])
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', plan)
      .where('status', 'in', ['pending', 'partly_paid'])
      .execute();
    for (const i of pending) await setInstalment(trx, tenantId, plan, i.seq, 'paid', Number(i.amount_minor));
    await endPlan(trx, tenantId, plan, 'completed', runOn, now, 'completed');
    return true;
  }
  return false;
}

/** Paid in full: an open promise is kept (all that was owed is paid), an active plan completed. */
async function settled(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  runOn: string,
  now: string,
): Promise<boolean> {
  const promise = await trx
    .updateTable('promises')
    .set((eb) => ({
      status: 'kept',
      paid_minor: eb.ref('baseline_minor'),
      checked_on: runOn,
      updated_at: now,
    }))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  const plan = await activePlan(trx, tenantId, caseId);
  if (plan) {
    await trx
      .updateTable('plan_instalments')
      .set((eb) => ({ status: 'paid', paid_minor: eb.ref('amount_minor') }))
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', plan)
      .where('status', 'in', ['pending', 'partly_paid'])
      .execute();
    await endPlan(trx, tenantId, plan, 'completed', runOn, now, 'paid_in_full');
  }
  return Number(promise.numUpdatedRows) > 0 || plan !== null;
}

async function activePlan(trx: Transaction<Database>, tenantId: string, caseId: string) {
  const row = await trx
    .selectFrom('payment_plans')
    .select('plan_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.plan_id ?? null;
}

/** The engine counts instalments from 1 in due order (a down payment, when there is one, first). */
async function nthInstalment(trx: Transaction<Database>, tenantId: string, planId: string, n: number) {
  if (!Number.isInteger(n) || n < 1) return undefined;
  const rows = await trx
    .selectFrom('plan_instalments')
    .select(['seq', 'amount_minor'])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute();
  return rows[n - 1];
}

async function setInstalment(
  trx: Transaction<Database>,
  tenantId: string,
  planId: string,
  seq: number,
  status: 'paid' | 'missed',
  paidMinor: number,
) {
  await trx
    .updateTable('plan_instalments')
    .set({ status, paid_minor: paidMinor })
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('seq', '=', seq)
    .execute();
}

async function endPlan(
  trx: Transaction<Database>,
  tenantId: string,
  planId: string,
  status: 'broken' | 'completed',
  on: string,
  now: string,
  reason: string,
) {
  await trx
    .updateTable('payment_plans')
    .set({ status, ended_on: on, end_reason: reason, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .execute();
  // No reminder of an instalment the plan no longer expects.
  await cancelPlanReminders(trx, tenantId, planId);
}
