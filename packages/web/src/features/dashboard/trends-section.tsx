import { BarChart, LineChart } from '@mantine/charts';
import { Alert, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import type { DashboardFilters } from './api.ts';
import { Section } from './section.tsx';
import { percentOf, TREND_MONTHS, type TrendMonths, type Trends, trendsQuery } from './trends-api.ts';

const COHORT_COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6'];

type TrendsSectionProps = {
  readonly filters: DashboardFilters;
  readonly money: (minor: number) => string;
  readonly pct: (value: string | null) => string;
};

/** The dashboard's filters the trends never follow: the claims and month-ends carry no channel or agent. */
const NOT_FOLLOWED = ['channel', 'agentId'] as const;

/**
 * The dashboard's history: recovery rate and DSO month by month, the CEI, the liquidation curve of each
 * cohort, the payment funnel by channel and the channels compared (sent, response rate). It follows the
 * strategy, the liquidation curves included (decisions 0014 and 0016), and says which filters it does not
 * follow (channel, agent).
 */
export function TrendsSection({ filters, money, pct }: TrendsSectionProps) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<TrendMonths>(12);
  const trends = useQuery(trendsQuery(filters, months));
  const ignored = NOT_FOLLOWED.filter((f) => filters[f] !== undefined);
  return (
    <Section title={t('trends.title')} testId="dashboard-trends">
      {ignored.length > 0 && (
        <Alert color="yellow" mb="sm" data-testid="trends-unfiltered">
          {t('trends.notFiltered', {
            filters: ignored.map((f) => t(`drill.filterNames.${f}`)).join(', '),
          })}
        </Alert>
      )}
      <SegmentedControl
        mb="sm"
        size="xs"
        aria-label={t('trends.months')}
        value={String(months)}
        onChange={(value) => setMonths(Number(value) as TrendMonths)}
        data={TREND_MONTHS.map((m) => ({ value: String(m), label: t('trends.lastMonths', { count: m }) }))}
      />
      {trends.isPending && <LoadingState />}
      {trends.isError && <ErrorState error={trends.error} onRetry={() => void trends.refetch()} />}
      {trends.data && <TrendCharts trends={trends.data} money={money} pct={pct} />}
    </Section>
  );
}

function TrendCharts({
  trends,
  money,
  pct,
}: {
  trends: Trends;
  money: (m: number) => string;
  pct: (v: string | null) => string;
}) {
  const { t } = useTranslation();
  const months = trends.months.map((m) => ({
    month: m.month,
    recovery: m.recoveryRate === null ? null : Number(m.recoveryRate),
    dso: m.dsoDays === null ? null : Number(m.dsoDays),
    cei: m.cei === null ? null : Number(m.cei),
    collected: m.collectedMinor,
  }));
  const channelName = useChannelName();
  const format = useFormat();
  const days = (value: string | null) =>
    value === null ? '—' : format.language === 'fr' ? value.replace('.', ',') : value;
  const current = trends.months[trends.months.length - 1];
  const cohorts = trends.liquidation.slice(-COHORT_COLORS.length);
  const longest = Math.max(0, ...cohorts.map((c) => c.points.length));
  const curves = Array.from({ length: longest }, (_, offset) => {
    const row: Record<string, number | string | null> = { offset: `M${offset}` };
    for (const c of cohorts) {
      const share = c.points[offset]?.share;
      row[c.cohort] = share === undefined || share === null ? null : Number(share);
    }
    return row;
  });
  const funnel = trends.funnel.channels.map((c) => ({
    channel: t(`payments.channel.${c.channel}`),
    completed: c.completed,
    abandoned: c.abandoned,
    failed: c.failed,
    open: c.open,
  }));
  const percent = (v: number) => pct(v.toFixed(1));
  return (
    <>
      {current && (
        <Text size="sm" mb="sm" data-testid="trends-current">
          {t('trends.currentLine', {
            month: current.month,
            recovery: pct(current.recoveryRate),
            dso: days(current.dsoDays),
            cei: pct(current.cei),
          })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={4} size="h6" mb="xs">
            {t('trends.recoveryAndDso')}
          </Title>
          <LineChart
            h={220}
            data={months}
            dataKey="month"
            withRightYAxis
            connectNulls={false}
            series={[
              { name: 'recovery', label: t('trends.recovery'), color: 'teal.6' },
              { name: 'dso', label: t('trends.dso'), color: 'blue.6', yAxisId: 'right' },
            ]}
            withLegend
          />
        </div>
        <div>
          <Title order={4} size="h6" mb="xs">
            {t('trends.ceiAndCollected')}
          </Title>
          <BarChart
            h={220}
            data={months}
            dataKey="month"
            series={[{ name: 'cei', label: t('trends.cei'), color: 'grape.6' }]}
            valueFormatter={percent}
            withLegend
          />
        </div>
        <div>
          <Title order={4} size="h6" mb="xs">
            {t('trends.liquidation')}
          </Title>
          {cohorts.length === 0 ? (
            <Text c="dimmed">{t('trends.noCohorts')}</Text>
          ) : (
            <LineChart
              h={220}
              data={curves}
              dataKey="offset"
              series={cohorts.map((c, i) => ({
                name: c.cohort,
                color: COHORT_COLORS[i % COHORT_COLORS.length] ?? 'gray.6',
              }))}
              valueFormatter={percent}
              withLegend
            />
          )}
        </div>
        <div>
          <Title order={4} size="h6" mb="xs">
            {t('trends.funnel')}
          </Title>
          {funnel.length === 0 ? (
            <Text c="dimmed">{t('trends.noAttempts')}</Text>
          ) : (
            <BarChart
              h={220}
              data={funnel}
              dataKey="channel"
              type="stacked"
              series={[
                { name: 'completed', label: t('trends.completed'), color: 'teal.6' },
                { name: 'abandoned', label: t('trends.abandoned'), color: 'orange.6' },
                { name: 'failed', label: t('trends.failed'), color: 'red.6' },
                { name: 'open', label: t('trends.open'), color: 'gray.5' },
              ]}
              withLegend
            />
          )}
        </div>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="md">
        <Table data-testid="trends-months">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trends.month')}</Table.Th>
              <Table.Th ta="right">{t('trends.receivables')}</Table.Th>
              <Table.Th ta="right">{t('trends.recovery')}</Table.Th>
              <Table.Th ta="right">{t('trends.dso')}</Table.Th>
              <Table.Th ta="right">{t('trends.collected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...trends.months].reverse().map((m) => (
              <Table.Tr key={m.month} data-month={m.month}>
                <Table.Td>{m.month}</Table.Td>
                <Table.Td ta="right">{m.receivableMinor === null ? '—' : money(m.receivableMinor)}</Table.Td>
                <Table.Td ta="right">{pct(m.recoveryRate)}</Table.Td>
                <Table.Td ta="right" data-testid={`trends-dso-${m.month}`}>
                  {days(m.dsoDays)}
                </Table.Td>
                <Table.Td ta="right">{money(m.collectedMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table data-testid="trends-channels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trends.channel')}</Table.Th>
              <Table.Th ta="right">{t('trends.sent')}</Table.Th>
              <Table.Th ta="right">{t('trends.responded')}</Table.Th>
              <Table.Th ta="right">{t('trends.responseRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trends.channels.channels.map((c) => (
              <Table.Tr key={c.channel}>
                <Table.Td>{channelName(c.channel)}</Table.Td>
                <Table.Td ta="right">{c.sent}</Table.Td>
                <Table.Td ta="right">{c.responded}</Table.Td>
                <Table.Td ta="right">{pct(percentOf(c.rate))}</Table.Td>
              </Table.Tr>
            ))}
            {trends.channels.channels.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed">{t('trends.noActions')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </>
  );
}
