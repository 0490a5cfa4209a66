import type { Deps } from '../../../shared/deps.ts';
import { findAttemptByRef, isIdentified } from './ivr-attempt-read.ts';
import { updateIvrAttempt } from './ivr-attempts.ts';
import type { IvrCall } from './ivr-context.ts';
import { journalIvrStep } from './ivr-context.ts';

/** What `<Pay>`'s status callback says, reduced to what is safe to keep: never a digit of the card. */
export type PayProgress = {
  /** The field being captured (`Capture`, else `For`): 'payment-card-number', 'expiration-date'… */
  readonly capture: string | null;
  /** `ErrorType`: 'invalid-card-number', 'invalid-date', 'input-timeout'… */
  readonly errorType: string | null;
};

/** Twilio's values are lower-case words joined by hyphens; anything else is not kept. */
export function safeToken(value: string | undefined | null): string | null {
  const text = value?.trim() ?? '';
  return /^[a-z][a-z-]{0,39}$/.test(text) ? text : null;
}

/**
 * Progress of the card capture, for the agent's live view: the field being asked and the last error. Each
 * error the payment page reports is a wrong entry by the caller: counted as an input error, and journaled.
 */
export async function recordPayProgress(deps: Deps, call: IvrCall, progress: PayProgress): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const attempt = await findAttemptByRef(trx, call.tenantId, call.settings.provider, call.callSid);
    if (!isIdentified(attempt) || attempt.status !== 'started') return;
    const error = progress.errorType;
    await updateIvrAttempt(
      trx,
      attempt,
      call.tenantId,
      {
        inputErrors: error ? 1 : 0,
        live: {
          stage: 'paying',
          capture: progress.capture ?? attempt.live.capture,
          errorType: error,
          payErrors: attempt.live.payErrors + (error ? 1 : 0),
        },
      },
      now,
    );
    if (error) {
      await journalIvrStep(trx, {
        tenantId: call.tenantId,
        caseId: attempt.caseId,
        at: now,
        provider: call.settings.provider,
        step: 'input_error',
        attemptId: attempt.attemptId,
        callSid: call.callSid,
        data: { question: 'card', capture: progress.capture, errorType: error },
      });
    }
  });
}
