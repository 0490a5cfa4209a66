import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import {
  findAttempt,
  findAttemptByRef,
  type IdentifiedAttempt,
  type IvrAttempt,
  isIdentified,
} from './ivr-attempt-read.ts';
import { endIvrAttempt } from './ivr-attempts.ts';
import { TRANSFER_CODE_DIGITS } from './keyed-reference.ts';

/** How long an agent's transfer code waits for the caller. */
export const TRANSFER_TTL_MS = 15 * 60_000;

/**
 * A transfer waits for its caller as an attempt whose provider reference is `transfer:<code>`; the call that
 * keys the code takes it over (the reference becomes the call's SID), so a code works once.
 */
export const transferRef = (code: string): string => `transfer:${code}`;

/** A code no waiting transfer of the tenant uses (the unique provider reference is the guard). */
export async function drawTransferCode(
  trx: Transaction<Database>,
  tenantId: string,
  provider: string,
): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = String(randomInt(10 ** TRANSFER_CODE_DIGITS)).padStart(TRANSFER_CODE_DIGITS, '0');
    if (!(await findAttemptByRef(trx, tenantId, provider, transferRef(code)))) return code;
  }
  throw new Error('No free transfer code');
}

/**
 * The transfers of the tenant whose caller never came: abandoned ('transfer_expired'), their code freed.
 */
export async function expireTransfers(
  trx: Transaction<Database>,
  tenantId: string,
  provider: string,
  now: string,
): Promise<void> {
  const waiting = await trx
    .selectFrom('payment_attempts')
    .select('attempt_id')
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', provider)
    .where('channel', '=', 'ivr')
    .where('status', '=', 'started')
    .where('provider_ref', 'like', 'transfer:%')
    .execute();
  for (const row of waiting) {
    const attempt = await findAttempt(trx, tenantId, row.attempt_id);
    if (!attempt || !isExpired(attempt, now)) continue;
    await endIvrAttempt(
      trx,
      attempt,
      tenantId,
      { status: 'abandoned', failureReason: 'transfer_expired' },
      now,
    );
    await trx
      .updateTable('payment_attempts')
      .set({ provider_ref: null })
      .where('tenant_id', '=', tenantId)
      .where('attempt_id', '=', attempt.attemptId)
      .execute();
  }
}

export function isExpired(attempt: IvrAttempt, now: string): boolean {
  const until = attempt.live.transferExpiresAt;
  return until === null || until <= now;
}

/** The transfer waiting for this code, if it has not expired. */
export async function waitingTransfer(
  trx: Transaction<Database>,
  tenantId: string,
  provider: string,
  code: string,
  now: string,
): Promise<IdentifiedAttempt | null> {
  const attempt = await findAttemptByRef(trx, tenantId, provider, transferRef(code));
  if (!isIdentified(attempt) || attempt.status !== 'started' || isExpired(attempt, now)) return null;
  return attempt;
}
