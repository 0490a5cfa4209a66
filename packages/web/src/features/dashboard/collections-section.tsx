import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DrillSearch } from '../portfolio/search.ts';
import { DrillLink, paymentDrill } from './drill.tsx';
import { Section, type SectionProps } from './section.tsx';

const CHANNEL_COLORS: Readonly<Record<string, string>> = {
  portal: 'teal.6',
  ivr: 'grape.6',
  agent: 'blue.6',
  statement: 'orange.6',
  api: 'gray.6',
  manual: 'yellow.6',
  agency: 'indigo.6',
};

const CHANNELS = ['portal', 'ivr', 'agent', 'statement', 'api', 'manual', 'agency'] as const;
type Channel = (typeof CHANNELS)[number];
const channelOf = (value: string): Channel =>
  (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : 'api';

/** Money collected over the period: by day and channel, by channel, and the agents' league table. */
export function CollectionsSection({ dashboard, money, pct }: SectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const c = dashboard.collections;
  // A day's bar opens the cases paid that day (one channel when the dashboard is filtered by one).
  const openDay = (day: unknown) => {
    if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day))
      void navigate({ to: '/portfolio', search: paymentDrill(dashboard, { from: day, to: day }) });
  };
  const channels = [...new Set(c.days.map((d) => d.channel))];
  const byDay = new Map<string, Record<string, string | number>>();
  for (const day of c.days) {
    const row = byDay.get(day.day) ?? { day: day.day };
    row[day.channel] = Number(row[day.channel] ?? 0) + day.amountMinor;
    byDay.set(day.day, row);
  }
  return (
    <Section title={t('dashboard.collectionsTitle')} testId="dashboard-collections">
      {c.paymentCount === 0 ? (
        <Text c="dimmed">{t('dashboard.noPayments')}</Text>
      ) : (
        <BarChart
          h={220}
          data={[...byDay.values()]}
          dataKey="day"
          type="stacked"
          series={channels.map((channel) => ({
            name: channel,
            label: t(`payments.channel.${channelOf(channel)}`),
            color: CHANNEL_COLORS[channel] ?? 'gray.6',
          }))}
          valueFormatter={(minor) => money(minor)}
          withLegend
          barChartProps={{
            onClick: (state: { activeLabel?: unknown } | null) => openDay(state?.activeLabel),
            style: { cursor: 'pointer' },
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="md">
        <Table data-testid="dashboard-channels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.channel')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.payments')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.byChannel.map((row) => (
              <Table.Tr key={row.channel}>
                <Table.Td>
                  <DrillLink
                    search={paymentDrill(dashboard, {
                      paidChannel: row.channel as DrillSearch['paidChannel'],
                    })}
                    testId={`drill-channel-${row.channel}`}
                  >
                    {t(`payments.channel.${channelOf(row.channel)}`)}
                  </DrillLink>
                </Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
                <Table.Td ta="right">{money(row.amountMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table data-testid="dashboard-agents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('dashboard.agent')}</Table.Th>
              <Table.Th>{t('dashboard.team')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.amount')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.agents.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm">
                    {t('dashboard.noAgents')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {c.agents.map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td>{row.rank}</Table.Td>
                <Table.Td>
                  <DrillLink search={paymentDrill(dashboard, { paidBy: row.userId })}>{row.name}</DrillLink>
                </Table.Td>
                <Table.Td>{row.team ?? '—'}</Table.Td>
                <Table.Td ta="right">{money(row.amountMinor)}</Table.Td>
                <Table.Td ta="right">{pct(row.share)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
      {c.byStrategy.length > 0 && (
        <Table mt="md" data-testid="dashboard-strategies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drill.strategy')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.byStrategy.map((row) => (
              <Table.Tr key={row.strategyKey}>
                <Table.Td>
                  {row.strategyKey === '' ? (
                    '—'
                  ) : (
                    <DrillLink search={paymentDrill(dashboard, { paidStrategy: row.strategyKey })}>
                      {row.strategyKey}
                    </DrillLink>
                  )}
                </Table.Td>
                <Table.Td ta="right">{money(row.amountMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
