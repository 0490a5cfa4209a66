import { DomainError, parsePeriod, type RemittancePeriod, remittanceDueOn } from '@relance/core';
import type { Insertable, Selectable, Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database, Locale } from '../../db/schema.ts';
import type { RemittancesTable } from '../../db/schema-agency.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { storeDocument } from '../evidence/journal.ts';
import { clientEmail, type Mandate, mandatesFor, openCurrencies } from './remittance-clients.ts';
import { renderRemittanceFile } from './remittance-document.ts';
import { type RemittanceWithLines, remittanceView } from './remittance-view.ts';
import { loadStatementLines, type RemittanceLine, totalsOfLines } from './statement-lines.ts';

export type CloseRemittanceInput = {
  /** `2026-10` (monthly clients), `2026-10-F2` (fortnightly), `2026-W42` (weekly). */
  readonly period: string;
  /** Only this client; by default every client whose mandate has the period's frequency. */
  readonly creditorId?: string | undefined;
  /** Compute the statements without issuing them (status 'draft', nothing written). */
  readonly dryRun?: boolean | undefined;
};

export type ClosedRemittances = {
  readonly period: RemittancePeriod;
  readonly statements: readonly RemittanceWithLines[];
};

/**
 * Closes a remittance period: for each client whose mandate remits at that frequency, the statement of what
 * the agency collected for it — every commission row not yet remitted and booked by the period's end (a
 * payment booked late goes on the next statement), its totals, the net to remit and the day it is due (period
 * end + the mandate's delay, R124-6) — issued with its PDF and, when the client has an e-mail address, its
 * e-mail queued. Idempotent: a period already closed for a client gives back the same statement.
 */
export async function closeRemittance(
  deps: Deps,
  actor: Actor,
  input: CloseRemittanceInput,
): Promise<ClosedRemittances> {
  requirePermission(actor, 'users:manage');
  const period = parsePeriod(input.period);
  if (!period) {
    throw new DomainError('invalid_input', `Not a period: ${input.period}.`, {
      reason: 'period_invalid',
      period: input.period,
    });
  }
  const db = deps.database.db;
  const tenant = await db
    .selectFrom('tenants')
    .select(['kind', 'locale'])
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  if (tenant.kind !== 'agency') {
    throw new DomainError('conflict', 'Only an agency remits to clients.', { reason: 'not_an_agency' });
  }
  const today = deps.clock.today();
  if (!input.dryRun && period.end >= today) {
    throw new DomainError('conflict', `The period ${period.key} ends on ${period.end}: it is not over yet.`, {
      reason: 'period_not_ended',
      period: period.key,
      end: period.end,
    });
  }
  const mandates = await mandatesFor(db, actor.tenantId, period, input.creditorId);
  const statements: RemittanceWithLines[] = [];
  for (const mandate of mandates) {
    if (input.dryRun) statements.push(...(await draft(deps, actor.tenantId, mandate, period)));
    else
      statements.push(
        ...(await db
          .transaction()
          .execute((trx) => issue(deps, trx, actor, { mandate, period, locale: tenant.locale }))),
      );
  }
  return { period, statements };
}

/** What closing would give, computed from the rows not yet remitted; nothing written. */
async function draft(
  deps: Deps,
  tenantId: string,
  mandate: Mandate,
  period: RemittancePeriod,
): Promise<RemittanceWithLines[]> {
  const db = deps.database.db;
  const currencies = await openCurrencies(db, tenantId, mandate, period);
  const out: RemittanceWithLines[] = [];
  for (const currency of currencies) {
    const lines = await loadStatementLines(
      db,
      tenantId,
      { creditorId: mandate.creditorId, currency, until: period.end },
      mandate.feeSettlement,
    );
    const { paymentCount, ...totals } = totalsOfLines(lines, mandate.feeSettlement);
    out.push({
      remittanceId: '',
      creditor: { id: mandate.creditorId, ref: mandate.ref, name: mandate.name },
      period: period.key,
      periodStart: period.start,
      periodEnd: period.end,
      currency,
      feeSettlement: mandate.feeSettlement,
      paymentCount,
      ...totals,
      dueOn: remittanceDueOn(period, mandate.delayDays),
      status: 'draft',
      documentId: null,
      issuedAt: null,
      paidAt: null,
      email: { status: 'none', to: null, sentAt: null, error: null },
      lines,
    });
  }
  return out;
}

/** Issues the client's statements of the period in one transaction, or gives back those already issued. */
async function issue(
  deps: Deps,
  trx: Transaction<Database>,
  actor: Actor,
  input: { readonly mandate: Mandate; readonly period: RemittancePeriod; readonly locale: Locale },
): Promise<RemittanceWithLines[]> {
  const { mandate, period } = input;
  const issued = await issuedStatements(trx, actor.tenantId, mandate, period.key);
  if (issued.length > 0) return issued;
  for (const currency of await openCurrencies(trx, actor.tenantId, mandate, period)) {
    // False: closed meanwhile by another process (PostgreSQL waited for it); its statement stands.
    if (!(await issueOne(deps, trx, actor, { ...input, currency }))) break;
  }
  return issuedStatements(trx, actor.tenantId, mandate, period.key);
}

/** One statement: the row, the commission rows it takes, its totals, its PDF and the audit entry. */
async function issueOne(
  deps: Deps,
  trx: Transaction<Database>,
  actor: Actor,
  input: {
    readonly mandate: Mandate;
    readonly period: RemittancePeriod;
    readonly locale: Locale;
    readonly currency: string;
  },
): Promise<boolean> {
  const { mandate, period, currency } = input;
  const tenantId = actor.tenantId;
  const now = deps.clock.now();
  const remittanceId = newId();
  const inserted = await trx
    .insertInto('remittances')
    .values(openedStatement({ tenantId, remittanceId, mandate, period, currency, now }))
    .onConflict((oc) => oc.columns(['tenant_id', 'creditor_id', 'period', 'currency']).doNothing())
    .returning('remittance_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await trx
    .updateTable('payment_commissions')
    .set({ remittance_id: remittanceId })
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', mandate.creditorId)
    .where('currency', '=', currency)
    .where('remittance_id', 'is', null)
    .where('booked_on', '<=', period.end)
    .execute();
  const lines = await loadStatementLines(trx, tenantId, { remittanceId }, mandate.feeSettlement);
  const { paymentCount, ...totals } = totalsOfLines(lines, mandate.feeSettlement);
  // An empty statement is kept (the period is closed) but not mailed.
  const email = lines.length > 0 ? clientEmail(mandate) : null;
  const row = await trx
    .updateTable('remittances')
    .set({
      payment_count: paymentCount,
      collected_minor: totals.collectedMinor,
      commission_minor: totals.commissionMinor,
      vat_minor: totals.vatMinor,
      net_minor: totals.netMinor,
      invoiced_minor: totals.invoicedMinor,
      email_status: email ? 'planned' : 'none',
      email_to: email,
    })
    .where('tenant_id', '=', tenantId)
    .where('remittance_id', '=', remittanceId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await keepStatement(trx, actor, { row, lines, locale: input.locale, now, paymentCount, totals });
  return true;
}

/** A statement's row as it is opened: its period, due day and terms; the totals follow from the rows it takes. */
function openedStatement(input: {
  readonly tenantId: string;
  readonly remittanceId: string;
  readonly mandate: Mandate;
  readonly period: RemittancePeriod;
  readonly currency: string;
  readonly now: string;
}): Insertable<RemittancesTable> {
  const { period, mandate, now } = input;
  return {
    tenant_id: input.tenantId,
    remittance_id: input.remittanceId,
    creditor_id: mandate.creditorId,
    period: period.key,
    period_start: period.start,
    period_end: period.end,
    currency: input.currency,
    fee_settlement: mandate.feeSettlement,
    payment_count: 0,
    collected_minor: 0,
    commission_minor: 0,
    vat_minor: 0,
    net_minor: 0,
    invoiced_minor: 0,
    due_on: remittanceDueOn(period, mandate.delayDays),
    status: 'issued',
    issued_at: now,
    created_at: now,
    email_status: 'none',
  };
}

/** The issued statement's PDF, kept as a document, and its audit entry. */
async function keepStatement(
  trx: Transaction<Database>,
  actor: Actor,
  input: {
    readonly row: Selectable<RemittancesTable>;
    readonly lines: readonly RemittanceLine[];
    readonly locale: Locale;
    readonly now: string;
    readonly paymentCount: number;
    readonly totals: Readonly<Record<string, number>>;
  },
): Promise<void> {
  const { row, now } = input;
  const file = await renderRemittanceFile(trx, row, input.lines, input.locale);
  const document = await storeDocument(trx, {
    tenantId: actor.tenantId,
    caseId: null,
    kind: 'remittance_statement',
    mediaType: 'application/pdf',
    fileName: file.fileName,
    content: file.content,
    createdAt: now,
  });
  await trx
    .updateTable('remittances')
    .set({ document_id: document.documentId })
    .where('tenant_id', '=', actor.tenantId)
    .where('remittance_id', '=', row.remittance_id)
    .execute();
  await appendAudit(trx, {
    tenantId: actor.tenantId,
    at: now,
    actor,
    action: 'remittance.issued',
    entityKind: 'remittance',
    entityId: row.remittance_id,
    data: {
      creditorId: row.creditor_id,
      period: row.period,
      currency: row.currency,
      paymentCount: input.paymentCount,
      ...input.totals,
    },
  });
}

async function issuedStatements(
  trx: Transaction<Database>,
  tenantId: string,
  mandate: Mandate,
  period: string,
): Promise<RemittanceWithLines[]> {
  const rows = await trx
    .selectFrom('remittances')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', mandate.creditorId)
    .where('period', '=', period)
    .orderBy('currency')
    .execute();
  const creditor = { id: mandate.creditorId, ref: mandate.ref, name: mandate.name };
  const out: RemittanceWithLines[] = [];
  for (const row of rows) {
    const lines = await loadStatementLines(
      trx,
      tenantId,
      { remittanceId: row.remittance_id },
      row.fee_settlement,
    );
    out.push({ ...remittanceView(row, creditor), lines });
  }
  return out;
}
