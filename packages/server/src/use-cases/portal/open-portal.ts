import type { Language } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { type OtherWays, otherWaysToPay } from './other-ways.ts';
import { caseFacts } from './portal-access.ts';
import { closedBecause, linkRow, MAX_FAILED_CHECKS, resolveLink } from './portal-link.ts';
import { readPortalSession } from './portal-session.ts';

/**
 * - `check`: the identity check comes first; `open`: the debtor passed it (the cookie holds);
 * - `settled`: nothing is asked any more; `expired`, `revoked`, `locked` (five wrong answers): the link no
 *   longer opens the case, and the page says how else to pay.
 */
export type PortalState = 'check' | 'open' | 'settled' | 'expired' | 'revoked' | 'locked';

/** What the page shows before the identity check: who the creditor is and that a balance is open, no more. */
export type PortalEntry = {
  readonly state: PortalState;
  readonly creditorName: string;
  /** The debtor's language: the page starts in it. */
  readonly language: Language;
  readonly hasBalance: boolean;
  readonly attemptsLeft: number;
  readonly otherWays: OtherWays | null;
};

/**
 * The debtor opens `/pay/<key>`: the link is checked, its row written on first use and the opening counted.
 * A key that is not a genuine link answers `not_found` (nothing is written).
 */
export async function openPortal(deps: Deps, key: string, cookie: string | undefined): Promise<PortalEntry> {
  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.db.transaction().execute(async (trx) => {
    const link = await resolveLink(trx, key, now);
    const row = await linkRow(trx, link, now, true);
    const facts = await caseFacts(trx, link.tenantId, link.caseId);
    const closed = closedBecause(link, row, now);
    const settled = facts.status === 'closed' || facts.askedMinor === 0;
    const verified = readPortalSession(cookie, link.secret, link, now) !== null;
    const state: PortalState = closed ?? (settled ? 'settled' : verified ? 'open' : 'check');
    return {
      state,
      creditorName: facts.creditorName,
      language: facts.language,
      hasBalance: !settled,
      attemptsLeft: Math.max(0, MAX_FAILED_CHECKS - row.failedChecks),
      otherWays:
        closed && !settled
          ? await otherWaysToPay(trx, link.tenantId, link.caseId, facts.language, today)
          : null,
    };
  });
}
