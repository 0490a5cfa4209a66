import type { ReportFrequency } from '../../db/schema-creditor-portal.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import type { DashboardReportFile } from '../kpis/dashboard-report.ts';
import { periodToDate, renderCreditorReport } from './creditor-reports.ts';
import { readSubscription, reportScope } from './report-subscription.ts';

/**
 * The report as it would be sent now (the week or month to today, by the subscription's frequency, monthly
 * without one), in the language asked for or the subscription's. Nothing is kept.
 */
export async function previewCreditorReport(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: { readonly language?: 'fr' | 'en' | undefined; readonly frequency?: ReportFrequency | undefined },
): Promise<DashboardReportFile> {
  const scope = await reportScope(deps, actor, creditorId);
  const subscription = await readSubscription(deps.database.db, scope.tenantId, creditorId);
  const frequency = input.frequency ?? subscription?.frequency ?? 'monthly';
  const period = periodToDate(deps.clock.today(), frequency, 'preview');
  return renderCreditorReport(
    deps,
    scope.tenantId,
    creditorId,
    period,
    input.language ?? subscription?.language ?? 'fr',
  );
}
