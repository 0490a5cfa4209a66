import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AttemptStatus } from '../../db/schema-payments.ts';
import type { Deps } from '../../shared/deps.ts';
import { finishAttempt } from '../payments/attempts/finish-attempt.ts';
import { type PortalAccess, withPortalAccess } from './portal-access.ts';

export type PortalAttempt = {
  readonly id: string;
  readonly status: AttemptStatus;
  readonly amountMinor: number;
  readonly currency: string;
  /** Set once the payment is booked. */
  readonly paid: boolean;
};

async function attemptOf(
  trx: Transaction<Database>,
  access: PortalAccess,
  attemptId: string,
): Promise<PortalAttempt> {
  const row = await trx
    .selectFrom('payment_attempts')
    .select(['attempt_id', 'status', 'amount_minor', 'currency', 'payment_id'])
    .where('tenant_id', '=', access.tenantId)
    .where('case_id', '=', access.caseId)
    .where('attempt_id', '=', attemptId)
    .where('channel', '=', 'portal')
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('not_found', 'This payment is unknown.', { reason: 'portal_attempt_not_found' });
  }
  return {
    id: row.attempt_id,
    status: row.status,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    paid: row.payment_id !== null,
  };
}

/** Where a card payment of this case stands, for the page the provider sends the debtor back to. */
export function getPortalAttempt(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  attemptId: string,
): Promise<PortalAttempt> {
  return withPortalAccess(deps, key, cookie, (trx, access) => attemptOf(trx, access, attemptId));
}

/**
 * The debtor came back from the card page without paying: the attempt is given up at once (the funnel's
 * "abandoned") rather than when its checkout expires. A payment that still arrives for it wins.
 */
export function cancelPortalAttempt(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  attemptId: string,
): Promise<PortalAttempt> {
  const now = deps.clock.now();
  return withPortalAccess(deps, key, cookie, async (trx, access) => {
    await attemptOf(trx, access, attemptId);
    await finishAttempt(
      trx,
      { tenantId: access.tenantId, attemptId, status: 'abandoned', failureReason: 'cancelled_by_payer' },
      now,
    );
    return attemptOf(trx, access, attemptId);
  });
}
