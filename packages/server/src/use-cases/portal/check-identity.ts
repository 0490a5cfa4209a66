import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { journalDebtorAction } from './debtor-actor.ts';
import { caseFacts } from './portal-access.ts';
import { closedBecause, linkRow, MAX_FAILED_CHECKS, type ResolvedLink, resolveLink } from './portal-link.ts';
import { sessionUntil, signPortalSession } from './portal-session.ts';

export type PassedCheck = {
  /** The portal cookie's value: signed, for this case only. */
  readonly session: string;
  readonly expiresAt: string;
};

type Outcome =
  | { readonly kind: 'passed'; readonly check: PassedCheck }
  | { readonly kind: 'failed'; readonly failures: number };

/**
 * The light identity check before any detail: the postcode of one of the debtor's postal addresses, or the
 * last four characters of one of the case's invoice numbers (spaces and case ignored). A right answer gives
 * the 30-minute portal cookie; a wrong one is counted on the link (and journaled), and the fifth locks it.
 * The count is committed before the refusal is answered.
 */
export async function checkPortalIdentity(deps: Deps, key: string, answer: string): Promise<PassedCheck> {
  const now = deps.clock.now();
  const outcome = await deps.database.db.transaction().execute(async (trx): Promise<Outcome> => {
    const link = await resolveLink(trx, key, now);
    const row = await linkRow(trx, link, now, false);
    const closed = closedBecause(link, row, now);
    if (closed) {
      throw new DomainError('forbidden', 'This link no longer opens the case.', {
        reason: 'portal_link_closed',
        state: closed,
      });
    }
    const facts = await caseFacts(trx, link.tenantId, link.caseId);
    if (facts.status === 'closed') {
      throw new DomainError('conflict', 'Nothing is owed on this case any more.', {
        reason: 'portal_settled',
      });
    }
    const method = await matchAnswer(trx, link, answer);
    return method ? passed(trx, link, method, now) : failed(trx, link, now);
  });
  if (outcome.kind === 'passed') return outcome.check;
  const attemptsLeft = Math.max(0, MAX_FAILED_CHECKS - outcome.failures);
  if (attemptsLeft === 0) {
    throw new DomainError('forbidden', 'Too many wrong answers: this link is locked.', {
      reason: 'portal_link_closed',
      state: 'locked',
    });
  }
  throw new DomainError('invalid_input', 'This answer does not match our records.', {
    reason: 'portal_check_failed',
    attemptsLeft,
  });
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Which of the accepted answers this is, or null. */
async function matchAnswer(
  trx: Transaction<Database>,
  link: ResolvedLink,
  answer: string,
): Promise<'postcode' | 'invoice' | null> {
  const given = compact(answer);
  if (given.length < 2) return null;
  const postal = await trx
    .selectFrom('contacts as ct')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'ct.tenant_id').onRef('c.debtor_id', '=', 'ct.debtor_id'),
    )
    .select(['ct.postal_code', 'ct.value'])
    .where('c.tenant_id', '=', link.tenantId)
    .where('c.case_id', '=', link.caseId)
    .where('ct.kind', '=', 'postal')
    .execute();
  const postcodes = postal.flatMap((p) =>
    p.postal_code ? [compact(p.postal_code)] : (p.value.match(/\b\d{5}\b/g) ?? []),
  );
  if (postcodes.includes(given)) return 'postcode';
  const invoices = await trx
    .selectFrom('claims')
    .select('invoice_number')
    .where('tenant_id', '=', link.tenantId)
    .where('case_id', '=', link.caseId)
    .execute();
  return invoices.some((c) => compact(c.invoice_number).slice(-4) === given) ? 'invoice' : null;
}

async function passed(
  trx: Transaction<Database>,
  link: ResolvedLink,
  method: 'postcode' | 'invoice',
  now: string,
): Promise<Outcome> {
  await trx
    .updateTable('payment_links')
    .set({ verified_at: now, failed_checks: 0 })
    .where('tenant_id', '=', link.tenantId)
    .where('link_id', '=', link.linkId)
    .execute();
  await journalDebtorAction(trx, {
    tenantId: link.tenantId,
    caseId: link.caseId,
    at: now,
    kind: 'portal_identity_check',
    action: 'portal.identity_check',
    entityKind: 'payment_link',
    entityId: link.linkId,
    payload: { outcome: 'passed', method, linkId: link.linkId, via: link.via },
  });
  const expiresAt = sessionUntil(now);
  const session = signPortalSession(
    { tenantId: link.tenantId, caseId: link.caseId, linkId: link.linkId, expiresAt },
    link.secret,
  );
  return { kind: 'passed', check: { session, expiresAt } };
}

async function failed(trx: Transaction<Database>, link: ResolvedLink, now: string): Promise<Outcome> {
  const row = await trx
    .updateTable('payment_links')
    .set((eb) => ({ failed_checks: eb(eb.ref('failed_checks'), '+', 1) }))
    .where('tenant_id', '=', link.tenantId)
    .where('link_id', '=', link.linkId)
    .returning('failed_checks')
    .executeTakeFirstOrThrow();
  const failures = Number(row.failed_checks);
  await journalDebtorAction(trx, {
    tenantId: link.tenantId,
    caseId: link.caseId,
    at: now,
    kind: 'portal_identity_check',
    action: 'portal.identity_check',
    entityKind: 'payment_link',
    entityId: link.linkId,
    payload: {
      outcome: failures >= MAX_FAILED_CHECKS ? 'locked' : 'failed',
      failures,
      linkId: link.linkId,
      via: link.via,
    },
  });
  return { kind: 'failed', failures };
}
