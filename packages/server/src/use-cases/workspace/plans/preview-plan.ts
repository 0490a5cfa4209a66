import {
  computeSchedule,
  markMandateViolations,
  type PlanFrequency,
  type PlanKind,
  type PlanPolicy,
  type PlanViolation,
  type ScheduledInstalment,
} from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';
import { loadPlanBasis, type PlanBasis } from './plan-basis.ts';

export type PlanRequest = {
  readonly kind: PlanKind;
  readonly claimIds?: readonly string[] | undefined;
  readonly count?: number | undefined;
  readonly firstDueOn?: string | undefined;
  readonly frequency?: PlanFrequency | undefined;
  readonly downPaymentMinor?: number | undefined;
};

export type PlanPreview = {
  readonly kind: PlanKind;
  readonly currency: string;
  readonly claimIds: readonly string[];
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
  readonly downPaymentMinor: number;
  readonly instalments: readonly ScheduledInstalment[];
  readonly violations: readonly PlanViolation[];
  readonly policy: PlanPolicy;
};

/** The schedule a proposal gives and the limits it breaks, from a basis already loaded. */
export function previewFromBasis(basis: PlanBasis, request: PlanRequest, today: string): PlanPreview {
  const schedule = computeSchedule(
    {
      kind: request.kind,
      totalMinor: basis.totalMinor,
      count: request.kind === 'instalments' ? request.count : 1,
      firstDueOn: request.firstDueOn,
      frequency: request.frequency,
      downPaymentMinor: request.kind === 'instalments' ? request.downPaymentMinor : 0,
      today,
    },
    basis.policy,
  );
  return {
    kind: request.kind,
    currency: basis.currency,
    claimIds: basis.claims.map((c) => c.claimId),
    principalMinor: basis.principalMinor,
    interestMinor: basis.interestMinor,
    feesMinor: basis.feesMinor,
    totalMinor: basis.totalMinor,
    downPaymentMinor: schedule.downPaymentMinor,
    instalments: schedule.instalments,
    violations: markMandateViolations(schedule.violations, basis.byMandate),
    policy: basis.policy,
  };
}

/** What a plan would be, for the agent to discuss with the debtor: nothing is written. */
export async function previewPlan(
  deps: Deps,
  actor: Actor,
  caseId: string,
  request: PlanRequest,
): Promise<PlanPreview> {
  requirePermission(actor, 'cases:act');
  const today = deps.clock.today();
  const basis = await loadPlanBasis(deps.database.db, actor.tenantId, caseId, request.claimIds, today);
  return previewFromBasis(basis, request, today);
}
