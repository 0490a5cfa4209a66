import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import type { CreditorReportView } from './creditor-reports.ts';
import { reportScope } from './report-subscription.ts';

/** The creditor's reports, newest first (the last 50), with their e-mail's state. */
export async function listCreditorReports(
  deps: Deps,
  actor: Actor,
  creditorId: string,
): Promise<readonly CreditorReportView[]> {
  const scope = await reportScope(deps, actor, creditorId);
  const rows = await deps.database.db
    .selectFrom('creditor_reports')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('creditor_id', '=', creditorId)
    .orderBy('created_at', 'desc')
    .orderBy('report_id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.report_id,
    creditorId: r.creditor_id,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    language: r.language,
    emailTo: r.email_to,
    status: r.email_status,
    attempts: Number(r.email_attempts),
    error: r.email_error,
    emailedAt: r.emailed_at,
    createdAt: r.created_at,
  }));
}
