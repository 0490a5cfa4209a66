import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { ActionStatusBadge, StageBadge, useChannelName } from '../../app/ui/engine.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { Stat } from '../../app/ui/stat.tsx';
import { EmptyState } from '../../app/ui/states.tsx';
import type { PreviewAction, RunReport } from './api.ts';
import { previewReasonText } from './reason-text.ts';

/** Counts, largest first. */
function sortedCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function PreviewTable({ actions }: { readonly actions: readonly PreviewAction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const describe = { t, date: format.date, channel: channelName };
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label={t('runs.preview.tableLabel')} verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('runs.preview.case')}</Table.Th>
            <Table.Th>{t('runs.preview.channel')}</Table.Th>
            <Table.Th>{t('runs.preview.step')}</Table.Th>
            <Table.Th>{t('runs.preview.status')}</Table.Th>
            <Table.Th>{t('runs.preview.scheduledAt')}</Table.Th>
            <Table.Th>{t('runs.preview.reason')}</Table.Th>
            <Table.Th>{t('runs.preview.compliance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action, index) => (
            <Table.Tr
              // biome-ignore lint/suspicious/noArrayIndexKey: a case may get the same channel twice in a preview
              key={`${action.caseId}-${index}`}
              style={{ verticalAlign: 'top' }}
              data-channel={action.channel}
            >
              <Table.Td>
                <AnchorLink
                  to="/cases/$caseId"
                  params={{ caseId: action.caseId }}
                  size="sm"
                  ff="monospace"
                  title={t('runs.preview.openCase')}
                >
                  {action.caseId.slice(0, 8)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{channelName(action.channel)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {action.template}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {action.stepKey ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActionStatusBadge status={action.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(action.scheduledAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{previewReasonText(action.reason, format.language, describe)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={action.gate.kind === 'blocked' ? 'red.8' : 'dimmed'}>
                  {action.gate.explanation[format.language]}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What a run decided (or would decide): totals, actions by channel, cases by stage, the first actions. */
export function RunReportView({ report, title }: { readonly report: RunReport; readonly title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const channels = sortedCounts(report.byChannel);
  const stages = sortedCounts(report.byStage);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="run-report-title" data-testid="run-report">
      <Stack gap="md">
        <Title order={2} fz="lg" id="run-report-title">
          {title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Stat label={t('runs.preview.cases')} value={format.integer(report.cases)} />
          <Stat label={t('runs.preview.actions')} value={format.integer(report.actions)} />
          <Stat label={t('runs.preview.blocked')} value={format.integer(report.blocked)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('runs.preview.byChannel')}
            </Text>
            <Group gap={6} data-testid="run-by-channel">
              {channels.length === 0 && (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
              {channels.map(([channel, count]) => (
                <Badge key={channel} variant="default" tt="none" size="lg" fw={500} data-channel={channel}>
                  {channelName(channel)} · {format.integer(count)}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('runs.preview.byStage')}
            </Text>
            <Group gap={6}>
              {stages.length === 0 && (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
              {stages.map(([stage, count]) => (
                <Group key={stage} gap={4} wrap="nowrap">
                  <StageBadge stage={stage} />
                  <Text size="sm">{format.integer(count)}</Text>
                </Group>
              ))}
            </Group>
          </Stack>
        </SimpleGrid>
        {report.dryRun && report.preview.length === 0 && <EmptyState title={t('runs.preview.noActions')} />}
        {report.preview.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('runs.preview.firstActions', { count: report.preview.length })}
            </Text>
            <PreviewTable actions={report.preview} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
