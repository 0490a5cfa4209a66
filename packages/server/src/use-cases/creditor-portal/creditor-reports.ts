import { addDays, addMonths, periodOf } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { ReportEmailStatus, ReportFrequency } from '../../db/schema-creditor-portal.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { storeDocument } from '../evidence/journal.ts';
import { type DashboardReportFile, produceDashboardReport } from '../kpis/dashboard-report.ts';

export type ReportPeriod = { readonly key: string; readonly start: string; readonly end: string };

/** The last whole week (ISO, Monday to Sunday) or month before today: what a scheduled report covers. */
export function previousPeriod(today: string, frequency: ReportFrequency): ReportPeriod {
  const current = periodOf(today, frequency);
  const previous = periodOf(addDays(current.start, -1), frequency);
  return { key: previous.key, start: previous.start, end: previous.end };
}

/** The week or month up to today (a report sent or previewed on demand). */
export function periodToDate(today: string, frequency: ReportFrequency, key: string): ReportPeriod {
  const start = frequency === 'weekly' ? addDays(today, -6) : addDays(addMonths(today, -1), 1);
  return { key, start, end: today };
}

/** The worker reads a creditor's figures as that creditor's own client account would: nothing else. */
function creditorActor(tenantId: string, creditorId: string): Actor {
  return { tenantId, kind: 'system', id: 'creditor-report', role: 'client', creditorId };
}

/** The dashboard's PDF report of one creditor over a period, in its language. */
export function renderCreditorReport(
  deps: Deps,
  tenantId: string,
  creditorId: string,
  period: ReportPeriod,
  language: 'fr' | 'en',
): Promise<DashboardReportFile> {
  return produceDashboardReport(
    deps,
    creditorActor(tenantId, creditorId),
    { from: period.start, to: period.end },
    language,
  );
}

export type CreditorReportView = {
  readonly id: string;
  readonly creditorId: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly language: 'fr' | 'en';
  readonly emailTo: string;
  readonly status: ReportEmailStatus;
  readonly attempts: number;
  readonly error: string | null;
  readonly emailedAt: string | null;
  readonly createdAt: string;
};

/**
 * Makes one creditor's report of a period — the PDF kept as a document and the row that its e-mail leaves
 * from — unless that creditor already has the period's report (a unique key: a second worker, or a re-run after
 * a crash, adds nothing). The PDF is rendered before the transaction; the row and the document commit
 * together. Returns the new report's id, or null when it already existed.
 */
export async function createCreditorReport(
  deps: Deps,
  input: {
    readonly tenantId: string;
    readonly creditorId: string;
    readonly period: ReportPeriod;
    readonly language: 'fr' | 'en';
    readonly recipients: readonly string[];
    readonly actor: Actor | null;
  },
): Promise<string | null> {
  const file = await renderCreditorReport(
    deps,
    input.tenantId,
    input.creditorId,
    input.period,
    input.language,
  );
  const now = deps.clock.now();
  const reportId = newId();
  return deps.database.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('creditor_reports')
      .values({
        tenant_id: input.tenantId,
        report_id: reportId,
        creditor_id: input.creditorId,
        period: input.period.key,
        period_start: input.period.start,
        period_end: input.period.end,
        language: input.language,
        email_to: input.recipients.join(', '),
        document_id: '',
        email_status: 'planned',
        created_at: now,
        created_by: input.actor?.id ?? null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'creditor_id', 'period']).doNothing())
      .returning('report_id')
      .executeTakeFirst();
    if (!inserted) return null;
    const document = await storeDocument(trx, {
      tenantId: input.tenantId,
      caseId: null,
      kind: 'creditor_report',
      mediaType: 'application/pdf',
      fileName: file.fileName,
      content: file.content,
      createdAt: now,
    });
    await trx
      .updateTable('creditor_reports')
      .set({ document_id: document.documentId })
      .where('tenant_id', '=', input.tenantId)
      .where('report_id', '=', reportId)
      .execute();
    await appendAudit(trx, {
      tenantId: input.tenantId,
      at: now,
      actor: input.actor,
      action: 'creditor_report.create',
      entityKind: 'creditor',
      entityId: input.creditorId,
      data: { reportId, period: input.period.key, documentId: document.documentId },
    });
    return reportId;
  });
}

/**
 * What the worker does on each tick: every active subscription gets the report of its last whole week or
 * month, once (the period's row is looked for first, so a tick that finds them all made renders nothing).
 * Returns how many reports were made.
 */
export async function planDueReports(deps: Deps, tenantId: string): Promise<number> {
  const db = deps.database.db;
  const subscriptions = await db
    .selectFrom('report_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .execute();
  if (subscriptions.length === 0) return 0;
  const today = deps.clock.today();
  let made = 0;
  for (const s of subscriptions) {
    const period = previousPeriod(today, s.frequency);
    const existing = await db
      .selectFrom('creditor_reports')
      .select('report_id')
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', s.creditor_id)
      .where('period', '=', period.key)
      .executeTakeFirst();
    if (existing) continue;
    const created = await createCreditorReport(deps, {
      tenantId,
      creditorId: s.creditor_id,
      period,
      language: s.language,
      recipients: JSON.parse(s.recipients) as string[],
      actor: null,
    });
    if (created) made++;
  }
  return made;
}
