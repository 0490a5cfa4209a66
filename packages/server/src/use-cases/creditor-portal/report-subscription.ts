import { DomainError, normalizeEmail } from '@relance/core';
import type { Db } from '../../db/schema.ts';
import type { ReportFrequency } from '../../db/schema-creditor-portal.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { readScope, type Scope } from '../portfolio/scope.ts';

export const MAX_RECIPIENTS = 10;

export type ReportSubscriptionView = {
  readonly creditorId: string;
  readonly frequency: ReportFrequency;
  readonly recipients: readonly string[];
  readonly language: 'fr' | 'en';
  readonly active: boolean;
  readonly updatedAt: string;
};

export type ReportSubscriptionInput = {
  readonly frequency: ReportFrequency;
  readonly recipients: readonly string[];
  readonly language: 'fr' | 'en';
  readonly active: boolean;
};

/**
 * The creditor the actor may manage reports for: a client its own only (another creditor is `not_found`, as
 * if it did not exist), the staff any creditor of the tenant.
 */
export async function reportScope(deps: Deps, actor: Actor, creditorId: string): Promise<Scope> {
  const scope = readScope(actor, 'reports:manage');
  const found =
    scope.creditorId !== null && scope.creditorId !== creditorId
      ? undefined
      : await deps.database.db
          .selectFrom('creditors')
          .select('creditor_id')
          .where('tenant_id', '=', scope.tenantId)
          .where('creditor_id', '=', creditorId)
          .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Creditor not found.', { reason: 'creditor_not_found' });
  return scope;
}

/** The creditor's scheduled report, or null when none was ever saved. */
export async function getReportSubscription(
  deps: Deps,
  actor: Actor,
  creditorId: string,
): Promise<ReportSubscriptionView | null> {
  const scope = await reportScope(deps, actor, creditorId);
  return readSubscription(deps.database.db, scope.tenantId, creditorId);
}

export async function readSubscription(
  db: Db,
  tenantId: string,
  creditorId: string,
): Promise<ReportSubscriptionView | null> {
  const row = await db
    .selectFrom('report_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    creditorId: row.creditor_id,
    frequency: row.frequency,
    recipients: JSON.parse(row.recipients) as string[],
    language: row.language,
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

/** Saves (creates or replaces) the creditor's scheduled report, with its audit entry. */
export async function saveReportSubscription(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: ReportSubscriptionInput,
): Promise<ReportSubscriptionView> {
  const scope = await reportScope(deps, actor, creditorId);
  const recipients = [...new Set(input.recipients.map((r) => normalizeEmail(r)))];
  if (recipients.length === 0 || recipients.length > MAX_RECIPIENTS || recipients.includes(null)) {
    throw new DomainError(
      'invalid_input',
      `The recipients are 1 to ${MAX_RECIPIENTS} valid e-mail addresses.`,
      {
        reason: 'report_recipients_invalid',
        field: 'recipients',
      },
    );
  }
  const now = deps.clock.now();
  const values = {
    frequency: input.frequency,
    recipients: JSON.stringify(recipients),
    language: input.language,
    active: input.active ? 1 : 0,
    updated_at: now,
    updated_by: actor.id,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_subscriptions')
      .values({ tenant_id: scope.tenantId, creditor_id: creditorId, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'creditor_id']).doUpdateSet(values))
      .execute();
    await appendAudit(trx, {
      tenantId: scope.tenantId,
      at: now,
      actor,
      action: 'report_subscription.save',
      entityKind: 'creditor',
      entityId: creditorId,
      data: { ...values, recipients },
    });
  });
  const saved = await readSubscription(deps.database.db, scope.tenantId, creditorId);
  if (!saved) throw new Error('The report subscription just saved cannot be read back.');
  return saved;
}
