import { DomainError } from '@relance/core';
import { readIvrSettings } from '../../../channels/voice/ivr/ivr-settings.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { readScope } from '../../portfolio/scope.ts';
import { insertIvrAttempt } from './ivr-attempts.ts';
import { loadIvrCase } from './ivr-context.ts';
import { drawTransferCode, expireTransfers, TRANSFER_TTL_MS, transferRef } from './transfer-codes.ts';

export type IvrTransfer = {
  readonly attemptId: string;
  /** The six digits the caller keys (or the agent keys while transferring): the case without its reference. */
  readonly code: string;
  readonly expiresAt: string;
  /** The IVR's number to transfer the call to; null when none is set (the built-in simulator). */
  readonly phoneNumber: string | null;
  readonly provider: 'builtin' | 'twilio';
};

/**
 * The agent hands the debtor over to the payment IVR: a one-time six-digit code that identifies the case for
 * 15 minutes, and the attempt (channel 'ivr') the case screen follows live — waiting for the caller, caller
 * identified, card number, expiry, security code, succeeded or failed — without ever a card digit.
 */
export async function startIvrTransfer(deps: Deps, actor: Actor, caseId: string): Promise<IvrTransfer> {
  const scope = readScope(actor, 'cases:act');
  const now = deps.clock.now();
  const expiresAt = new Date(Date.parse(now) + TRANSFER_TTL_MS).toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const kase = await trx
      .selectFrom('cases')
      .select('case_id')
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', caseId)
      .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
      .executeTakeFirst();
    if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
    const ivrCase = await loadIvrCase(trx, scope.tenantId, caseId, deps.clock.today());
    if (!ivrCase.open || !ivrCase.balance) {
      throw new DomainError('conflict', 'There is nothing to pay on this case.', {
        reason: 'ivr_nothing_owed',
      });
    }
    const settings = await readIvrSettings(trx, scope.tenantId);
    const provider = settings.provider;
    await expireTransfers(trx, scope.tenantId, provider, now);
    const code = await drawTransferCode(trx, scope.tenantId, provider);
    const language =
      settings.languages.find((l) => l === ivrCase.debtorLanguage) ?? settings.languages[0] ?? 'fr';
    const attemptId = await insertIvrAttempt(trx, {
      tenantId: scope.tenantId,
      caseId,
      provider,
      providerRef: transferRef(code),
      amountMinor: ivrCase.balance.totalMinor,
      currency: ivrCase.currency,
      live: { stage: 'waiting_for_caller', language, transferCode: code, transferExpiresAt: expiresAt },
      now,
    });
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'case.ivr_transfer',
      entityKind: 'case',
      entityId: caseId,
      data: { attemptId, expiresAt, provider },
    });
    await appendEvidence(trx, {
      tenantId: scope.tenantId,
      caseId,
      at: now,
      kind: 'ivr_call',
      actor: `user:${actor.id}`,
      payload: { step: 'transfer_offered', attemptId, expiresAt, phoneNumber: settings.phoneNumber },
    });
    return { attemptId, code, expiresAt, phoneNumber: settings.phoneNumber, provider };
  });
}
