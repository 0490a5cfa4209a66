import { DomainError } from '@relance/core';
import { readEmailSettings } from '../../channels/email/email-settings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { type CreditorReportView, createCreditorReport, periodToDate } from './creditor-reports.ts';
import { listCreditorReports } from './list-creditor-reports.ts';
import { readSubscription, reportScope } from './report-subscription.ts';
import { sendCreditorReports } from './send-creditor-reports.ts';

/**
 * Sends the creditor's report now, to the subscription's recipients: the week or month to today, made and
 * mailed as a scheduled one is (its own row, keyed by the instant), then sent at once. The answer says how the
 * send went (`sent`, or `planned` with the SMTP server's words when it is to be retried).
 */
export async function sendReportNow(
  deps: Deps,
  actor: Actor,
  creditorId: string,
): Promise<CreditorReportView> {
  const scope = await reportScope(deps, actor, creditorId);
  const db = deps.database.db;
  const subscription = await readSubscription(db, scope.tenantId, creditorId);
  if (!subscription) {
    throw new DomainError('conflict', 'No scheduled report for this creditor: save one first.', {
      reason: 'report_subscription_missing',
    });
  }
  const { settings } = await readEmailSettings(db, scope.tenantId);
  if (!settings) {
    throw new DomainError('conflict', 'No e-mail (SMTP) server is set up for this tenant.', {
      reason: 'email_settings_missing',
    });
  }
  const now = deps.clock.now();
  const reportId = await createCreditorReport(deps, {
    tenantId: scope.tenantId,
    creditorId,
    period: periodToDate(deps.clock.today(), subscription.frequency, `now-${now}`),
    language: subscription.language,
    recipients: subscription.recipients,
    actor,
  });
  if (reportId === null) {
    throw new DomainError('conflict', 'A report was just sent: try again in a moment.', {
      reason: 'report_just_sent',
    });
  }
  await sendCreditorReports(deps, scope.tenantId);
  const reports = await listCreditorReports(deps, actor, creditorId);
  const report = reports.find((r) => r.id === reportId);
  if (!report) throw new Error('The report just made cannot be read back.');
  return report;
}
