import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { readScope, type Scope } from '../portfolio/scope.ts';
import { MAX_FAILED_CHECKS } from './portal-link.ts';

export type PaymentLinkView = {
  readonly id: string;
  readonly caseId: string;
  readonly via: 'token' | 'reference';
  readonly actionId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly openedCount: number;
  readonly lastOpenedAt: string | null;
  readonly failedChecks: number;
  readonly locked: boolean;
  readonly verifiedAt: string | null;
};

/** The links of a case the debtor has opened (a link is written at its first use), newest first. */
export async function listPaymentLinks(deps: Deps, actor: Actor, caseId: string): Promise<PaymentLinkView[]> {
  const scope = readScope(actor);
  const kase = await deps.database.db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!kase) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const rows = await deps.database.db
    .selectFrom('payment_links')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('link_id')
    .execute();
  return rows.map((r) => ({
    id: r.link_id,
    caseId: r.case_id,
    via: r.created_by === 'reference' ? 'reference' : 'token',
    actionId: r.action_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    openedCount: Number(r.opened_count),
    lastOpenedAt: r.last_opened_at,
    failedChecks: Number(r.failed_checks),
    locked: Number(r.failed_checks) >= MAX_FAILED_CHECKS,
    verifiedAt: r.verified_at,
  }));
}

/**
 * A person of the tenant revokes a link — one the debtor opened, or the link of an outbox message (its id is
 * the action's) before it is opened (sent to the wrong person, a case handed over): it opens nothing any
 * more, and the page says how else to pay. Revoking twice changes nothing. Audited.
 */
export async function revokePaymentLink(deps: Deps, actor: Actor, linkId: string): Promise<PaymentLinkView> {
  const scope = readScope(actor, 'cases:act');
  const now = deps.clock.now();
  const caseId = await deps.database.db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('payment_links as l')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 'l.tenant_id').onRef('c.case_id', '=', 'l.case_id'),
      )
      .select(['l.case_id', 'l.revoked_at'])
      .where('l.tenant_id', '=', scope.tenantId)
      .where('l.link_id', '=', linkId)
      .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
      .executeTakeFirst();
    if (!link) return revokeUnopened(trx, scope, actor, linkId, now);
    if (link.revoked_at === null) {
      await trx
        .updateTable('payment_links')
        .set({ revoked_at: now })
        .where('tenant_id', '=', scope.tenantId)
        .where('link_id', '=', linkId)
        .execute();
      await appendAudit(trx, {
        tenantId: scope.tenantId,
        at: now,
        actor,
        action: 'payment_link.revoke',
        entityKind: 'payment_link',
        entityId: linkId,
        data: { caseId: link.case_id },
      });
    }
    return link.case_id;
  });
  const links = await listPaymentLinks(deps, actor, caseId);
  const view = links.find((l) => l.id === linkId);
  if (!view) throw new Error('The link just revoked is missing.');
  return view;
}

/** The link of a message not opened yet: its row is written revoked (a link's id is its action's). */
async function revokeUnopened(
  trx: Transaction<Database>,
  scope: Scope,
  actor: Actor,
  linkId: string,
  now: string,
): Promise<string> {
  const action = await trx
    .selectFrom('actions as a')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .select(['a.case_id'])
    .where('a.tenant_id', '=', scope.tenantId)
    .where('a.action_id', '=', linkId)
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!action) {
    throw new DomainError('not_found', 'Payment link not found.', { reason: 'payment_link_not_found' });
  }
  await trx
    .insertInto('payment_links')
    .values({
      tenant_id: scope.tenantId,
      link_id: linkId,
      case_id: action.case_id,
      purpose: 'pay',
      created_at: now,
      expires_at: now,
      created_by: `user:${actor.id}`,
      action_id: linkId,
      revoked_at: now,
    })
    .execute();
  await appendAudit(trx, {
    tenantId: scope.tenantId,
    at: now,
    actor,
    action: 'payment_link.revoke',
    entityKind: 'payment_link',
    entityId: linkId,
    data: { caseId: action.case_id, opened: false },
  });
  return action.case_id;
}
