import type { DateText, Language, MoneyText, PlanVariables } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db, InstalmentStatus } from '../../../db/schema.ts';
import { planOfActionKey } from './plan-outbox.ts';

type Reader = Db | Transaction<Database>;

const STATUS: Readonly<Record<InstalmentStatus, Readonly<Record<Language, string>>>> = {
  pending: { fr: 'à venir', en: 'due' },
  paid: { fr: 'payée', en: 'paid' },
  partly_paid: { fr: 'payée en partie', en: 'partly paid' },
  missed: { fr: 'impayée', en: 'missed' },
};

/**
 * The plan a message speaks of, for its template: the plan its action was made for (an agreement or an
 * instalment's reminder, named by the action key), else the case's active plan; null when there is none.
 * `next` is the instalment the reminder was made for — so the reminder of instalment 2 names instalment 2
 * even while instalment 1 is unpaid — else the first one not fully paid; its amount is what is left to pay
 * on it.
 */
export async function loadPlanVariables(
  db: Reader,
  tenantId: string,
  caseId: string,
  language: Language,
  money: (minor: number) => MoneyText,
  date: (iso: string) => DateText,
  actionKey: string | null,
): Promise<PlanVariables | null> {
  const named = actionKey ? planOfActionKey(actionKey) : null;
  const plan = await db
    .selectFrom('payment_plans')
    .select(['plan_id', 'total_minor', 'instalment_count'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .$if(named !== null, (q) => q.where('plan_id', '=', named?.planId ?? ''))
    .$if(named === null, (q) => q.where('status', '=', 'active'))
    .orderBy('created_at', 'desc')
    .orderBy('plan_id', 'desc')
    .executeTakeFirst();
  if (!plan) return null;
  const rows = await db
    .selectFrom('plan_instalments')
    .select(['seq', 'due_on', 'amount_minor', 'paid_minor', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', plan.plan_id)
    .orderBy('seq')
    .execute();
  const instalments = rows.map((r) => ({
    seq: Number(r.seq),
    dueDate: date(r.due_on),
    amount: money(Number(r.amount_minor)),
    status: STATUS[r.status][language],
  }));
  const target =
    (named?.seq !== null && named?.seq !== undefined
      ? rows.find((r) => Number(r.seq) === named.seq)
      : undefined) ?? rows.find((r) => r.status === 'pending' || r.status === 'partly_paid');
  return {
    total: money(Number(plan.total_minor)),
    count: Number(plan.instalment_count),
    next: target
      ? {
          seq: Number(target.seq),
          dueDate: date(target.due_on),
          amount: money(Math.max(0, Number(target.amount_minor) - Number(target.paid_minor))),
        }
      : null,
    instalments,
  };
}
