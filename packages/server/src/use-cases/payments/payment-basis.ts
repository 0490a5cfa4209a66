import type { AllocationClaim, AllocationInstalment, AllocationOrder } from '@relance/core';
import { ALLOCATION_ORDERS } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { interestOfCases } from '../dunning/interest-of-cases.ts';

/** What a payment on a case is allocated against, as the case stands on the day the money arrived. */
export type PaymentBasis = {
  readonly caseId: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly currency: string;
  /** What the dashboards count the payment under: the case's strategy and the debtor's kind, as they are now. */
  readonly strategyKey: string | null;
  readonly segment: string;
  readonly order: AllocationOrder;
  readonly claims: readonly AllocationClaim[];
  /** The active plan's instalments still to pay, and the plan's id; empty without a plan. */
  readonly planId: string | null;
  readonly instalments: readonly AllocationInstalment[];
  /** The interest rate the tables lack, when one is missing (the interest was then not counted). */
  readonly interestMissing: string | null;
};

/**
 * Loads the case's open and disputed claims with what is owed on each — principal, and the interest and fees
 * the creditor claims (computed as of `receivedOn`, earlier payments imputed), the creditor's allocation
 * order and the active plan's instalments. Null when the case is not in the scope.
 */
export async function loadPaymentBasis(
  trx: Transaction<Database>,
  scope: { readonly tenantId: string; readonly creditorId: string | null },
  caseId: string,
  receivedOn: string,
): Promise<PaymentBasis | null> {
  const { tenantId } = scope;
  const kase = await trx
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'c.case_id',
      'c.creditor_id',
      'c.debtor_id',
      'c.currency',
      'c.strategy_key',
      'd.kind',
      'cr.allocation_order',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!kase) return null;
  const rows = await trx
    .selectFrom('claims')
    .select([
      'claim_id',
      'invoice_number',
      'due_date',
      'issue_date',
      'outstanding_minor',
      'disputed_minor',
      'status',
      'currency',
    ])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', 'in', ['open', 'disputed'])
    .orderBy('due_date')
    .orderBy('claim_id')
    .execute();
  const interest = (await interestOfCases(trx, tenantId, [caseId], receivedOn)).get(caseId);
  // A rate missing from the tables gives no interest to allocate (never a guessed one): the payment still
  // books, on principal, and the basis says so for the journal.
  const chargesInterest = (interest?.claimedInterestMinor ?? 0) > 0;
  const chargesFees = (interest?.claimedFeesMinor ?? 0) > 0;
  const byInvoice = new Map((interest?.claims ?? []).map((c) => [c.invoiceNumber, c]));
  const claims = rows.map((r): AllocationClaim => {
    const owed = byInvoice.get(r.invoice_number);
    return {
      claimId: r.claim_id,
      invoiceNumber: r.invoice_number,
      dueDate: r.due_date,
      issueDate: r.issue_date,
      // A claim disputed in part offers only its undisputed rest (the debtor may still name it in full).
      principalMinor:
        r.status === 'open'
          ? Number(r.outstanding_minor) - Number(r.disputed_minor)
          : Number(r.outstanding_minor),
      interestMinor: chargesInterest && r.status === 'open' ? (owed?.interestMinor ?? 0) : 0,
      feesMinor: chargesFees && r.status === 'open' ? (owed?.feesMinor ?? 0) : 0,
      disputed: r.status === 'disputed',
      currency: r.currency,
    };
  });
  const plan = await trx
    .selectFrom('payment_plans')
    .select('plan_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const instalments = plan
    ? await trx
        .selectFrom('plan_instalments')
        .select(['seq', 'due_on', 'amount_minor', 'paid_minor'])
        .where('tenant_id', '=', tenantId)
        .where('plan_id', '=', plan.plan_id)
        .where('status', 'in', ['pending', 'partly_paid', 'missed'])
        .orderBy('seq')
        .execute()
    : [];
  return {
    caseId,
    creditorId: kase.creditor_id,
    debtorId: kase.debtor_id,
    currency: kase.currency,
    strategyKey: kase.strategy_key,
    segment: kase.kind,
    order: orderOf(kase.allocation_order),
    interestMissing: interest?.missing ? interest.missing.message : null,
    claims,
    planId: plan?.plan_id ?? null,
    instalments: instalments.map((i) => ({
      seq: Number(i.seq),
      dueOn: i.due_on,
      amountMinor: Number(i.amount_minor),
      paidMinor: Number(i.paid_minor),
    })),
  };
}

function orderOf(value: string): AllocationOrder {
  return (ALLOCATION_ORDERS as readonly string[]).includes(value) ? (value as AllocationOrder) : 'legal';
}
