import type { Transaction } from 'kysely';
import type { IvrScreen, PayFailure } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { recordPayment } from '../record-payment.ts';
import { currentCall, isScreen, menuAgain } from './current-call.ts';
import { findAttemptByRef, type IdentifiedAttempt, isIdentified } from './ivr-attempt-read.ts';
import { endIvrAttempt, updateIvrAttempt } from './ivr-attempts.ts';
import {
  balanceOf,
  callLanguage,
  type IvrCall,
  ivrActor,
  journalIvrStep,
  paySourceKey,
} from './ivr-context.ts';

/** What `<Pay>` posts to its action URL, reduced to what Relance keeps (never card data). */
export type PayResult = {
  /** `Result`: success, payment-connector-error, too-many-failed-attempts, caller-interrupted-with-star… */
  readonly result: string;
  /** `PaymentConfirmationCode`: the connector's id of the charge. */
  readonly confirmationCode: string | null;
  /** `PaymentError` / `ConnectorError`: the connector's words for a failure. */
  readonly paymentError: string | null;
};

const FAILURES: Readonly<Record<string, PayFailure>> = {
  'payment-connector-error': 'declined',
  'validation-error': 'card_invalid',
  'too-many-failed-attempts': 'card_invalid',
  'input-timeout': 'timeout',
};

/**
 * The end of `<Pay>`. Success books the payment through `recordPayment` (source key
 * `twilio-pay:<CallSid>:<confirmation code>`, so a replayed result books nothing twice) in the same transaction
 * as the attempt's success and its journal entry, and thanks the caller with what is left to pay. A failure ends
 * the attempt 'failed' with the reason (invalid or missing card input also counts as an input error, unless
 * the payment page already reported it); a hang-up, 'abandoned'; star, back to the menu.
 */
export async function recordPayResult(deps: Deps, call: IvrCall, pay: PayResult): Promise<IvrScreen> {
  const language = callLanguage(call);
  return deps.database.db.transaction().execute(async (trx) => {
    const attempt = await findAttemptByRef(trx, call.tenantId, call.settings.provider, call.callSid);
    if (!isIdentified(attempt)) return { kind: 'goodbye', language };
    if (pay.result === 'success') return paid(deps, trx, call, attempt, pay);
    const now = deps.clock.now();
    if (pay.result === 'caller-interrupted-with-star') {
      await updateIvrAttempt(
        trx,
        attempt,
        call.tenantId,
        { live: { stage: 'caller_identified', capture: null, errorType: null } },
        now,
      );
      await journal(trx, call, attempt, now, 'payment_cancelled', { result: pay.result });
      const current = await currentCall(deps, trx, call);
      return isScreen(current) ? current : menuAgain(call, current, 1, 'none');
    }
    if (pay.result === 'caller-hung-up') {
      const end = { status: 'abandoned', failureReason: 'caller_hung_up' } as const;
      if (await endIvrAttempt(trx, attempt, call.tenantId, end, now)) {
        await journal(trx, call, attempt, now, 'payment_cancelled', { result: pay.result });
      }
      return { kind: 'none' };
    }
    const failure = FAILURES[pay.result] ?? 'other';
    const unreported = failure === 'timeout' || (failure === 'card_invalid' && attempt.live.payErrors === 0);
    const failureReason = `${pay.result}${pay.paymentError ? `: ${pay.paymentError}` : ''}`.slice(0, 200);
    const ended = await endIvrAttempt(
      trx,
      attempt,
      call.tenantId,
      { status: 'failed', failureReason, inputErrors: unreported ? 1 : 0, live: { capture: null } },
      now,
    );
    if (ended)
      await journal(trx, call, attempt, now, 'payment_failed', {
        result: pay.result,
        error: pay.paymentError,
      });
    return { kind: 'pay_failed', language, failure };
  });
}

async function paid(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  attempt: IdentifiedAttempt,
  pay: PayResult,
): Promise<IvrScreen> {
  const now = deps.clock.now();
  const today = deps.clock.today();
  const code = pay.confirmationCode ?? `attempt-${attempt.attemptId}`;
  const recorded = await recordPayment(
    deps,
    ivrActor(call.tenantId, call.settings.provider),
    {
      caseId: attempt.caseId,
      amountMinor: attempt.amountMinor,
      currency: attempt.currency,
      method: 'card',
      channel: 'ivr',
      provider: call.settings.provider,
      sourceKey: paySourceKey(call.settings.provider, call.callSid, code),
      receivedOn: today,
      reference: pay.confirmationCode,
      attemptId: attempt.attemptId,
    },
    trx,
  );
  await endIvrAttempt(
    trx,
    attempt,
    call.tenantId,
    { status: 'succeeded', paymentId: recorded.paymentId, live: { capture: null, errorType: null } },
    now,
  );
  if (!recorded.repeated) {
    await journal(trx, call, attempt, now, 'payment_succeeded', {
      paymentId: recorded.paymentId,
      amountMinor: recorded.amountMinor,
      currency: attempt.currency,
      confirmationCode: pay.confirmationCode,
    });
  }
  const left = await balanceOf(trx, call.tenantId, attempt.caseId, today);
  return {
    kind: 'paid',
    language: callLanguage(call),
    amountMinor: recorded.amountMinor,
    currency: attempt.currency,
    remainingMinor: left?.totalMinor ?? 0,
  };
}

function journal(
  trx: Transaction<Database>,
  call: IvrCall,
  attempt: IdentifiedAttempt,
  at: string,
  step: 'payment_succeeded' | 'payment_failed' | 'payment_cancelled',
  data: Readonly<Record<string, unknown>>,
): Promise<void> {
  return journalIvrStep(trx, {
    tenantId: call.tenantId,
    caseId: attempt.caseId,
    at,
    provider: call.settings.provider,
    step,
    attemptId: attempt.attemptId,
    callSid: call.callSid,
    data,
  });
}
