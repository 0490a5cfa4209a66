import {
  AGEING_BUCKET_LABELS,
  type AgeingBucket,
  KPI_LABELS,
  minorToDecimalString,
  PLAN_STATUS_LABELS,
  type PlanStatus,
  PROMISE_STATUS_LABELS,
  type PromiseStatus,
} from '@relance/core';
import type { Dashboard } from './get-dashboard.ts';

type Locale = 'fr' | 'en';

/** One line of a report: its section, what it is, how many, how much (minor units), its share ('42.9'). */
export type DashboardRow = {
  readonly section: string;
  readonly item: string;
  readonly count: string;
  readonly amountMinor: number | null;
  readonly share: string;
};

const WORDS = {
  fr: {
    header: ['Rubrique', 'Élément', 'Nombre', 'Montant', 'Part (%)'],
    portfolio: 'Portefeuille',
    receivables: 'Encours',
    overdue: 'Échu',
    disputed: 'En litige',
    placed: 'Confié',
    recovered: 'Recouvré',
    collected: 'Encaissé par Relance',
    dsoDays: 'DSO (jours)',
    ageing: 'Balance âgée',
    collections: 'Encaissements de la période',
    channel: 'Canal',
    agents: 'Agents',
    promises: 'Promesses',
    plans: 'Échéanciers',
    forecast: 'Encaissements attendus',
    period: 'Période',
    filters: { strategyKey: 'Stratégie', channel: 'Canal', agentId: 'Agent' },
    notPortfolio: 'non appliqué au portefeuille',
    notTrends: 'non appliqué aux tendances',
    notPortfolioNorTrends: 'non appliqué au portefeuille ni aux tendances',
  },
  en: {
    header: ['Section', 'Item', 'Count', 'Amount', 'Share (%)'],
    portfolio: 'Portfolio',
    receivables: 'Receivables',
    overdue: 'Overdue',
    disputed: 'Disputed',
    placed: 'Placed',
    recovered: 'Recovered',
    collected: 'Collected through Relance',
    dsoDays: 'DSO (days)',
    ageing: 'Ageing balance',
    collections: 'Collected in the period',
    channel: 'Channel',
    agents: 'Agents',
    promises: 'Promises',
    plans: 'Payment plans',
    forecast: 'Cash expected',
    period: 'Period',
    filters: { strategyKey: 'Strategy', channel: 'Channel', agentId: 'Agent' },
    notPortfolio: 'not applied to the portfolio',
    notTrends: 'not applied to the trends',
    notPortfolioNorTrends: 'not applied to the portfolio nor to the trends',
  },
} as const;

/**
 * The dashboard as rows for the exports (CSV, PDF report): the same figures as the page, in sections, with
 * labels in the reader's language.
 */
export function dashboardRows(d: Dashboard, locale: Locale): readonly DashboardRow[] {
  const w = WORDS[locale];
  const p = d.portfolio;
  const c = d.collections;
  const r = (
    section: string,
    item: string,
    count: string,
    amountMinor: number | null,
    share = '',
  ): DashboardRow => ({
    section,
    item,
    count,
    amountMinor,
    share,
  });
  const status = <S extends string>(
    labels: Readonly<Record<S, Readonly<Record<Locale, string>>>>,
    key: string,
  ) => labels[key as S]?.[locale] ?? key;
  return [
    r(w.portfolio, w.receivables, String(p.receivables.count), p.receivables.outstandingMinor),
    r(w.portfolio, w.overdue, '', p.overdueMinor),
    r(w.portfolio, w.disputed, '', p.disputedMinor),
    r(w.portfolio, w.placed, String(p.recovery.placedCount), p.recovery.placedMinor),
    r(
      w.portfolio,
      KPI_LABELS.recovery_rate_amount[locale],
      '',
      p.recovery.recoveredMinor,
      p.recovery.byAmount ?? '',
    ),
    r(
      w.portfolio,
      KPI_LABELS.recovery_rate_count[locale],
      String(p.recovery.paidCount),
      null,
      p.recovery.byCount ?? '',
    ),
    r(w.portfolio, w.collected, '', p.recovery.collectedMinor),
    r(w.portfolio, w.dsoDays, p.dso.days, null),
    ...p.ageing.map((l) =>
      r(
        w.ageing,
        AGEING_BUCKET_LABELS[l.bucket as AgeingBucket][locale],
        String(l.count),
        l.outstandingMinor,
        l.share ?? '',
      ),
    ),
    r(w.collections, w.collected, String(c.paymentCount), c.collectedMinor),
    ...c.byChannel.map((ch) => r(w.channel, ch.channel, String(ch.count), ch.amountMinor)),
    ...c.agents.map((a) => r(w.agents, a.name, '', a.amountMinor, a.share ?? '')),
    ...d.activity.promises.byStatus.map((s) =>
      r(w.promises, status<PromiseStatus>(PROMISE_STATUS_LABELS, s.status), String(s.count), s.amountMinor),
    ),
    ...d.activity.plans.byStatus.map((s) =>
      r(w.plans, status<PlanStatus>(PLAN_STATUS_LABELS, s.status), String(s.count), s.amountMinor),
    ),
    ...d.activity.forecast.map((m) => r(w.forecast, m.month, '', m.promisesMinor + m.instalmentsMinor)),
  ];
}

/** The CSV lines: the period first, then every row with its amount as an exact decimal in the currency. */
export function dashboardCsvRows(d: Dashboard, locale: Locale): string[][] {
  const w = WORDS[locale];
  return [
    [...WORDS[locale].header],
    [w.period, `${d.from} – ${d.to}`, '', d.currency, ''],
    ...(['strategyKey', 'channel', 'agentId'] as const)
      .filter((name) => d[name] !== null)
      .map((name) => [
        w.filters[name],
        String(d[name]),
        '',
        '',
        d.unfiltered.portfolio.includes(name) ? w.notPortfolio : '',
      ]),
    ...dashboardRows(d, locale).map((row) => [
      row.section,
      row.item,
      row.count,
      row.amountMinor === null ? '' : minorToDecimalString(row.amountMinor, d.currency),
      row.share,
    ]),
  ];
}

/** A report's words beyond the rows: its title and the period line. */
export function reportWords(locale: Locale) {
  return WORDS[locale];
}
