import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import { type IvrScreen, MAX_TRIES, type PlanOffer } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database, Db } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { createPlan } from '../../workspace/plans/create-plan.ts';
import { loadPlanBasis } from '../../workspace/plans/plan-basis.ts';
import { offerPlans } from './choose-option.ts';
import { type CurrentCall, currentCall, isScreen, menuAgain } from './current-call.ts';
import { endIvrAttempt, updateIvrAttempt } from './ivr-attempts.ts';
import { callLanguage, type IvrCall, ivrActor, journalIvrStep } from './ivr-context.ts';
import { planOffers } from './plan-offers.ts';
import { startCardPayment } from './start-card-payment.ts';

type Reader = Db | Transaction<Database>;

async function offersOf(
  deps: Deps,
  db: Reader,
  call: IvrCall,
  current: CurrentCall,
): Promise<readonly PlanOffer[]> {
  const today = deps.clock.today();
  return planOffers(await loadPlanBasis(db, call.tenantId, current.ivrCase.caseId, undefined, today), today);
}

/** The caller picks one of the plans read (1–3), or 0 for the menu; another key is counted as an error. */
export async function choosePlan(deps: Deps, call: IvrCall, digits: string): Promise<IvrScreen> {
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await currentCall(deps, trx, call);
    if (isScreen(current)) return current;
    const key = digits.trim();
    if (key === '0') return menuAgain(call, current, 1, 'none');
    const offer = (await offersOf(deps, trx, call, current)).find((o) => String(o.key) === key);
    if (offer) return { kind: 'plan_confirm', language: callLanguage(call), offer };
    if (call.attempt >= MAX_TRIES) return { kind: 'goodbye', language: callLanguage(call) };
    if (key !== '')
      await updateIvrAttempt(trx, current.attempt, call.tenantId, { inputErrors: 1 }, deps.clock.now());
    return offerPlans(deps, trx, call, current, key === '' ? 'none' : 'not_understood', call.attempt + 1);
  });
}

/**
 * "Press 1 to accept": the plan is agreed as an agent would agree it (`createPlan`: the creditor's limits
 * checked again, the agreement PDF, its e-mail, a reminder before each instalment), the IVR acting for the
 * tenant. A down payment is taken at once by card; otherwise the attempt ends ('abandoned', 'plan_agreed').
 */
export async function agreePlanByPhone(
  deps: Deps,
  call: IvrCall,
  count: number,
  digits: string,
): Promise<IvrScreen> {
  const db = deps.database.db;
  const current = await db.transaction().execute((trx) => currentCall(deps, trx, call));
  if (isScreen(current)) return current;
  const offer = (await offersOf(deps, db, call, current)).find((o) => o.count === count);
  if (digits.trim() !== '1' || !offer) return menuAgain(call, current, 1, 'none');
  let planId: string;
  try {
    const plan = await createPlan(
      deps,
      ivrActor(call.tenantId, call.settings.provider),
      current.ivrCase.caseId,
      {
        kind: 'instalments',
        count: offer.count,
        frequency: offer.frequency,
        downPaymentMinor: offer.downPaymentMinor,
      },
    );
    planId = plan.id;
  } catch (error) {
    if (error instanceof DomainError && error.details?.reason === 'plan_already_active') {
      return menuAgain(call, current, 1, 'plan_active');
    }
    throw error;
  }
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { attempt, ivrCase } = current;
    await journalIvrStep(trx, {
      tenantId: call.tenantId,
      caseId: ivrCase.caseId,
      at: now,
      provider: call.settings.provider,
      step: 'plan_agreed',
      attemptId: attempt.attemptId,
      callSid: call.callSid,
      data: {
        planId,
        count: offer.count,
        frequency: offer.frequency,
        downPaymentMinor: offer.downPaymentMinor,
      },
    });
    if (offer.downPaymentMinor > 0) {
      await updateIvrAttempt(trx, attempt, call.tenantId, { live: { planId } }, now);
      return startCardPayment(deps, trx, call, attempt, ivrCase, offer.downPaymentMinor, true);
    }
    await endIvrAttempt(
      trx,
      attempt,
      call.tenantId,
      { status: 'abandoned', failureReason: 'plan_agreed', live: { stage: 'plan_agreed', planId } },
      now,
    );
    return { kind: 'plan_agreed', language: callLanguage(call) };
  });
}
