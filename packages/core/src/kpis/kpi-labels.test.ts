import { describe, expect, it } from 'vitest';
import { AGEING_BUCKETS } from './ageing.ts';
import { RESPONSE_KINDS } from './channels.ts';
import { DISPUTE_AGE_BUCKETS, DISPUTE_STATUSES } from './disputes.ts';
import { FUNNEL_CHANNELS } from './funnel.ts';
import {
  AGEING_BUCKET_LABELS,
  DISPUTE_AGE_LABELS,
  DISPUTE_STATUS_LABELS,
  FUNNEL_CHANNEL_LABELS,
  formatDays,
  INSTALMENT_STATUS_LABELS,
  KPI_DIMENSION_LABELS,
  KPI_KEYS,
  KPI_LABELS,
  kpiName,
  PERIOD_GRANULARITY_LABELS,
  PLAN_STATUS_LABELS,
  PROMISE_STATUS_LABELS,
  RESPONSE_KIND_LABELS,
} from './kpi-labels.ts';
import { KPI_DIMENSIONS, PERIOD_GRANULARITIES } from './periods.ts';
import { INSTALMENT_STATUSES, PLAN_STATUSES } from './plans.ts';
import { PROMISE_STATUSES } from './promises.ts';

const families: readonly [string, readonly string[], Readonly<Record<string, { fr: string; en: string }>>][] =
  [
    ['KPIs', KPI_KEYS, KPI_LABELS],
    ['ageing buckets', AGEING_BUCKETS, AGEING_BUCKET_LABELS],
    ['dispute ages', DISPUTE_AGE_BUCKETS, DISPUTE_AGE_LABELS],
    ['dispute statuses', DISPUTE_STATUSES, DISPUTE_STATUS_LABELS],
    ['promise statuses', PROMISE_STATUSES, PROMISE_STATUS_LABELS],
    ['plan statuses', PLAN_STATUSES, PLAN_STATUS_LABELS],
    ['instalment statuses', INSTALMENT_STATUSES, INSTALMENT_STATUS_LABELS],
    ['funnel channels', FUNNEL_CHANNELS, FUNNEL_CHANNEL_LABELS],
    ['response kinds', RESPONSE_KINDS, RESPONSE_KIND_LABELS],
    ['dimensions', KPI_DIMENSIONS, KPI_DIMENSION_LABELS],
    ['granularities', PERIOD_GRANULARITIES, PERIOD_GRANULARITY_LABELS],
  ];

describe('KPI labels', () => {
  it.each(families)(
    'every one of the %s has a French and an English name, all different',
    (_, keys, labels) => {
      expect(Object.keys(labels).sort()).toEqual([...keys].sort());
      for (const locale of ['fr', 'en'] as const) {
        const names = keys.map((k) => labels[k]?.[locale] ?? '');
        expect(names.every((n) => n.trim() !== '')).toBe(true);
        expect(new Set(names).size).toBe(names.length);
      }
    },
  );

  it('names the buckets as a reader expects', () => {
    expect(AGEING_BUCKETS.map((b) => AGEING_BUCKET_LABELS[b].fr)).toEqual([
      'Non échu',
      '1–30 jours',
      '31–60 jours',
      '61–90 jours',
      'Plus de 90 jours',
    ]);
    expect(kpiName('cash_forecast', 'en')).toBe('Cash-in forecast');
    expect(kpiName('ageing_balance', 'fr')).toBe('Balance âgée');
  });
});

describe('formatDays', () => {
  it.each([
    ['49.4', 'fr', '49,4\u00a0jours'],
    ['49.4', 'en', '49.4 days'],
    ['1.5', 'fr', '1,5\u00a0jour'],
    ['1.5', 'en', '1.5 days'],
    ['1.0', 'en', '1.0 day'],
    ['0.0', 'fr', '0,0\u00a0jour'],
    ['+26.1', 'fr', '+26,1\u00a0jours'],
    ['-0.4', 'en', '-0.4 days'],
  ] as const)('%s in %s → %s', (days, locale, expected) => {
    expect(formatDays(days, locale)).toBe(expected);
  });
});
