import { DomainError, type Language } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { readDocument } from '../evidence/journal.ts';
import { creditorFilter, readScope } from '../portfolio/scope.ts';
import { creditorDetailsSchema } from '../templates/identity-schemas.ts';
import { renderRemittanceFile } from './remittance-document.ts';
import { type RemittanceView, remittanceView } from './remittance-view.ts';
import { loadStatementLines } from './statement-lines.ts';

export type RemittanceFilter = {
  readonly creditorId?: string | undefined;
  readonly period?: string | undefined;
  readonly status?: 'issued' | 'paid' | undefined;
};

/** The statements issued, newest period first (a client user sees its own). */
export async function listRemittances(
  deps: Deps,
  actor: Actor,
  filter: RemittanceFilter = {},
): Promise<readonly RemittanceView[]> {
  const scope = readScope(actor, 'creditors:read');
  const creditorId = creditorFilter(scope, filter.creditorId);
  const rows = await deps.database.db
    .selectFrom('remittances as r')
    .innerJoin('creditors as c', (j) =>
      j.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.creditor_id', '=', 'r.creditor_id'),
    )
    .selectAll('r')
    .select(['c.ref', 'c.name'])
    .where('r.tenant_id', '=', scope.tenantId)
    .$if(creditorId !== undefined, (q) => q.where('r.creditor_id', '=', creditorId ?? ''))
    .$if(filter.period !== undefined, (q) => q.where('r.period', '=', filter.period ?? ''))
    .$if(filter.status !== undefined, (q) => q.where('r.status', '=', filter.status ?? 'issued'))
    .orderBy('r.period_end', 'desc')
    .orderBy('c.ref')
    .orderBy('r.currency')
    .limit(1000)
    .execute();
  return rows.map((r) => remittanceView(r, { id: r.creditor_id, ref: r.ref, name: r.name }));
}

/**
 * A statement's PDF: the one issued (kept as a document), or rendered anew in another language from the same
 * stored statement and lines.
 */
export async function remittancePdf(
  deps: Deps,
  actor: Actor,
  remittanceId: string,
  language?: Language,
): Promise<{ readonly fileName: string; readonly content: Uint8Array }> {
  const scope = readScope(actor, 'creditors:read');
  const db = deps.database.db;
  const row = await db
    .selectFrom('remittances')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('remittance_id', '=', remittanceId)
    .$if(scope.creditorId !== null, (q) => q.where('creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Statement not found.', { reason: 'remittance_not_found' });
  const tenant = await db
    .selectFrom('tenants')
    .select('locale')
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirstOrThrow();
  if ((language === undefined || language === tenant.locale) && row.document_id) {
    const kept = await readDocument(db, scope.tenantId, row.document_id);
    if (kept) return { fileName: kept.fileName, content: kept.content };
  }
  const lines = await loadStatementLines(db, scope.tenantId, { remittanceId }, row.fee_settlement);
  return renderRemittanceFile(db, row, lines, language ?? tenant.locale);
}

/** Records that the agency has paid a statement's net to the client (admin; audited). */
export async function markRemittancePaid(
  deps: Deps,
  actor: Actor,
  remittanceId: string,
): Promise<RemittanceView> {
  requirePermission(actor, 'users:manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('remittances')
      .set((eb) => ({ status: 'paid', paid_at: eb.fn.coalesce('paid_at', eb.val(now)) }))
      .where('tenant_id', '=', actor.tenantId)
      .where('remittance_id', '=', remittanceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Statement not found.', { reason: 'remittance_not_found' });
    const creditor = await trx
      .selectFrom('creditors')
      .select(['ref', 'name'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', row.creditor_id)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'remittance.paid',
      entityKind: 'remittance',
      entityId: remittanceId,
      data: { netMinor: Number(row.net_minor), currency: row.currency, paidAt: row.paid_at },
    });
    return remittanceView(row, { id: row.creditor_id, ref: creditor.ref, name: creditor.name });
  });
}

/**
 * Queues a statement's e-mail again (admin; audited): after a failure, after an interruption that left it
 * `unconfirmed` (a person decides it did not leave, decision 0005), or to send a copy — to the client's address
 * as it is now. Refused while one is queued or sending, and for a client without an address.
 */
export async function requeueRemittanceEmail(
  deps: Deps,
  actor: Actor,
  remittanceId: string,
): Promise<RemittanceView> {
  requirePermission(actor, 'users:manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('remittances as r')
      .innerJoin('creditors as c', (j) =>
        j.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.creditor_id', '=', 'r.creditor_id'),
      )
      .select(['r.email_status', 'r.creditor_id', 'c.ref', 'c.name', 'c.details'])
      .where('r.tenant_id', '=', actor.tenantId)
      .where('r.remittance_id', '=', remittanceId)
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Statement not found.', { reason: 'remittance_not_found' });
    if (row.email_status === 'planned' || row.email_status === 'sending') {
      throw new DomainError('conflict', 'The e-mail is already queued.', {
        reason: 'remittance_email_pending',
      });
    }
    const details = row.details ? creditorDetailsSchema.safeParse(JSON.parse(row.details)) : null;
    const to = details?.success ? details.data.email : null;
    if (!to)
      throw new DomainError('invalid_input', 'The client has no e-mail address.', {
        reason: 'client_email_missing',
      });
    const updated = await trx
      .updateTable('remittances')
      .set({
        email_status: 'planned',
        email_to: to,
        email_attempts: 0,
        email_error: null,
        email_claimed_until: null,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('remittance_id', '=', remittanceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'remittance.email_requeued',
      entityKind: 'remittance',
      entityId: remittanceId,
      data: { previousStatus: row.email_status, to },
    });
    return remittanceView(updated, { id: row.creditor_id, ref: row.ref, name: row.name });
  });
}
