import type { Deps } from '../../../shared/deps.ts';
import { findAttemptByRef, isIdentified } from './ivr-attempt-read.ts';
import { endIvrAttempt } from './ivr-attempts.ts';
import { type IvrCall, journalIvrStep } from './ivr-context.ts';

/** Twilio's final call statuses (the call status callback). */
const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/**
 * The call is over. An attempt still open (the caller hung up before paying, or during the card capture) is
 * 'abandoned' with the reason 'caller_hung_up'; one already ended keeps its end. Journaled on the case when
 * the caller had been identified.
 */
export async function endCall(
  deps: Deps,
  call: IvrCall,
  callStatus: string,
  duration: number | null,
): Promise<void> {
  if (!FINAL.has(callStatus)) return;
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const attempt = await findAttemptByRef(trx, call.tenantId, call.settings.provider, call.callSid);
    if (!attempt) return;
    // A status callback sent again (Twilio retries) is recorded once.
    const seen = await trx
      .insertInto('webhook_events')
      .values({
        tenant_id: call.tenantId,
        provider: `${call.settings.provider}-ivr`,
        event_id: `${call.callSid}:${callStatus}`,
        kind: 'call_status',
        received_at: now,
        result: 'processed',
        detail: null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'event_id']).doNothing())
      .executeTakeFirst();
    if (Number(seen.numInsertedOrUpdatedRows ?? 0n) === 0) return;
    const ended = await endIvrAttempt(
      trx,
      attempt,
      call.tenantId,
      { status: 'abandoned', failureReason: 'caller_hung_up' },
      now,
    );
    if (!isIdentified(attempt)) return;
    await journalIvrStep(trx, {
      tenantId: call.tenantId,
      caseId: attempt.caseId,
      at: now,
      provider: call.settings.provider,
      step: 'call_ended',
      attemptId: attempt.attemptId,
      callSid: call.callSid,
      data: { callStatus, durationSeconds: duration, abandoned: ended },
    });
  });
}
