import type { PlanFrequency, PromiseDate } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { createPlan } from '../workspace/plans/create-plan.ts';
import type { PlanView } from '../workspace/plans/plan-view.ts';
import { type PlanPreview, previewPlan } from '../workspace/plans/preview-plan.ts';
import { recordDebtorPromise } from '../workspace/promises/record-promise.ts';
import type { RecordedPromise } from '../workspace/promises/write-promise.ts';
import { debtorActor } from './debtor-actor.ts';
import { checkPortalAccess } from './portal-access.ts';

/**
 * The debtor chooses a date (or several) to pay: a promise of their own (`made_by: debtor`, channel 'portal'),
 * confirmed in writing like any other, the case decided at once.
 */
export async function promiseFromPortal(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  input: { readonly schedule: readonly PromiseDate[]; readonly note?: string | undefined },
): Promise<RecordedPromise> {
  const access = await checkPortalAccess(deps, key, cookie);
  return recordDebtorPromise(deps, access.tenantId, access.caseId, input);
}

/** What the debtor asks for: instalments over every open, undisputed invoice of the case. */
export type PortalPlanRequest = {
  readonly count: number;
  readonly frequency: PlanFrequency;
  readonly firstDueOn?: string | undefined;
  readonly downPaymentMinor?: number | undefined;
};

const planRequest = (input: PortalPlanRequest) => ({ kind: 'instalments' as const, ...input });

/** The schedule the request gives and the creditor's limits it breaks (nothing is written). */
export async function previewPortalPlan(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  input: PortalPlanRequest,
): Promise<PlanPreview> {
  const access = await checkPortalAccess(deps, key, cookie);
  return previewPlan(deps, debtorActor(access.tenantId), access.caseId, planRequest(input));
}

/**
 * The debtor sets up instalments within the creditor's limits: the same agreement an agent makes (PDF,
 * e-mail, a reminder before each instalment, the engine following the plan), agreed by the debtor; the case
 * is decided at once, as a promise is.
 */
export async function createPortalPlan(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  input: PortalPlanRequest,
): Promise<PlanView> {
  const access = await checkPortalAccess(deps, key, cookie);
  // Decided at once by `createPlan`, as a promise is: the debtor sees no reminder meanwhile.
  const plan = await createPlan(deps, debtorActor(access.tenantId), access.caseId, planRequest(input));
  return plan;
}
