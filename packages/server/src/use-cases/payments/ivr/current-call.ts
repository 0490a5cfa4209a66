import type { Transaction } from 'kysely';
import type { IvrScreen, SpokenBalance } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import { findAttemptByRef, type IdentifiedAttempt, isIdentified } from './ivr-attempt-read.ts';
import { callLanguage, type IvrCall, type IvrCase, loadIvrCase } from './ivr-context.ts';

export type CurrentCall = {
  readonly attempt: IdentifiedAttempt;
  readonly ivrCase: IvrCase & { readonly balance: SpokenBalance };
};

/**
 * The identified call a menu answer belongs to, with its case and balance; or the screen that ends the call
 * (an unknown call, an attempt already ended, nothing left to pay).
 */
export async function currentCall(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
): Promise<CurrentCall | IvrScreen> {
  const language = callLanguage(call);
  const attempt = await findAttemptByRef(trx, call.tenantId, call.settings.provider, call.callSid);
  if (!isIdentified(attempt) || attempt.status !== 'started') {
    return { kind: 'goodbye', language };
  }
  const ivrCase = await loadIvrCase(trx, call.tenantId, attempt.caseId, deps.clock.today());
  if (!ivrCase.balance) return { kind: 'nothing_owed', language };
  return { attempt, ivrCase: { ...ivrCase, balance: ivrCase.balance } };
}

export function isScreen(value: CurrentCall | IvrScreen): value is IvrScreen {
  return 'kind' in value;
}

/** The menu again, with what went wrong. */
export function menuAgain(
  call: IvrCall,
  current: CurrentCall,
  attempt: number,
  notice: 'none' | 'not_understood' | 'plan_active' | 'no_plan',
): IvrScreen {
  return {
    kind: 'menu',
    language: callLanguage(call),
    attempt,
    intro: null,
    balance: current.ivrCase.balance,
    notice,
  };
}
