import type { Transaction } from 'kysely';
import { type IvrScreen, MAX_TRIES } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Database, Locale } from '../../../db/schema.ts';
import type { Deps } from '../../../shared/deps.ts';
import {
  findAttemptByRef,
  type IdentifiedAttempt,
  type IvrAttempt,
  isIdentified,
} from './ivr-attempt-read.ts';
import {
  dropUnidentifiedAttempt,
  endIvrAttempt,
  insertIvrAttempt,
  updateIvrAttempt,
} from './ivr-attempts.ts';
import { callLanguage, type IvrCall, journalIvrStep, loadIvrCase } from './ivr-context.ts';
import { parseKeyed } from './keyed-reference.ts';
import { expireTransfers, waitingTransfer } from './transfer-codes.ts';

/** The first question, asked again (`attempt`) with what went wrong. */
export function askReference(
  call: IvrCall,
  language: Locale,
  attempt: number,
  notice: 'none' | 'not_found' | 'nothing_keyed',
  greeting: string | null = null,
): IvrScreen {
  const other = call.settings.languages.find((l) => l !== language) ?? null;
  return { kind: 'ask_reference', language, attempt, greeting, notice, other };
}

/**
 * The caller keyed something at the first question: 9 for the other language, an agent's transfer code, or
 * the digits of the case's reference. The call's attempt is made at its first keyed entry; each wrong entry
 * is an input error on it, and after three the IVR says goodbye (the attempt 'failed', caller not identified).
 */
export async function identifyCaller(deps: Deps, call: IvrCall, digits: string): Promise<IvrScreen> {
  const language = callLanguage(call);
  const keyed = digits.trim();
  if (keyed === '') {
    return call.attempt >= MAX_TRIES
      ? { kind: 'goodbye', language }
      : askReference(call, language, call.attempt + 1, 'nothing_keyed');
  }
  const other = call.settings.languages.find((l) => l !== language);
  if (keyed === '9' && other) return askReference(call, other, call.attempt, 'none');
  const now = deps.clock.now();
  const provider = call.settings.provider;
  return deps.database.db.transaction().execute(async (trx) => {
    const own = await findAttemptByRef(trx, call.tenantId, provider, call.callSid);
    if (isIdentified(own)) return identified(deps, trx, call, own, 'repeat');
    const parsed = parseKeyed(keyed);
    if (parsed.kind === 'transfer') {
      await expireTransfers(trx, call.tenantId, provider, now);
      const transfer = await waitingTransfer(trx, call.tenantId, provider, parsed.code, now);
      if (transfer) return adoptTransfer(deps, trx, call, transfer, own);
    }
    if (parsed.kind === 'reference') {
      const found = await trx
        .selectFrom('cases')
        .select('case_id')
        .where('tenant_id', '=', call.tenantId)
        .where('payment_reference', '=', parsed.reference)
        .executeTakeFirst();
      if (found) return identifyByReference(deps, trx, call, own, found.case_id);
    }
    return wrongEntry(deps, trx, call, own, language);
  });
}

async function wrongEntry(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  own: IvrAttempt | null,
  language: Locale,
): Promise<IvrScreen> {
  const now = deps.clock.now();
  const provider = call.settings.provider;
  if (!own) {
    await insertIvrAttempt(trx, {
      tenantId: call.tenantId,
      caseId: null,
      provider,
      providerRef: call.callSid,
      amountMinor: 0,
      currency: 'EUR',
      live: { stage: 'identifying', language, callSid: call.callSid },
      now,
    });
  }
  const attempt = own ?? (await findAttemptByRef(trx, call.tenantId, provider, call.callSid));
  if (!attempt) return { kind: 'goodbye', language };
  if (call.attempt >= MAX_TRIES) {
    await endIvrAttempt(
      trx,
      attempt,
      call.tenantId,
      { status: 'failed', failureReason: 'caller_not_identified', inputErrors: 1 },
      now,
    );
    return { kind: 'not_identified', language };
  }
  await updateIvrAttempt(trx, attempt, call.tenantId, { inputErrors: 1 }, now);
  return askReference(call, language, call.attempt + 1, 'not_found');
}

/** The reference is a case's: the call's attempt is made (or completed) for it. */
async function identifyByReference(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  own: IvrAttempt | null,
  caseId: string,
): Promise<IvrScreen> {
  const now = deps.clock.now();
  const provider = call.settings.provider;
  const ivrCase = await loadIvrCase(trx, call.tenantId, caseId, deps.clock.today());
  const live = { stage: 'caller_identified' as const, language: callLanguage(call), callSid: call.callSid };
  const amount = { amountMinor: ivrCase.balance?.totalMinor ?? 0, currency: ivrCase.currency };
  if (own) await updateIvrAttempt(trx, own, call.tenantId, { caseId, ...amount, live }, now);
  else {
    await insertIvrAttempt(trx, {
      tenantId: call.tenantId,
      caseId,
      provider,
      providerRef: call.callSid,
      ...amount,
      live,
      now,
    });
  }
  const attempt = await findAttemptByRef(trx, call.tenantId, provider, call.callSid);
  if (!isIdentified(attempt)) throw new Error('The call’s attempt vanished');
  return identified(deps, trx, call, attempt, 'reference');
}

/** The caller keyed an agent's code: the call takes over the transfer's attempt (and the errors made before). */
async function adoptTransfer(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  transfer: IdentifiedAttempt,
  own: IvrAttempt | null,
): Promise<IvrScreen> {
  const now = deps.clock.now();
  if (own) await dropUnidentifiedAttempt(trx, call.tenantId, own.attemptId);
  await updateIvrAttempt(
    trx,
    transfer,
    call.tenantId,
    {
      providerRef: call.callSid,
      inputErrors: own?.inputErrors ?? 0,
      live: { stage: 'caller_identified', language: callLanguage(call), callSid: call.callSid },
    },
    now,
  );
  return identified(deps, trx, call, transfer, 'transfer');
}

/** The case is known: its balance and the menu (or goodbye when there is nothing to pay). */
export async function identified(
  deps: Deps,
  trx: Transaction<Database>,
  call: IvrCall,
  attempt: IdentifiedAttempt,
  by: 'reference' | 'transfer' | 'repeat',
): Promise<IvrScreen> {
  const language = callLanguage(call);
  const ivrCase = await loadIvrCase(trx, call.tenantId, attempt.caseId, deps.clock.today());
  const now = deps.clock.now();
  if (!ivrCase.balance) {
    await endIvrAttempt(
      trx,
      attempt,
      call.tenantId,
      { status: 'abandoned', failureReason: 'nothing_owed' },
      now,
    );
  }
  if (by !== 'repeat') {
    await journalIvrStep(trx, {
      tenantId: call.tenantId,
      caseId: attempt.caseId,
      at: now,
      provider: call.settings.provider,
      step: 'caller_identified',
      attemptId: attempt.attemptId,
      callSid: call.callSid,
      data: { by, language, balanceMinor: ivrCase.balance?.totalMinor ?? 0, currency: ivrCase.currency },
    });
  }
  if (!ivrCase.balance) return { kind: 'nothing_owed', language };
  return {
    kind: 'menu',
    language,
    attempt: 1,
    intro: { creditorName: ivrCase.creditorName },
    balance: ivrCase.balance,
    notice: 'none',
  };
}
