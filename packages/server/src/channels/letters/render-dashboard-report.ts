import { formatDate, formatMoney } from '@relance/core';
import type { DashboardRow } from '../../use-cases/kpis/dashboard-rows.ts';
import { printable } from './fonts.ts';
import {
  CONTENT_WIDTH,
  ensureSpace,
  finish,
  GREY,
  INK,
  MARGIN,
  MM,
  newLetterDocument,
  RULE,
} from './pdf-kit.ts';
import { heading, table } from './pdf-table.ts';

type Locale = 'fr' | 'en';

export type DashboardReport = {
  readonly locale: Locale;
  /** Whose portfolio: the creditor's name, or the tenant's for every creditor. */
  readonly subject: string;
  readonly author: string;
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly currency: string;
  /** The filters applied, as the reader says them ("Stratégie : b2b (non appliqué au portefeuille)"). */
  readonly filters?: readonly string[];
  readonly rows: readonly DashboardRow[];
  /** The ageing section's name among the rows: drawn as bars as well. */
  readonly ageingSection: string;
};

const TEXTS = {
  fr: {
    title: 'Rapport de recouvrement',
    period: (from: string, to: string, asOf: string) => `Période du ${from} au ${to} · situation au ${asOf}`,
    columns: ['Élément', 'Nombre · part', 'Montant'] as const,
    percent: (share: string) => `${share.replace('.', ',')} %`,
    footer:
      'Chiffres tirés des mêmes sommes que le tableau de bord : ils comptent toutes les écritures du jour.',
  },
  en: {
    title: 'Collection report',
    period: (from: string, to: string, asOf: string) => `Period ${from} to ${to} · as of ${asOf}`,
    columns: ['Item', 'Count · share', 'Amount'] as const,
    percent: (share: string) => `${share}%`,
    footer: 'Figures from the same sums as the dashboard: they count every write of the day.',
  },
} as const;

/**
 * The dashboard as a PDF report (the creditor's weekly or monthly report, or a download): the key figures,
 * the ageing balance drawn as bars, then each section as a table. Dated by its period, so the same figures
 * render the same bytes.
 */
export async function renderDashboardReport(report: DashboardReport): Promise<Uint8Array> {
  const t = TEXTS[report.locale];
  const doc = newLetterDocument({
    title: `${t.title} — ${report.subject}`,
    author: report.author,
    date: report.asOf,
    language: report.locale === 'fr' ? 'fr-FR' : 'en-GB',
  });
  doc
    .font('bold')
    .fontSize(16)
    .fillColor(INK)
    .text(printable(t.title), MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(11).text(printable(report.subject), { width: CONTENT_WIDTH });
  doc
    .fontSize(9)
    .fillColor(GREY)
    .text(
      printable(
        t.period(
          formatDate(report.from, report.locale),
          formatDate(report.to, report.locale),
          formatDate(report.asOf, report.locale),
        ),
      ),
      { width: CONTENT_WIDTH },
    );
  for (const filter of report.filters ?? []) doc.text(printable(filter), { width: CONTENT_WIDTH });
  doc.fillColor(INK);
  const money = (minor: number | null) =>
    minor === null ? '' : formatMoney(minor, report.currency, report.locale);
  // Counts are whole numbers, but DSO's days have a decimal: written the reader's way.
  const count = (text: string) => (report.locale === 'fr' ? text.replace('.', ',') : text);
  const countAndShare = (row: DashboardRow) =>
    [count(row.count), row.share ? t.percent(row.share) : ''].filter((part) => part !== '').join(' · ');
  const sections = [...new Set(report.rows.map((r) => r.section))];
  for (const section of sections) {
    const rows = report.rows.filter((r) => r.section === section);
    heading(doc, section);
    if (section === report.ageingSection) ageingBars(doc, rows, money);
    table(
      doc,
      t.columns,
      rows.map((row) => [row.item, countAndShare(row), money(row.amountMinor)]),
      [0, 85 * MM, 120 * MM],
      80 * MM,
    );
  }
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(GREY)
    .text(printable(t.footer), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.fillColor(INK);
  return finish(doc);
}

/** One horizontal bar per age bucket, as long as its share of the receivables. */
function ageingBars(
  doc: PDFKit.PDFDocument,
  rows: readonly DashboardRow[],
  money: (minor: number | null) => string,
): void {
  const largest = Math.max(1, ...rows.map((r) => Math.abs(r.amountMinor ?? 0)));
  const labelWidth = 35 * MM;
  const barWidth = CONTENT_WIDTH - labelWidth - 40 * MM;
  ensureSpace(doc, rows.length * 14 + 8);
  for (const row of rows) {
    const y = doc.y;
    const width = Math.max(1, (barWidth * Math.abs(row.amountMinor ?? 0)) / largest);
    doc.font('regular').fontSize(8.5).fillColor(INK);
    doc.text(printable(row.item), MARGIN.left, y + 1, { width: labelWidth, lineBreak: false });
    doc
      .rect(MARGIN.left + labelWidth, y, width, 9)
      .fillColor('#4c6ef5')
      .fill();
    doc.fillColor(GREY).text(printable(money(row.amountMinor)), MARGIN.left + labelWidth + width + 4, y + 1, {
      width: 40 * MM,
      lineBreak: false,
    });
    doc.y = y + 13;
  }
  doc.strokeColor(RULE).fillColor(INK);
  doc.x = MARGIN.left;
  doc.moveDown(0.4);
}
