import type { PlanKind } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db, InstalmentStatus, PaymentPlanStatus } from '../../../db/schema.ts';

type Reader = Db | Transaction<Database>;

export type InstalmentView = {
  readonly seq: number;
  readonly dueOn: string;
  readonly amountMinor: number;
  readonly status: InstalmentStatus;
  readonly paidMinor: number;
  readonly reminderActionId: string | null;
};

export type PlanView = {
  readonly id: string;
  readonly caseId: string;
  readonly kind: PlanKind;
  readonly status: PaymentPlanStatus;
  readonly currency: string;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
  readonly downPaymentMinor: number;
  readonly claimIds: readonly string[];
  readonly agreedOn: string;
  readonly agreedBy: string;
  readonly endedOn: string | null;
  readonly endReason: string | null;
  readonly instalments: readonly InstalmentView[];
  readonly documentId: string | null;
  readonly agreementActionId: string | null;
};

/** The plans of some cases or ids, with their instalments, as the API shows them. */
export async function readPlans(
  db: Reader,
  tenantId: string,
  where: { readonly planId?: string; readonly caseId?: string; readonly creditorId?: string | null },
): Promise<PlanView[]> {
  const plans = await db
    .selectFrom('payment_plans as p')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
    )
    .selectAll('p')
    .where('p.tenant_id', '=', tenantId)
    .$if(where.planId !== undefined, (q) => q.where('p.plan_id', '=', where.planId ?? ''))
    .$if(where.caseId !== undefined, (q) => q.where('p.case_id', '=', where.caseId ?? ''))
    .$if(where.creditorId !== undefined && where.creditorId !== null, (q) =>
      q.where('c.creditor_id', '=', where.creditorId ?? ''),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.plan_id')
    .execute();
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.plan_id);
  const [instalments, agreements] = await Promise.all([
    db
      .selectFrom('plan_instalments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('plan_id', 'in', ids)
      .orderBy('plan_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('actions')
      .select(['action_id', 'action_key'])
      .where('tenant_id', '=', tenantId)
      .where(
        'action_key',
        'in',
        ids.map((id) => `plan:${id}:agreement`),
      )
      .execute(),
  ]);
  const agreementOf = new Map(agreements.map((a) => [a.action_key, a.action_id]));
  return plans.map((p) => ({
    id: p.plan_id,
    caseId: p.case_id,
    kind: p.kind as PlanKind,
    status: p.status,
    currency: p.currency,
    principalMinor: Number(p.principal_minor),
    interestMinor: Number(p.interest_minor),
    feesMinor: Number(p.fees_minor),
    totalMinor: Number(p.total_minor),
    downPaymentMinor: Number(p.down_payment_minor),
    claimIds: JSON.parse(p.claim_ids) as string[],
    agreedOn: p.agreed_on,
    agreedBy: p.agreed_by,
    endedOn: p.ended_on,
    endReason: p.end_reason,
    instalments: instalments
      .filter((i) => i.plan_id === p.plan_id)
      .map((i) => ({
        seq: Number(i.seq),
        dueOn: i.due_on,
        amountMinor: Number(i.amount_minor),
        status: i.status,
        paidMinor: Number(i.paid_minor),
        reminderActionId: i.reminder_action_id,
      })),
    documentId: p.document_id,
    agreementActionId: agreementOf.get(`plan:${p.plan_id}:agreement`) ?? null,
  }));
}

export async function readPlan(db: Reader, tenantId: string, planId: string): Promise<PlanView | null> {
  return (await readPlans(db, tenantId, { planId }))[0] ?? null;
}
