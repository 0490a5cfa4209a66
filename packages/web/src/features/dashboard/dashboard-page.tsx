import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { Stat } from '../../app/ui/stat.tsx';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { ActivitySection } from './activity-section.tsx';
import { AgeingSection } from './ageing-section.tsx';
import {
  type DashboardFilters,
  dashboardExportUrl,
  dashboardQuery,
  PERIODS,
  type PeriodDays,
} from './api.ts';
import { CollectionsSection } from './collections-section.tsx';
import { dashboardXlsxUrl } from './trends-api.ts';
import { TrendsSection } from './trends-section.tsx';

const SEGMENT_CHOICES = ['all', 'business', 'consumer'] as const;

/**
 * The dashboard (supervisors, admins, and a creditor's own view): where the portfolio stands today, and what
 * came in over the period. Every figure is the server's (the same sums the API gives); each ageing line leads
 * to the cases behind it.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: user } = useQuery(sessionQuery);
  const isClient = user?.role === 'client';
  const creditors = useQuery({ ...creditorsQuery, enabled: !isClient });
  const [creditorId, setCreditorId] = useState<string | undefined>(undefined);
  const [segment, setSegment] = useState<(typeof SEGMENT_CHOICES)[number]>('all');
  const [days, setDays] = useState<PeriodDays>(30);
  const filters: DashboardFilters = {
    creditorId,
    segment: segment === 'all' ? undefined : segment,
    days,
    today: new Date().toISOString().slice(0, 10),
  };
  const dashboard = useQuery(dashboardQuery(filters));
  const d = dashboard.data;
  const money = (minor: number) => format.money(minor, d?.currency ?? 'EUR');
  const pct = (value: string | null) =>
    value === null
      ? '—'
      : t('dashboard.percent', { value: format.language === 'fr' ? value.replace('.', ',') : value });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        actions={
          <Group gap="xs">
            {(['csv', 'pdf'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={dashboardExportUrl(filters, format)}
                download
                variant="default"
                data-testid={`dashboard-${format}`}
              >
                {t(format === 'csv' ? 'dashboard.exportCsv' : 'dashboard.exportPdf')}
              </Button>
            ))}
            <Button
              component="a"
              href={dashboardXlsxUrl(filters)}
              download
              variant="default"
              data-testid="dashboard-xlsx"
            >
              {t('trends.exportXlsx')}
            </Button>
          </Group>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        {!isClient && (creditors.data?.length ?? 0) > 1 && (
          <Select
            label={t('dashboard.creditor')}
            placeholder={t('dashboard.allCreditors')}
            clearable
            value={creditorId ?? null}
            onChange={(value) => setCreditorId(value ?? undefined)}
            data={(creditors.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            w={240}
          />
        )}
        <SegmentedControl
          aria-label={t('dashboard.segment')}
          value={segment}
          onChange={(value) => setSegment(value as typeof segment)}
          data={SEGMENT_CHOICES.map((s) => ({ value: s, label: t(`dashboard.segments.${s}`) }))}
        />
        <SegmentedControl
          aria-label={t('dashboard.period')}
          value={String(days)}
          onChange={(value) => setDays(Number(value) as PeriodDays)}
          data={PERIODS.map((p) => ({ value: String(p), label: t('dashboard.lastDays', { count: p }) }))}
        />
      </Group>
      {dashboard.isPending && <LoadingState />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="dashboard-stats">
            <Stat
              label={t('dashboard.receivables')}
              value={money(d.portfolio.receivables.outstandingMinor)}
              hint={t('dashboard.claimCount', { count: d.portfolio.receivables.count })}
            />
            <Stat
              label={t('dashboard.overdue')}
              value={money(d.portfolio.overdueMinor)}
              hint={t('dashboard.disputed', { amount: money(d.portfolio.disputedMinor) })}
            />
            <Stat
              label={t('dashboard.recoveryRate')}
              value={pct(d.portfolio.recovery.byAmount)}
              hint={t('dashboard.recoveryHint', {
                recovered: money(d.portfolio.recovery.recoveredMinor),
                placed: money(d.portfolio.recovery.placedMinor),
              })}
            />
            <Stat
              label={t('dashboard.dso')}
              value={t('dashboard.days', {
                value:
                  format.language === 'fr' ? d.portfolio.dso.days.replace('.', ',') : d.portfolio.dso.days,
              })}
              hint={d.portfolio.dso.complete ? t('dashboard.dsoHint') : t('dashboard.dsoIncomplete')}
            />
            <Stat
              label={t('dashboard.collected')}
              value={money(d.collections.collectedMinor)}
              hint={t('dashboard.paymentCount', { count: d.collections.paymentCount })}
            />
            <Stat
              label={t('dashboard.keptRate')}
              value={pct(d.activity.promises.keptRate)}
              hint={t('dashboard.promisesMade', { count: d.activity.promises.made })}
            />
          </SimpleGrid>
          <AgeingSection
            dashboard={d}
            money={money}
            pct={pct}
            creditorId={creditorId}
            segment={filters.segment}
          />
          <CollectionsSection dashboard={d} money={money} pct={pct} />
          <ActivitySection dashboard={d} money={money} pct={pct} />
          <TrendsSection filters={filters} money={money} pct={pct} />
        </>
      )}
    </Stack>
  );
}
