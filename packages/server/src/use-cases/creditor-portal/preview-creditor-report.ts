import { DomainError, parsePeriod } from '@relance/core';
import type { ReportFrequency } from '../../db/schema-creditor-portal.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import type { DashboardReportFile } from '../kpis/dashboard-report.ts';
import { periodToDate, type ReportPeriod, renderCreditorReport } from './creditor-reports.ts';
import { readSubscription, reportScope } from './report-subscription.ts';

export type PreviewInput = {
  readonly language?: 'fr' | 'en' | undefined;
  readonly frequency?: ReportFrequency | undefined;
  /** A whole month (`2026-10`) or ISO week (`2026-W42`): what that period's scheduled report holds. */
  readonly period?: string | undefined;
};

/**
 * The report as it would be sent now (the week or month to today, by the subscription's frequency, monthly
 * without one), or the report of a named month or week, in the language asked for or the subscription's.
 * Nothing is kept.
 */
export async function previewCreditorReport(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: PreviewInput,
): Promise<DashboardReportFile> {
  const scope = await reportScope(deps, actor, creditorId);
  const subscription = await readSubscription(deps.database.db, scope.tenantId, creditorId);
  const period =
    input.period !== undefined
      ? namedPeriod(input.period)
      : periodToDate(deps.clock.today(), input.frequency ?? subscription?.frequency ?? 'monthly', 'preview');
  return renderCreditorReport(
    deps,
    scope.tenantId,
    creditorId,
    period,
    input.language ?? subscription?.language ?? 'fr',
  );
}

/** A month or an ISO week, as a scheduled report covers them (a fortnight is a remittance period, not a report's). */
function namedPeriod(key: string): ReportPeriod {
  const period = parsePeriod(key);
  if (!period || period.frequency === 'fortnightly') {
    throw new DomainError(
      'invalid_input',
      'A report’s period is a month (2026-10) or an ISO week (2026-W42).',
      {
        reason: 'report_period_invalid',
        period: key,
      },
    );
  }
  return { key: period.key, start: period.start, end: period.end };
}
