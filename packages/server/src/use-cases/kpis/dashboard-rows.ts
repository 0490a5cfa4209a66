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

/** One line of the export: what it is, how many, how much (a decimal in the currency), its share. */
export type DashboardRow = readonly [
  section: string,
  item: string,
  count: string,
  amount: string,
  share: string,
];

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
  },
} as const;

/**
 * The dashboard as rows for a spreadsheet (CSV export): the same figures as the page, amounts as exact
 * decimals in the dashboard's currency, shares with one decimal, labels in the reader's language.
 */
export function dashboardRows(d: Dashboard, locale: Locale): readonly DashboardRow[] {
  const w = WORDS[locale];
  const amount = (minor: number) => minorToDecimalString(minor, d.currency);
  const p = d.portfolio;
  const rows: DashboardRow[] = [
    [w.period, `${d.from} – ${d.to}`, '', d.currency, ''],
    [w.portfolio, w.receivables, String(p.receivables.count), amount(p.receivables.outstandingMinor), ''],
    [w.portfolio, w.overdue, '', amount(p.overdueMinor), ''],
    [w.portfolio, w.disputed, '', amount(p.disputedMinor), ''],
    [w.portfolio, w.placed, String(p.recovery.placedCount), amount(p.recovery.placedMinor), ''],
    [
      w.portfolio,
      KPI_LABELS.recovery_rate_amount[locale],
      '',
      amount(p.recovery.recoveredMinor),
      p.recovery.byAmount ?? '',
    ],
    [
      w.portfolio,
      KPI_LABELS.recovery_rate_count[locale],
      String(p.recovery.paidCount),
      '',
      p.recovery.byCount ?? '',
    ],
    [w.portfolio, w.collected, '', amount(p.recovery.collectedMinor), ''],
    [w.portfolio, w.dsoDays, p.dso.days, '', ''],
  ];
  for (const line of p.ageing) {
    rows.push([
      w.ageing,
      AGEING_BUCKET_LABELS[line.bucket as AgeingBucket][locale],
      String(line.count),
      amount(line.outstandingMinor),
      line.share ?? '',
    ]);
  }
  const c = d.collections;
  rows.push([w.collections, w.collected, String(c.paymentCount), amount(c.collectedMinor), '']);
  for (const ch of c.byChannel)
    rows.push([w.channel, ch.channel, String(ch.count), amount(ch.amountMinor), '']);
  for (const a of c.agents) rows.push([w.agents, a.name, '', amount(a.amountMinor), a.share ?? '']);
  for (const s of d.activity.promises.byStatus) {
    const label = PROMISE_STATUS_LABELS[s.status as PromiseStatus]?.[locale] ?? s.status;
    rows.push([w.promises, label, String(s.count), amount(s.amountMinor), '']);
  }
  for (const s of d.activity.plans.byStatus) {
    const label = PLAN_STATUS_LABELS[s.status as PlanStatus]?.[locale] ?? s.status;
    rows.push([w.plans, label, String(s.count), amount(s.amountMinor), '']);
  }
  for (const m of d.activity.forecast) {
    rows.push([w.forecast, m.month, '', amount(m.promisesMinor + m.instalmentsMinor), '']);
  }
  return rows;
}

export function dashboardHeader(locale: Locale): readonly string[] {
  return WORDS[locale].header;
}
