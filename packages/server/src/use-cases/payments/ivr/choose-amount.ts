import { minorUnitDigits } from '@relance/core';
import { type IvrScreen, MAX_TRIES } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Deps } from '../../../shared/deps.ts';
import { minimumPart } from './choose-option.ts';
import { currentCall, isScreen } from './current-call.ts';
import { updateIvrAttempt } from './ivr-attempts.ts';
import { callLanguage, type IvrCall, journalIvrStep } from './ivr-context.ts';
import { parseKeyedAmount } from './keyed-reference.ts';
import { startCardPayment } from './start-card-payment.ts';

/**
 * The amount of a part payment, keyed in units with star before the cents ("120*50#"): between one unit
 * and the balance, else an input error and the question again (three times, then goodbye).
 */
export async function chooseAmount(deps: Deps, call: IvrCall, digits: string): Promise<IvrScreen> {
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await currentCall(deps, trx, call);
    if (isScreen(current)) return current;
    const { attempt, ivrCase } = current;
    const balance = ivrCase.balance;
    const minimumMinor = minimumPart(balance.totalMinor, balance.currency);
    const amount = parseKeyedAmount(digits, minorUnitDigits(balance.currency));
    if (amount !== null && amount >= minimumMinor && amount <= balance.totalMinor) {
      return startCardPayment(deps, trx, call, attempt, ivrCase, amount);
    }
    const language = callLanguage(call);
    const now = deps.clock.now();
    if (digits.trim() !== '') {
      await updateIvrAttempt(trx, attempt, call.tenantId, { inputErrors: 1 }, now);
      await journalIvrStep(trx, {
        tenantId: call.tenantId,
        caseId: ivrCase.caseId,
        at: now,
        provider: call.settings.provider,
        step: 'input_error',
        attemptId: attempt.attemptId,
        callSid: call.callSid,
        data: { question: 'amount', keyed: digits.trim().slice(0, 20) },
      });
    }
    if (call.attempt >= MAX_TRIES) return { kind: 'goodbye', language };
    return {
      kind: 'ask_amount',
      language,
      attempt: call.attempt + 1,
      balance,
      minimumMinor,
      notice: 'invalid',
    };
  });
}
