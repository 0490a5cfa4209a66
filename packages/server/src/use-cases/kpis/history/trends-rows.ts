import { minorToDecimalString, percent, type Ratio } from '@relance/core';
import type { XlsxCell, XlsxSheet } from '../../../formats/xlsx/write-xlsx.ts';
import type { DashboardRow } from '../dashboard-rows.ts';
import type { Trends } from './get-trends.ts';

type Locale = 'fr' | 'en';

const WORDS = {
  fr: {
    months: 'Tendances',
    monthHeader: [
      'Mois',
      'Arrêté au',
      'Confié',
      'Encours',
      'Échu',
      'Encaissé dans le mois',
      'Taux de recouvrement (%)',
      'DSO (jours)',
      'CEI (%)',
    ],
    liquidation: 'Courbes de liquidation',
    cohortHeader: ['Cohorte', 'Confié', 'Créances'],
    funnel: 'Tunnel de paiement',
    funnelHeader: [
      'Canal',
      'Commencés',
      'Aboutis',
      'Refusés',
      'Abandonnés',
      'En cours',
      'Erreurs de saisie',
      'Conversion (%)',
    ],
    channels: 'Canaux',
    channelHeader: ['Canal', 'Envoyées', 'Avec réponse', 'Taux de réponse (%)'],
    total: 'Total',
    dso: 'Tendance DSO (jours)',
    recovery: 'Tendance du taux de recouvrement',
  },
  en: {
    months: 'Trends',
    monthHeader: [
      'Month',
      'As of',
      'Placed',
      'Receivables',
      'Overdue',
      'Collected in the month',
      'Recovery rate (%)',
      'DSO (days)',
      'CEI (%)',
    ],
    liquidation: 'Liquidation curves',
    cohortHeader: ['Cohort', 'Placed', 'Claims'],
    funnel: 'Payment funnel',
    funnelHeader: [
      'Channel',
      'Started',
      'Completed',
      'Failed',
      'Abandoned',
      'Open',
      'Input errors',
      'Conversion (%)',
    ],
    channels: 'Channels',
    channelHeader: ['Channel', 'Sent', 'Responded', 'Response rate (%)'],
    total: 'Total',
    dso: 'DSO trend (days)',
    recovery: 'Recovery rate trend',
  },
} as const;

const decimal = (text: string | null): XlsxCell => (text === null ? null : { decimal: text });

/** The trends as sheets of the dashboard's workbook: months, liquidation curves, funnel, channels. */
export function trendSheets(t: Trends, locale: Locale): XlsxSheet[] {
  const w = WORDS[locale];
  const money = (minor: number | null): XlsxCell =>
    minor === null ? null : { decimal: minorToDecimalString(minor, t.currency) };
  const longest = Math.max(0, ...t.liquidation.map((c) => c.points.length));
  const ratio = (r: Ratio): XlsxCell => decimal(percent(r));
  return [
    {
      name: w.months,
      rows: [
        [...w.monthHeader],
        ...t.months.map((m) => [
          m.month,
          m.asOf,
          money(m.placedMinor),
          money(m.receivableMinor),
          money(m.overdueMinor),
          money(m.collectedMinor),
          decimal(m.recoveryRate),
          decimal(m.dsoDays),
          decimal(m.cei),
        ]),
      ],
    },
    {
      name: w.liquidation,
      rows: [
        [...w.cohortHeader, ...Array.from({ length: longest }, (_, i) => `M${i} (%)`)],
        ...t.liquidation.map((c) => [
          c.cohort,
          money(c.placedMinor),
          c.placedCount,
          ...c.points.map((p) => decimal(p.share)),
        ]),
      ],
    },
    {
      name: w.funnel,
      rows: [
        [...w.funnelHeader],
        ...[...t.funnel.channels, { channel: w.total, ...t.funnel.total }].map((c) => [
          c.channel,
          c.started,
          c.completed,
          c.failed,
          c.abandoned,
          c.open,
          c.inputErrors,
          ratio(c.conversion),
        ]),
      ],
    },
    {
      name: w.channels,
      rows: [
        [...w.channelHeader],
        ...[...t.channels.channels, { channel: w.total, ...t.channels.total }].map((c) => [
          c.channel,
          c.sent,
          c.responded,
          ratio(c.rate),
        ]),
      ],
    },
  ];
}

/** The PDF report's trend rows: DSO (days, in the count column) and the recovery rate by month-end. */
export function trendReportRows(t: Trends, locale: Locale): DashboardRow[] {
  const w = WORDS[locale];
  const recorded = t.months.filter((m) => m.recorded);
  return [
    ...recorded.map((m) => ({
      section: w.dso,
      item: m.partial ? `${m.month} (${m.asOf})` : m.month,
      count: m.dsoDays ?? '',
      amountMinor: m.receivableMinor,
      share: '',
    })),
    ...recorded.map((m) => ({
      section: w.recovery,
      item: m.partial ? `${m.month} (${m.asOf})` : m.month,
      count: '',
      amountMinor:
        m.placedMinor === null || m.receivableMinor === null ? null : m.placedMinor - m.receivableMinor,
      share: m.recoveryRate ?? '',
    })),
  ];
}
