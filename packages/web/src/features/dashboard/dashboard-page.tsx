import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { Stat } from '../../app/ui/stat.tsx';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { strategiesQuery } from '../strategies/api.ts';
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
import { DrillLink, paymentDrill, portfolioDrill } from './drill.tsx';
import { type DashboardSearch, SEGMENT_CHOICES } from './search.ts';
import { strategyChoices } from './strategy-choices.ts';
import { dashboardXlsxUrl } from './trends-api.ts';
import { TrendsSection } from './trends-section.tsx';

const route = getRouteApi('/_app/dashboard');
const CHANNELS = ['portal', 'ivr', 'agent', 'statement', 'api', 'manual', 'agency'] as const;

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
  // Every strategy, for the filter: the portfolio follows one whether or not it collected in the period.
  const strategies = useQuery({ ...strategiesQuery, enabled: !isClient });
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const set = (patch: DashboardSearch) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });
  const { creditorId, days = 30 } = search;
  const segment = search.segment ?? 'all';
  const filters: DashboardFilters = {
    creditorId,
    segment: search.segment,
    strategyKey: search.strategyKey,
    channel: search.channel,
    agentId: search.agentId,
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
            onChange={(value) => set({ creditorId: value ?? undefined })}
            data={(creditors.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            w={240}
          />
        )}
        <SegmentedControl
          aria-label={t('dashboard.segment')}
          value={segment}
          onChange={(value) =>
            set({ segment: value === 'all' ? undefined : (value as (typeof SEGMENT_CHOICES)[number]) })
          }
          data={(['all', ...SEGMENT_CHOICES] as const).map((s) => ({
            value: s,
            label: t(`dashboard.segments.${s}`),
          }))}
        />
        <SegmentedControl
          aria-label={t('dashboard.period')}
          value={String(days)}
          onChange={(value) => set({ days: Number(value) as PeriodDays })}
          data={PERIODS.map((p) => ({ value: String(p), label: t('dashboard.lastDays', { count: p }) }))}
        />
        <Select
          label={t('drill.strategy')}
          placeholder={t('drill.allStrategies')}
          clearable
          value={search.strategyKey ?? null}
          onChange={(value) => set({ strategyKey: value ?? undefined })}
          data={strategyChoices(
            strategies.data,
            d?.collections.byStrategy.map((s) => s.strategyKey) ?? [],
            search.strategyKey,
            format.language,
          )}
          w={180}
          data-testid="dashboard-strategy"
        />
        <Select
          label={t('drill.channel')}
          placeholder={t('drill.allChannels')}
          clearable
          value={search.channel ?? null}
          onChange={(value) => set({ channel: (value ?? undefined) as DashboardSearch['channel'] })}
          data={CHANNELS.map((c) => ({ value: c, label: t(`drill.values.${c}`) }))}
          w={170}
          data-testid="dashboard-channel"
        />
        {!isClient && (
          <Select
            label={t('drill.agent')}
            placeholder={t('drill.allAgents')}
            clearable
            value={search.agentId ?? null}
            onChange={(value) => set({ agentId: value ?? undefined })}
            data={[
              ...(d?.collections.agents.map((a) => ({ value: a.userId, label: a.name })) ?? []),
              ...(search.agentId && !d?.collections.agents.some((a) => a.userId === search.agentId)
                ? [{ value: search.agentId, label: search.agentId }]
                : []),
            ]}
            w={180}
            data-testid="dashboard-agent"
          />
        )}
      </Group>
      {d && d.unfiltered.portfolio.length > 0 && (
        <Alert color="yellow" data-testid="dashboard-unfiltered">
          {t('drill.notFiltered', {
            filters: d.unfiltered.portfolio.map((f) => t(`drill.filterNames.${f}`)).join(', '),
          })}
          {d.unfiltered.activity.length > 0 &&
            ` ${t('drill.activityNotFiltered', {
              filters: d.unfiltered.activity.map((f) => t(`drill.filterNames.${f}`)).join(', '),
            })}`}
        </Alert>
      )}
      {dashboard.isPending && <LoadingState />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="dashboard-stats">
            <Stat
              label={t('dashboard.receivables')}
              value={
                <DrillLink search={portfolioDrill(d, { receivable: true })} testId="drill-receivables">
                  {money(d.portfolio.receivables.outstandingMinor)}
                </DrillLink>
              }
              hint={t('dashboard.claimCount', { count: d.portfolio.receivables.count })}
            />
            <Stat
              label={t('dashboard.overdue')}
              value={
                <DrillLink search={portfolioDrill(d, { overdue: true })} testId="drill-overdue">
                  {money(d.portfolio.overdueMinor)}
                </DrillLink>
              }
              hint={
                <DrillLink search={portfolioDrill(d, { disputed: true })} testId="drill-disputed">
                  {t('dashboard.disputed', { amount: money(d.portfolio.disputedMinor) })}
                </DrillLink>
              }
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
              value={
                <DrillLink search={paymentDrill(d, {})} testId="drill-collected">
                  {money(d.collections.collectedMinor)}
                </DrillLink>
              }
              hint={t('dashboard.paymentCount', { count: d.collections.paymentCount })}
            />
            <Stat
              label={t('dashboard.keptRate')}
              value={pct(d.activity.promises.keptRate)}
              hint={t('dashboard.promisesMade', { count: d.activity.promises.made })}
            />
          </SimpleGrid>
          <AgeingSection dashboard={d} money={money} pct={pct} />
          <CollectionsSection dashboard={d} money={money} pct={pct} />
          <ActivitySection dashboard={d} money={money} pct={pct} />
          <TrendsSection filters={filters} money={money} pct={pct} />
        </>
      )}
    </Stack>
  );
}
