import type { Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database } from '../../../db/schema.ts';
import type { AttemptStatus } from '../../../db/schema-payments.ts';
import { countInputError } from '../attempts/count-input-error.ts';
import { finishAttempt } from '../attempts/finish-attempt.ts';
import { setAttemptProviderRef } from '../attempts/set-attempt-provider-ref.ts';
import { startAttempt } from '../attempts/start-attempt.ts';
import {
  EMPTY_LIVE,
  type IvrAttempt,
  type IvrLive,
  type IvrStage,
  parseDetails,
} from './ivr-attempt-read.ts';

export type NewIvrAttempt = {
  readonly tenantId: string;
  /** Null for a caller not identified yet. */
  readonly caseId: string | null;
  readonly provider: string;
  readonly providerRef: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly live: Partial<IvrLive>;
  readonly now: string;
};

/**
 * A new IVR attempt, 'started' (channel 'ivr'), through the payments' `startAttempt`. The attempt of a caller
 * not identified yet has no case and no amount: it is written here directly, to be completed or dropped.
 */
export async function insertIvrAttempt(trx: Transaction<Database>, input: NewIvrAttempt): Promise<string> {
  const details = { ivr: { ...EMPTY_LIVE, ...input.live } };
  if (input.caseId === null || input.amountMinor <= 0) {
    const attemptId = newId();
    await trx
      .insertInto('payment_attempts')
      .values({
        tenant_id: input.tenantId,
        attempt_id: attemptId,
        case_id: input.caseId,
        channel: 'ivr',
        provider: input.provider,
        provider_ref: input.providerRef,
        amount_minor: input.amountMinor,
        currency: input.currency,
        status: 'started',
        failure_reason: null,
        input_errors: 0,
        link_id: null,
        payment_id: null,
        details: JSON.stringify(details),
        started_at: input.now,
        updated_at: input.now,
        ended_at: null,
      })
      .execute();
    return attemptId;
  }
  const { tenantId, caseId, provider, amountMinor, currency, now } = input;
  const attemptId = await startAttempt(
    trx,
    { tenantId, caseId, channel: 'ivr', provider, amountMinor, currency, details },
    now,
  );
  await setAttemptProviderRef(trx, { tenantId, attemptId, providerRef: input.providerRef }, now);
  return attemptId;
}

export type AttemptChange = {
  readonly caseId?: string;
  readonly providerRef?: string | null;
  readonly amountMinor?: number;
  readonly currency?: string;
  /** Wrong entries to count (`countInputError`). */
  readonly inputErrors?: number;
  readonly live?: Partial<IvrLive>;
};

async function readDetails(
  trx: Transaction<Database>,
  tenantId: string,
  attemptId: string,
): Promise<{ readonly status: AttemptStatus; readonly details: Record<string, unknown> } | null> {
  const row = await trx
    .selectFrom('payment_attempts')
    .select(['status', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attemptId)
    .executeTakeFirst();
  return row ? { status: row.status, details: parseDetails(row.details) } : null;
}

function mergedLive(details: Record<string, unknown>, change: Partial<IvrLive> | undefined): string {
  const live = { ...EMPTY_LIVE, ...(details.ivr as Partial<IvrLive> | undefined), ...change };
  return JSON.stringify({ ...details, ivr: live });
}

/**
 * Changes a started attempt (its case once known, the amount chosen, the live status, input errors). An
 * attempt already ended is left as it is: a late or replayed callback never reopens it.
 */
export async function updateIvrAttempt(
  trx: Transaction<Database>,
  attempt: IvrAttempt,
  tenantId: string,
  change: AttemptChange,
  now: string,
): Promise<void> {
  const current = await readDetails(trx, tenantId, attempt.attemptId);
  if (current?.status !== 'started') return;
  for (let i = 0; i < (change.inputErrors ?? 0); i++) {
    await countInputError(trx, { tenantId, attemptId: attempt.attemptId }, now);
  }
  await trx
    .updateTable('payment_attempts')
    .set({
      ...(change.caseId !== undefined ? { case_id: change.caseId } : {}),
      ...(change.providerRef !== undefined ? { provider_ref: change.providerRef } : {}),
      ...(change.amountMinor !== undefined ? { amount_minor: change.amountMinor } : {}),
      ...(change.currency !== undefined ? { currency: change.currency } : {}),
      details: mergedLive(current.details, change.live),
      updated_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attempt.attemptId)
    .where('status', '=', 'started')
    .execute();
}

export type AttemptEnd = {
  readonly status: Exclude<AttemptStatus, 'started'>;
  readonly failureReason?: string | null;
  readonly paymentId?: string | null;
  readonly inputErrors?: number;
  readonly live?: Partial<IvrLive>;
};

/**
 * Ends the attempt through the payments' `finishAttempt` (a success ends any attempt, even one given up on; a
 * failure or a hang-up only an open one) and sets the live stage. Returns false when it did not change.
 */
export async function endIvrAttempt(
  trx: Transaction<Database>,
  attempt: IvrAttempt,
  tenantId: string,
  end: AttemptEnd,
  now: string,
): Promise<boolean> {
  const current = await readDetails(trx, tenantId, attempt.attemptId);
  if (!current) return false;
  const attemptId = attempt.attemptId;
  if (current.status === 'started') {
    for (let i = 0; i < (end.inputErrors ?? 0); i++) await countInputError(trx, { tenantId, attemptId }, now);
  }
  const changed = await finishAttempt(
    trx,
    {
      tenantId,
      attemptId,
      status: end.status,
      failureReason: end.failureReason ?? null,
      paymentId: end.paymentId ?? null,
    },
    now,
  );
  if (!changed) return false;
  const stage: IvrStage = end.status;
  await trx
    .updateTable('payment_attempts')
    .set({ details: mergedLive(current.details, { stage, ...end.live }) })
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attemptId)
    .execute();
  return true;
}

/** Removes the attempt of a call that turned out to be a transfer (its input errors move to the transfer's). */
export async function dropUnidentifiedAttempt(
  trx: Transaction<Database>,
  tenantId: string,
  attemptId: string,
): Promise<void> {
  await trx
    .deleteFrom('payment_attempts')
    .where('tenant_id', '=', tenantId)
    .where('attempt_id', '=', attemptId)
    .where('case_id', 'is', null)
    .execute();
}
