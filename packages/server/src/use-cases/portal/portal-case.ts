import {
  DEFAULT_PROMISE_HORIZON_DAYS,
  type InterestRegime,
  type Language,
  type PlanPolicy,
  planPolicyUnderMandate,
  readPlanPolicy,
} from '@relance/core';
import type { Transaction } from 'kysely';
import type { ClaimStatus, Database, DebtorKind } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { interestOfCases } from '../dunning/interest-of-cases.ts';
import { type OtherWays, otherWaysToPay } from './other-ways.ts';
import { type PortalAccess, withPortalAccess } from './portal-access.ts';
import { type PortalAgreements, portalAgreements } from './portal-agreements.ts';

/** The smallest card payment the portal takes: one euro (or one unit of the case's currency). */
export const MIN_PORTAL_PAYMENT_MINOR = 100;

export type PortalClaim = {
  readonly id: string;
  readonly invoiceNumber: string;
  readonly issueDate: string | null;
  readonly dueDate: string;
  readonly amountMinor: number;
  /** What is still asked of it: its outstanding, less what is under dispute. */
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  readonly status: ClaimStatus;
};

/** The one case the debtor identified for: what is owed and why, and what they already agreed. */
export type PortalCase = {
  readonly reference: string;
  readonly creditorName: string;
  readonly debtor: { readonly name: string; readonly kind: DebtorKind; readonly language: Language };
  readonly currency: string;
  readonly claims: readonly PortalClaim[];
  readonly balance: {
    readonly principalMinor: number;
    readonly interestMinor: number;
    /** The fixed compensation for recovery costs (€40 per invoice between businesses). */
    readonly feesMinor: number;
    readonly totalMinor: number;
    readonly disputedMinor: number;
    readonly paidMinor: number;
    readonly creditMinor: number;
  };
  /** Why interest and fees are asked: the legal regime and the creditor's own rate when it set one. */
  readonly interest: { readonly regime: InterestRegime | null; readonly contractRate: string | null };
  readonly transfer: OtherWays;
  readonly limits: {
    readonly minPaymentMinor: number;
    readonly maxPaymentMinor: number;
    readonly plan: PlanPolicy;
    readonly promiseHorizonDays: number;
  };
} & PortalAgreements;

/**
 * The case as the debtor sees it: the claims still asked, principal / interest / fees as the messages state
 * them (the same computation: `interestOfCases`), the bank details for a transfer, and what the debtor
 * already agreed. Nothing about the people working the case (no notes, no agents, no other case).
 */
export async function getPortalCase(
  deps: Deps,
  key: string,
  cookie: string | undefined,
): Promise<PortalCase> {
  const today = deps.clock.today();
  return withPortalAccess(deps, key, cookie, async (trx, access) => {
    const row = await trx
      .selectFrom('cases as c')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .innerJoin('creditors as cr', (j) =>
        j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
      )
      .leftJoin('mandates as m', (j) =>
        j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.creditor_id', '=', 'c.creditor_id'),
      )
      .select([
        'm.max_instalments',
        'm.min_instalment_minor',
        'c.currency',
        'c.outstanding_minor',
        'c.disputed_minor',
        'c.paid_minor',
        'c.credit_minor',
        'cr.name as creditor_name',
        'cr.ref as creditor_ref',
        'cr.plan_policy',
        'cr.contract_rate',
        'cr.interest_policy',
        'd.name as debtor_name',
        'd.ref as debtor_ref',
        'd.kind',
        'd.language',
      ])
      .where('c.tenant_id', '=', access.tenantId)
      .where('c.case_id', '=', access.caseId)
      .executeTakeFirstOrThrow();
    const [claims, interests, agreements, transfer] = await Promise.all([
      portalClaims(trx, access),
      interestOfCases(trx, access.tenantId, [access.caseId], today),
      portalAgreements(trx, access, deps.clock.now()),
      otherWaysToPay(trx, access.tenantId, access.caseId, row.language, today),
    ]);
    const interest = interests.get(access.caseId);
    const principalMinor = Number(row.outstanding_minor) - Number(row.disputed_minor);
    const interestMinor = interest?.claimedInterestMinor ?? 0;
    const feesMinor = interest?.claimedFeesMinor ?? 0;
    const totalMinor = principalMinor + interestMinor + feesMinor;
    const policy = row.plan_policy ? parsePolicy(row.plan_policy) : null;
    return {
      reference: `${row.creditor_ref}-${row.debtor_ref}`,
      creditorName: row.creditor_name,
      debtor: { name: row.debtor_name, kind: row.kind, language: row.language },
      currency: row.currency,
      claims,
      balance: {
        principalMinor,
        interestMinor,
        feesMinor,
        totalMinor,
        disputedMinor: Number(row.disputed_minor),
        paidMinor: Number(row.paid_minor),
        creditMinor: Number(row.credit_minor),
      },
      interest: {
        regime: interestMinor > 0 || feesMinor > 0 ? (interest?.regime ?? null) : null,
        contractRate: row.interest_policy === 'charge' ? row.contract_rate : null,
      },
      transfer,
      limits: {
        minPaymentMinor: Math.min(MIN_PORTAL_PAYMENT_MINOR, totalMinor),
        maxPaymentMinor: totalMinor,
        // What the debtor may ask for: the creditor's limits, narrowed by the agency's mandate when there is one.
        plan: planPolicyUnderMandate(
          readPlanPolicy(policy),
          row.max_instalments === null || row.min_instalment_minor === null
            ? null
            : {
                allowedStrategies: [],
                planLimits: {
                  maxInstalments: Number(row.max_instalments),
                  minInstalmentMinor: Number(row.min_instalment_minor),
                },
              },
        ).policy,
        promiseHorizonDays: horizonOf(policy),
      },
      ...agreements,
    };
  });
}

async function portalClaims(trx: Transaction<Database>, access: PortalAccess): Promise<PortalClaim[]> {
  const rows = await trx
    .selectFrom('claims')
    .select([
      'claim_id',
      'invoice_number',
      'issue_date',
      'due_date',
      'amount_minor',
      'outstanding_minor',
      'disputed_minor',
      'status',
    ])
    .where('tenant_id', '=', access.tenantId)
    .where('case_id', '=', access.caseId)
    .where('status', 'in', ['open', 'disputed'])
    .orderBy('due_date')
    .orderBy('invoice_number')
    .execute();
  return rows.map((r) => {
    const outstanding = Number(r.outstanding_minor);
    const disputed = r.status === 'disputed' ? outstanding : Math.min(outstanding, Number(r.disputed_minor));
    return {
      id: r.claim_id,
      invoiceNumber: r.invoice_number,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      amountMinor: Number(r.amount_minor),
      outstandingMinor: outstanding - disputed,
      disputedMinor: disputed,
      status: r.status,
    };
  });
}

function parsePolicy(text: string): Record<string, never> | null {
  try {
    return JSON.parse(text) as Record<string, never>;
  } catch {
    return null;
  }
}

function horizonOf(policy: Record<string, unknown> | null): number {
  const value = policy?.promiseHorizonDays;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_PROMISE_HORIZON_DAYS;
}
