import type { Transaction } from 'kysely';
import type { IvrScreen } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import type { IvrAttempt } from './ivr-attempt-read.ts';
import { updateIvrAttempt } from './ivr-attempts.ts';
import { callLanguage, type IvrCall, type IvrCase, journalIvrStep } from './ivr-context.ts';

/**
 * The caller chose an amount: the attempt now stands for it and `<Pay>` takes the card (at Twilio and its
 * payment connector: card data never reaches Relance); its result comes back to `pay-result`.
 */
export async function startCardPayment(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  attempt: IvrAttempt,
  ivrCase: IvrCase,
  amountMinor: number,
  planAgreed = false,
): Promise<IvrScreen> {
  const now = deps.clock.now();
  const language = callLanguage(call);
  await updateIvrAttempt(
    trx,
    attempt,
    call.tenantId,
    {
      amountMinor,
      currency: ivrCase.currency,
      live: { stage: 'paying', capture: null, errorType: null, payErrors: 0 },
    },
    now,
  );
  await journalIvrStep(trx, {
    tenantId: call.tenantId,
    caseId: ivrCase.caseId,
    at: now,
    provider: call.settings.provider,
    step: 'payment_started',
    attemptId: attempt.attemptId,
    callSid: call.callSid,
    data: { amountMinor, currency: ivrCase.currency, planAgreed },
  });
  const description = [ivrCase.creditorName, ivrCase.reference].filter((p) => p).join(' ');
  return {
    kind: 'pay',
    language,
    amountMinor,
    currency: ivrCase.currency,
    connector: call.settings.paymentConnector,
    description,
    planAgreed,
  };
}
