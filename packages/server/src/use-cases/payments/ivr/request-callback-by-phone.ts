import type { Transaction } from 'kysely';
import type { IvrScreen } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { scheduleCallback } from '../../workspace/queue/schedule-callback.ts';
import { findAttemptByRef, type IvrAttempt, isIdentified } from './ivr-attempt-read.ts';
import { endIvrAttempt } from './ivr-attempts.ts';
import { callLanguage, type IvrCall, type IvrCase, journalIvrStep, loadIvrCase } from './ivr-context.ts';

/**
 * The caller asks to be called back: the queue's callback (an outbox row the dispatcher turns into an agent
 * call at the first hour the compliance rules allow, any agent), keyed by the attempt so that the same call
 * never books two; the attempt ends 'abandoned' with the reason 'callback_requested'.
 */
export async function requestCallbackByPhone(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  attempt: IvrAttempt,
  ivrCase: IvrCase,
): Promise<IvrScreen> {
  const now = deps.clock.now();
  const existing = await trx
    .selectFrom('actions')
    .select('action_id')
    .where('tenant_id', '=', call.tenantId)
    .where('case_id', '=', ivrCase.caseId)
    .where('action_key', '=', `callback:${attempt.attemptId}`)
    .executeTakeFirst();
  const actionId =
    existing?.action_id ??
    (await scheduleCallback(trx, {
      tenantId: call.tenantId,
      caseId: ivrCase.caseId,
      outcomeId: attempt.attemptId,
      callbackAt: now,
      agentId: null,
      template: ivrCase.debtorKind === 'business' ? 'cordial-call' : 'consumer-call',
      language: ivrCase.debtorLanguage,
      timeZone: ivrCase.timeZone,
      today: deps.clock.today(ivrCase.timeZone),
      now,
    }));
  await endIvrAttempt(
    trx,
    attempt,
    call.tenantId,
    {
      status: 'abandoned',
      failureReason: 'callback_requested',
      live: { stage: 'callback_requested', callbackActionId: actionId },
    },
    now,
  );
  if (!existing) {
    await journalIvrStep(trx, {
      tenantId: call.tenantId,
      caseId: ivrCase.caseId,
      at: now,
      provider: call.settings.provider,
      step: 'callback_requested',
      attemptId: attempt.attemptId,
      callSid: call.callSid,
      data: { actionId },
    });
  }
  return { kind: 'callback_booked', language: callLanguage(call) };
}

/** After a failed payment: 4 books a callback, anything else says goodbye. */
export async function afterPayFailure(deps: Deps, call: IvrCall, digits: string): Promise<IvrScreen> {
  const language = callLanguage(call);
  if (digits.trim() !== '4') return { kind: 'goodbye', language };
  return deps.database.db.transaction().execute(async (trx) => {
    const attempt = await findAttemptByRef(trx, call.tenantId, call.settings.provider, call.callSid);
    if (!isIdentified(attempt)) return { kind: 'goodbye', language };
    const ivrCase = await loadIvrCase(trx, call.tenantId, attempt.caseId, deps.clock.today());
    return requestCallbackByPhone(deps, trx, call, attempt, ivrCase);
  });
}
