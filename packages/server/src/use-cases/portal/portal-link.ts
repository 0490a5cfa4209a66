import { compactRfReference, DomainError, isValidRfReference } from '@relance/core';
import type { Transaction } from 'kysely';
import {
  derivedLinkId,
  existingPortalSecret,
  portalSecret,
  readLinkToken,
  verifyLinkToken,
} from '../../channels/payments/payment-links.ts';
import type { Database, Db } from '../../db/schema.ts';

type Reader = Db | Transaction<Database>;

/** A link whose signature holds: which tenant, case and link it opens, and until when. */
export type ResolvedLink = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly linkId: string;
  /** 'token': a signed link from a message; 'reference': the case's RF reference typed from a letter. */
  readonly via: 'token' | 'reference';
  readonly expiresAt: string;
  /** The tenant's portal secret: it signs the portal cookie too. */
  readonly secret: Buffer;
};

/** The lookup by RF reference never expires: letters already printed keep working. */
const NEVER = '9999-12-31T23:59:59.999Z';

/** Five wrong answers lock a link for good. */
export const MAX_FAILED_CHECKS = 5;

const invalid = () =>
  new DomainError('not_found', 'This payment link is not valid.', { reason: 'portal_link_invalid' });

/**
 * The link behind `/pay/<key>`: a signed token (checked against the tenant's secret; one byte changed and it
 * opens nothing), or the RF reference printed on a letter. An unknown or tampered key is `not_found`, saying
 * nothing of any tenant or case. An expired token still resolves: the page then says how else to pay.
 */
export async function resolveLink(db: Reader, key: string, now: string): Promise<ResolvedLink> {
  const reference = compactRfReference(key);
  if (/^RF/i.test(reference)) {
    if (!isValidRfReference(reference)) throw invalid();
    // The reference is unique per tenant and drawn at random (12 base-36 characters): one case at most.
    const found = await db
      .selectFrom('cases')
      .select(['tenant_id', 'case_id'])
      .where('payment_reference', '=', reference)
      .limit(2)
      .execute();
    const only = found.length === 1 ? found[0] : undefined;
    if (!only) throw invalid();
    return {
      tenantId: only.tenant_id,
      caseId: only.case_id,
      linkId: derivedLinkId(only.case_id, 'reference'),
      via: 'reference',
      expiresAt: NEVER,
      secret: await portalSecret(db, only.tenant_id, now),
    };
  }
  const token = readLinkToken(key);
  if (!token) throw invalid();
  const secret = await existingPortalSecret(db, token.tenantId);
  if (!secret || !verifyLinkToken(key, secret)) throw invalid();
  return {
    tenantId: token.tenantId,
    caseId: token.caseId,
    linkId: token.linkId,
    via: 'token',
    expiresAt: token.expiresAt,
    secret,
  };
}

export type LinkRow = {
  readonly revokedAt: string | null;
  readonly failedChecks: number;
  readonly openedCount: number;
  readonly verifiedAt: string | null;
};

/**
 * The link's row, written the first time it is used (links are made without one); `opened` counts an opening
 * of the page. A case that is not there any more is `not_found`, as a tampered link would be.
 */
export async function linkRow(
  trx: Transaction<Database>,
  link: ResolvedLink,
  now: string,
  opened: boolean,
): Promise<LinkRow> {
  const kase = await trx
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', link.tenantId)
    .where('case_id', '=', link.caseId)
    .executeTakeFirst();
  if (!kase) throw invalid();
  const action =
    link.via === 'token'
      ? await trx
          .selectFrom('actions')
          .select('action_id')
          .where('tenant_id', '=', link.tenantId)
          .where('action_id', '=', link.linkId)
          .where('case_id', '=', link.caseId)
          .executeTakeFirst()
      : undefined;
  await trx
    .insertInto('payment_links')
    .values({
      tenant_id: link.tenantId,
      link_id: link.linkId,
      case_id: link.caseId,
      purpose: 'pay',
      created_at: now,
      expires_at: link.expiresAt,
      created_by: link.via === 'token' ? 'system' : 'reference',
      action_id: action?.action_id ?? null,
      opened_count: opened ? 1 : 0,
      last_opened_at: opened ? now : null,
    })
    .onConflict((oc) =>
      opened
        ? oc.columns(['tenant_id', 'link_id']).doUpdateSet((eb) => ({
            opened_count: eb(eb.ref('payment_links.opened_count'), '+', 1),
            last_opened_at: now,
          }))
        : oc.columns(['tenant_id', 'link_id']).doNothing(),
    )
    .execute();
  const row = await trx
    .selectFrom('payment_links')
    .select(['revoked_at', 'failed_checks', 'opened_count', 'verified_at', 'case_id'])
    .where('tenant_id', '=', link.tenantId)
    .where('link_id', '=', link.linkId)
    .executeTakeFirstOrThrow();
  // A link id is the case's own or an outbox action's of that case: another case's row is a forgery.
  if (row.case_id !== link.caseId) throw invalid();
  return {
    revokedAt: row.revoked_at,
    failedChecks: Number(row.failed_checks),
    openedCount: Number(row.opened_count),
    verifiedAt: row.verified_at,
  };
}

/** Why a link no longer opens the case, or null while it does. */
export function closedBecause(
  link: ResolvedLink,
  row: LinkRow,
  now: string,
): 'revoked' | 'expired' | 'locked' | null {
  if (row.revokedAt !== null) return 'revoked';
  if (link.expiresAt < now) return 'expired';
  if (row.failedChecks >= MAX_FAILED_CHECKS) return 'locked';
  return null;
}
