import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type ReviewAction, reviewQueueQuery } from './api.ts';
import { ReviewButtons } from './review-buttons.tsx';

function ReviewTable({ actions }: { readonly actions: readonly ReviewAction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label={t('review.tableLabel')} verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.debtor')}</Table.Th>
            <Table.Th>{t('review.creditor')}</Table.Th>
            <Table.Th>{t('review.channel')}</Table.Th>
            <Table.Th>{t('review.step')}</Table.Th>
            <Table.Th>{t('review.plannedOn')}</Table.Th>
            <Table.Th>{t('review.scheduledAt')}</Table.Th>
            <Table.Th>{t('review.reason')}</Table.Th>
            <Table.Th>{t('review.decision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr
              key={action.id}
              style={{ verticalAlign: 'top' }}
              data-action={action.id}
              data-channel={action.channel}
            >
              <Table.Td>
                <AnchorLink
                  to="/cases/$caseId"
                  params={{ caseId: action.caseId }}
                  size="sm"
                  fw={500}
                  title={t('review.openCase')}
                >
                  {action.debtorName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {action.creditorRef}
                </Text>
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
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(action.plannedOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(action.scheduledAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{action.reasonText}</Text>
              </Table.Td>
              <Table.Td>
                <ReviewButtons actionId={action.id} caseId={action.caseId} channel={action.channel} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The Runs page's to-do list: the actions of "review before send" steps, each approved or cancelled here. */
export function ReviewQueue() {
  const { t } = useTranslation();
  const format = useFormat();
  const queue = useQuery(reviewQueueQuery);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-title" data-testid="review-queue">
      <Group gap="xs">
        <Title order={2} fz="lg" id="review-title">
          {t('review.title')}
        </Title>
        {queue.data && queue.data.length > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {format.integer(queue.data.length)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('review.hint')}
      </Text>
      {queue.isPending && <LoadingState />}
      {queue.isError && !queue.data && (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      )}
      {queue.data && queue.data.length === 0 && (
        <EmptyState title={t('review.empty')} hint={t('review.emptyHint')} />
      )}
      {queue.data && queue.data.length > 0 && <ReviewTable actions={queue.data} />}
    </Paper>
  );
}
