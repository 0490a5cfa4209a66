import { minorToDecimalString } from '@relance/core';
import { writeXlsx, type XlsxSheet } from '../../formats/xlsx/write-xlsx.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { dashboardRows, reportWords } from './dashboard-rows.ts';
import { getDashboard } from './get-dashboard.ts';
import { getTrends, type TrendsInput } from './history/get-trends.ts';
import { trendSheets } from './history/trends-rows.ts';

export type DashboardWorkbook = { readonly fileName: string; readonly content: Uint8Array };

/**
 * The dashboard as an .xlsx workbook: one sheet per section of the CSV's rows (the same figures, amounts as
 * exact decimals in the currency), then the trends — months, liquidation curves, funnel, channels.
 */
export async function produceDashboardWorkbook(
  deps: Deps,
  actor: Actor,
  input: TrendsInput,
  locale: 'fr' | 'en',
): Promise<DashboardWorkbook> {
  const [dashboard, trends] = await Promise.all([
    getDashboard(deps, actor, input),
    getTrends(deps, actor, { ...input, currency: input.currency }),
  ]);
  const header = reportWords(locale).header.slice(1);
  const sections = new Map<string, XlsxSheet['rows'][number][]>();
  for (const row of dashboardRows(dashboard, locale)) {
    const rows = sections.get(row.section) ?? [[...header]];
    rows.push([
      row.item,
      row.count === '' ? null : /^-?\d+(\.\d+)?$/.test(row.count) ? { decimal: row.count } : row.count,
      row.amountMinor === null
        ? null
        : { decimal: minorToDecimalString(row.amountMinor, dashboard.currency) },
      row.share === '' ? null : { decimal: row.share },
    ]);
    sections.set(row.section, rows);
  }
  const sheets: XlsxSheet[] = [
    ...[...sections.entries()].map(([name, rows]) => ({ name, rows })),
    ...trendSheets(
      // The trends in the dashboard's currency, whichever the caller left to the default.
      trends.currency === dashboard.currency
        ? trends
        : await getTrends(deps, actor, { ...input, currency: dashboard.currency }),
      locale,
    ),
  ];
  const fileName = `${locale === 'fr' ? 'tableau-de-bord' : 'dashboard'}-${dashboard.to}.xlsx`;
  return { fileName, content: writeXlsx(sheets) };
}
