import {
  type ChargeChoice,
  DomainError,
  type IsoDate,
  type MandatedPolicy,
  type PlanPolicy,
  planPolicyUnderMandate,
  planTotal,
  readPlanPolicy,
} from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';
import { interestOfCases } from '../../dunning/interest-of-cases.ts';

type Reader = Db | Transaction<Database>;

export type PlanClaim = {
  readonly claimId: string;
  readonly invoiceNumber: string;
  readonly dueDate: string;
  readonly outstandingMinor: number;
};

/** What a plan is computed from: the claims it covers, their split, and the creditor's limits. */
export type PlanBasis = {
  readonly caseId: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly currency: string;
  readonly claims: readonly PlanClaim[];
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
  readonly policy: PlanPolicy;
  /** The limits an agency's mandate with the client made stricter (named as such in the refusal). */
  readonly byMandate: MandatedPolicy['byMandate'];
};

/**
 * The claims a plan covers — the ones asked for, or every open undisputed claim of the case — and what the
 * debtor owes on them today: principal, plus the late interest and fixed fees of those claims when the
 * creditor charges them (core `planTotal`). A claim that is not open on this case is refused.
 */
export async function loadPlanBasis(
  db: Reader,
  tenantId: string,
  caseId: string,
  claimIds: readonly string[] | undefined,
  today: IsoDate,
): Promise<PlanBasis> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .leftJoin('mandates as m', (j) =>
      j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      'm.max_instalments',
      'm.min_instalment_minor',
      'c.case_id',
      'c.creditor_id',
      'c.debtor_id',
      'c.currency',
      'cr.plan_policy',
      'cr.interest_policy',
      'cr.fixed_fee_policy',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const open = await db
    .selectFrom('claims')
    .select(['claim_id', 'invoice_number', 'due_date', 'outstanding_minor', 'disputed_minor'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    // A claim disputed in part goes in the plan for its undisputed rest.
    .whereRef('outstanding_minor', '>', 'disputed_minor')
    .orderBy('due_date')
    .orderBy('invoice_number')
    .execute();
  const wanted = claimIds && claimIds.length > 0 ? new Set(claimIds) : null;
  if (wanted) {
    const known = new Set(open.map((c) => c.claim_id));
    const unknown = [...wanted].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError('invalid_input', 'A plan covers only open, undisputed claims of the case.', {
        reason: 'plan_claims_invalid',
        claimIds: unknown,
      });
    }
  }
  const claims: PlanClaim[] = open
    .filter((c) => wanted === null || wanted.has(c.claim_id))
    .map((c) => ({
      claimId: c.claim_id,
      invoiceNumber: c.invoice_number,
      dueDate: c.due_date,
      outstandingMinor: Number(c.outstanding_minor) - Number(c.disputed_minor),
    }));
  if (claims.length === 0) {
    throw new DomainError('invalid_input', 'The case has no open, undisputed claim to put in a plan.', {
      reason: 'plan_no_claims',
    });
  }
  const interest = (await interestOfCases(db, tenantId, [caseId], today)).get(caseId);
  const invoices = new Set(claims.map((c) => c.invoiceNumber));
  let interestMinor = 0;
  let feesMinor = 0;
  for (const c of interest?.claims ?? []) {
    if (!invoices.has(c.invoiceNumber)) continue;
    interestMinor += c.interestMinor;
    feesMinor += c.feesMinor;
  }
  const totals = planTotal({
    principalMinor: claims.reduce((s, c) => s + c.outstandingMinor, 0),
    interestMinor,
    feesMinor,
    interestPolicy: row.interest_policy as ChargeChoice,
    feesPolicy: row.fixed_fee_policy as ChargeChoice,
  });
  return {
    caseId,
    creditorId: row.creditor_id,
    debtorId: row.debtor_id,
    currency: row.currency,
    claims,
    ...totals,
    ...planPolicyUnderMandate(
      readPlanPolicy(row.plan_policy ? safeJson(row.plan_policy) : null),
      row.max_instalments === null || row.min_instalment_minor === null
        ? null
        : {
            allowedStrategies: [],
            planLimits: {
              maxInstalments: Number(row.max_instalments),
              minInstalmentMinor: Number(row.min_instalment_minor),
            },
          },
    ),
  };
}

function safeJson(text: string): Record<string, never> | null {
  try {
    return JSON.parse(text) as Record<string, never>;
  } catch {
    return null;
  }
}
