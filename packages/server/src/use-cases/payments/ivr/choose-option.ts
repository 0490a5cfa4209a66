import { minorUnitDigits } from '@relance/core';
import type { Transaction } from 'kysely';
import { type IvrScreen, MAX_TRIES } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { loadPlanBasis } from '../../workspace/plans/plan-basis.ts';
import { type CurrentCall, currentCall, isScreen, menuAgain } from './current-call.ts';
import { updateIvrAttempt } from './ivr-attempts.ts';
import { callLanguage, type IvrCall, journalIvrStep } from './ivr-context.ts';
import { planOffers } from './plan-offers.ts';
import { requestCallbackByPhone } from './request-callback-by-phone.ts';
import { startCardPayment } from './start-card-payment.ts';

const OPTIONS = { '1': 'pay_all', '2': 'pay_part', '3': 'plan', '4': 'callback' } as const;

/** The smallest part payment: one unit of the currency (1 €), or the whole balance when it is less. */
export function minimumPart(totalMinor: number, currency: string): number {
  return Math.min(totalMinor, 10 ** minorUnitDigits(currency));
}

/**
 * The caller's choice in the main menu: 1 pay everything, 2 pay part, 3 hear the instalment plans,
 * 4 be called back, 0 hear it again. Another key is an input error; after three the IVR says goodbye.
 */
export async function chooseOption(deps: Deps, call: IvrCall, digits: string): Promise<IvrScreen> {
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await currentCall(deps, trx, call);
    if (isScreen(current)) return current;
    const key = digits.trim();
    const option = OPTIONS[key as keyof typeof OPTIONS];
    if (!option) return wrongKey(deps, trx, call, current, key);
    await journalIvrStep(trx, {
      tenantId: call.tenantId,
      caseId: current.ivrCase.caseId,
      at: deps.clock.now(),
      provider: call.settings.provider,
      step: 'option_chosen',
      attemptId: current.attempt.attemptId,
      callSid: call.callSid,
      data: { option },
    });
    const { attempt, ivrCase } = current;
    const balance = ivrCase.balance;
    switch (option) {
      case 'pay_all':
        return startCardPayment(deps, trx, call, attempt, ivrCase, balance.totalMinor);
      case 'pay_part':
        await updateIvrAttempt(
          trx,
          attempt,
          call.tenantId,
          { live: { stage: 'choosing_amount' } },
          deps.clock.now(),
        );
        return {
          kind: 'ask_amount',
          language: callLanguage(call),
          attempt: 1,
          balance,
          minimumMinor: minimumPart(balance.totalMinor, balance.currency),
          notice: 'none',
        };
      case 'plan':
        return offerPlans(deps, trx, call, current);
      case 'callback':
        return requestCallbackByPhone(deps, trx, call, attempt, ivrCase);
    }
  });
}

/** 0 (or nothing) repeats the menu; any other key is a wrong entry, counted. */
async function wrongKey(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  current: CurrentCall,
  key: string,
): Promise<IvrScreen> {
  if (call.attempt >= MAX_TRIES) return { kind: 'goodbye', language: callLanguage(call) };
  if (key === '0' || key === '') return menuAgain(call, current, call.attempt + (key === '' ? 1 : 0), 'none');
  await updateIvrAttempt(trx, current.attempt, call.tenantId, { inputErrors: 1 }, deps.clock.now());
  return menuAgain(call, current, call.attempt + 1, 'not_understood');
}

/** The instalment plans the creditor allows, unless a plan already runs on the case. */
export async function offerPlans(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  current: CurrentCall,
  notice: 'none' | 'not_understood' = 'none',
  attempt = 1,
): Promise<IvrScreen> {
  const active = await trx
    .selectFrom('payment_plans')
    .select('plan_id')
    .where('tenant_id', '=', call.tenantId)
    .where('case_id', '=', current.ivrCase.caseId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (active) return menuAgain(call, current, 1, 'plan_active');
  const today = deps.clock.today();
  const basis = await loadPlanBasis(trx, call.tenantId, current.ivrCase.caseId, undefined, today);
  const offers = planOffers(basis, today);
  if (offers.length === 0) return menuAgain(call, current, 1, 'no_plan');
  await updateIvrAttempt(
    trx,
    current.attempt,
    call.tenantId,
    { live: { stage: 'choosing_plan' } },
    deps.clock.now(),
  );
  return { kind: 'plan_offers', language: callLanguage(call), attempt, offers, notice };
}
