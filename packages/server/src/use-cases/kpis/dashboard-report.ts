import { renderDashboardReport } from '../../channels/letters/render-dashboard-report.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { dashboardRows, reportWords } from './dashboard-rows.ts';
import { type DashboardInput, getDashboard } from './get-dashboard.ts';
import { getTrends } from './history/get-trends.ts';
import { trendReportRows } from './history/trends-rows.ts';

export type DashboardReportFile = { readonly fileName: string; readonly content: Uint8Array };

/**
 * The dashboard as a PDF report for the caller (a client gets its creditor's): the same figures as the page
 * and the CSV, then the DSO and the recovery rate month by month (the trends' month-ends), titled with the
 * creditor's name (or the tenant's, for every creditor).
 */
export async function produceDashboardReport(
  deps: Deps,
  actor: Actor,
  input: DashboardInput,
  locale: 'fr' | 'en',
): Promise<DashboardReportFile> {
  const dashboard = await getDashboard(deps, actor, input);
  const trends = await getTrends(deps, actor, {
    creditorId: input.creditorId,
    segment: input.segment,
    strategyKey: input.strategyKey,
    currency: dashboard.currency,
  });
  const db = deps.database.db;
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  const creditor =
    dashboard.creditorId === null
      ? undefined
      : await db
          .selectFrom('creditors')
          .select('name')
          .where('tenant_id', '=', actor.tenantId)
          .where('creditor_id', '=', dashboard.creditorId)
          .executeTakeFirst();
  const words = reportWords(locale);
  const agent =
    dashboard.agentId === null
      ? undefined
      : await db
          .selectFrom('users')
          .select('display_name')
          .where('tenant_id', '=', actor.tenantId)
          .where('user_id', '=', dashboard.agentId)
          .executeTakeFirst();
  const filters = (['strategyKey', 'channel', 'agentId'] as const).flatMap((name) => {
    const value = name === 'agentId' ? (agent?.display_name ?? dashboard.agentId) : dashboard[name];
    return value === null
      ? []
      : [
          // The trends' month-ends follow the strategy (decision 0014), not the channel nor the agent.
          `${words.filters[name]}${locale === 'fr' ? ' : ' : ': '}${value}${notApplied(
            words,
            dashboard.unfiltered.portfolio.includes(name),
            name !== 'strategyKey',
          )}`,
        ];
  });
  const content = await renderDashboardReport({
    locale,
    subject: creditor?.name ?? tenant.name,
    author: tenant.name,
    from: dashboard.from,
    to: dashboard.to,
    asOf: dashboard.asOf,
    currency: dashboard.currency,
    filters,
    rows: [...dashboardRows(dashboard, locale), ...trendReportRows(trends, locale)],
    ageingSection: reportWords(locale).ageing,
  });
  const fileName = `${locale === 'fr' ? 'rapport' : 'report'}-${dashboard.to}.pdf`;
  return { fileName, content };
}

/** What a filter is not applied to, in brackets; nothing when it applies everywhere. */
function notApplied(words: ReturnType<typeof reportWords>, portfolio: boolean, trends: boolean): string {
  const said = portfolio
    ? trends
      ? words.notPortfolioNorTrends
      : words.notPortfolio
    : trends
      ? words.notTrends
      : null;
  return said === null ? '' : ` (${said})`;
}
