import { DomainError, type Language } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { closedBecause, linkRow, type ResolvedLink, resolveLink } from './portal-link.ts';
import { readPortalSession } from './portal-session.ts';

/** What a debtor who passed the identity check may act on: one case of one tenant, through one link. */
export type PortalAccess = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly linkId: string;
  readonly via: ResolvedLink['via'];
};

/** The few facts of a case the portal shows before anything else. */
export type CaseFacts = {
  readonly status: 'open' | 'closed';
  readonly creditorName: string;
  readonly language: Language;
  readonly currency: string;
  /** Asked of the debtor: the open claims' outstanding, less what is under dispute. */
  readonly askedMinor: number;
};

export async function caseFacts(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
): Promise<CaseFacts> {
  const row = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['c.status', 'c.currency', 'c.outstanding_minor', 'c.disputed_minor', 'cr.name', 'd.language'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    status: row.status,
    creditorName: row.name,
    language: row.language,
    currency: row.currency,
    askedMinor: Math.max(0, Number(row.outstanding_minor) - Number(row.disputed_minor)),
  };
}

/**
 * Opens the portal for a request: the link must hold (signature, not revoked, not expired, not locked) and the
 * portal cookie must be one signed for this very case and still running. Every portal action goes through it,
 * in its own transaction; the link's row is written on first use.
 */
export async function portalAccess(
  deps: Deps,
  trx: Transaction<Database>,
  key: string,
  cookie: string | undefined,
): Promise<PortalAccess> {
  const now = deps.clock.now();
  const link = await resolveLink(trx, key, now);
  const row = await linkRow(trx, link, now, false);
  const closed = closedBecause(link, row, now);
  if (closed) {
    throw new DomainError('forbidden', 'This link no longer opens the case.', {
      reason: 'portal_link_closed',
      state: closed,
    });
  }
  if (!readPortalSession(cookie, link.secret, link, now)) {
    throw new DomainError('unauthenticated', 'Answer the identity check first.', {
      reason: 'portal_check_required',
    });
  }
  return { tenantId: link.tenantId, caseId: link.caseId, linkId: link.linkId, via: link.via };
}

/** Runs a portal action inside one transaction, once the access holds. */
export function withPortalAccess<T>(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  body: (trx: Transaction<Database>, access: PortalAccess) => Promise<T>,
): Promise<T> {
  return deps.database.db
    .transaction()
    .execute(async (trx) => body(trx, await portalAccess(deps, trx, key, cookie)));
}

/** The access alone, committed, for an action that opens its own transaction (promises, plans, disputes). */
export function checkPortalAccess(
  deps: Deps,
  key: string,
  cookie: string | undefined,
): Promise<PortalAccess> {
  return withPortalAccess(deps, key, cookie, async (_trx, access) => access);
}
