import { Button, Group, NativeSelect, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { sessionQuery } from '../../app/session.ts';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { agentLabel, agentsQuery, assignTask, openQueueQuery, type QueueEntry } from './queue-api.ts';

/** "+40 amount · +13 contact · …": the parts of a priority, for the supervisor reading the queue. */
function scoreText(entry: QueueEntry, language: 'fr' | 'en'): string {
  return [...entry.scoreParts]
    .sort((a, b) => b.points - a.points)
    .map((part) => `${part.points >= 0 ? '+' : ''}${part.points} ${part.detail[language]}`)
    .join('\n');
}

/**
 * The supervisor's view of the open calls, in hand-out order: why each is where it is, who holds it, who it
 * is kept for; a call can be given to an agent or a supervisor, or put back in the queue.
 */
export function QueuePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const queue = useQuery(openQueueQuery);
  const { data: user } = useQuery(sessionQuery);
  // GET /queue/agents answers supervisors and admins (the users list is the administrators' only).
  const agents = useQuery({
    ...agentsQuery,
    enabled: user?.role === 'admin' || user?.role === 'supervisor',
  });
  const assign = useMutation({
    mutationFn: ({ taskId, agentId }: { taskId: string; agentId: string | null }) =>
      assignTask(taskId, agentId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: openQueueQuery.queryKey }),
  });
  const name = (id: string | null) =>
    id === null ? '—' : (agents.data?.find((agent) => agent.id === id)?.name ?? t('workspace.queue.someone'));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="queue-title" data-testid="queue-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="queue-title">
          {t('workspace.queue.title')}
        </Title>
        {queue.data && (
          <Text size="sm" c="dimmed">
            {t('workspace.queue.count', { count: queue.data.length })}
          </Text>
        )}
      </Group>
      {queue.isPending && <LoadingState />}
      {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data?.length === 0 && <EmptyState title={t('workspace.queue.empty')} />}
      {queue.data && queue.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('workspace.queue.tableLabel')} verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workspace.queue.debtor')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('workspace.queue.priority')}</Table.Th>
                <Table.Th>{t('workspace.queue.window')}</Table.Th>
                <Table.Th>{t('workspace.queue.routing')}</Table.Th>
                <Table.Th>{t('workspace.queue.holder')}</Table.Th>
                <Table.Th>{t('workspace.queue.pinned')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((entry) => (
                <Table.Tr key={entry.id} data-task={entry.id}>
                  <Table.Td>
                    <AnchorLink to="/cases/$caseId" params={{ caseId: entry.caseId }} size="sm">
                      {entry.debtorName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Tooltip
                      label={scoreText(entry, format.language)}
                      multiline
                      style={{ whiteSpace: 'pre-line' }}
                    >
                      <Text size="sm" fw={600} span tabIndex={0}>
                        {format.integer(entry.priority)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {format.dateTime(entry.windowStart)} – {format.dateTime(entry.windowEnd)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {[entry.team, entry.segment, entry.language].filter(Boolean).join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.lockedBy ? name(entry.lockedBy) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {agents.data && agents.data.length > 0 ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('workspace.queue.assignTo', { debtor: entry.debtorName })}
                        value={entry.pinnedTo ?? ''}
                        disabled={assign.isPending}
                        onChange={(event) =>
                          assign.mutate({ taskId: entry.id, agentId: event.currentTarget.value || null })
                        }
                        data={[
                          { value: '', label: t('workspace.queue.anyone') },
                          ...agents.data.map((agent) => ({ value: agent.id, label: agentLabel(agent) })),
                        ]}
                      />
                    ) : entry.pinnedTo ? (
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">{name(entry.pinnedTo)}</Text>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          loading={assign.isPending && assign.variables?.taskId === entry.id}
                          onClick={() => assign.mutate({ taskId: entry.id, agentId: null })}
                        >
                          {t('workspace.queue.unpin')}
                        </Button>
                      </Group>
                    ) : (
                      <Text size="sm">{t('workspace.queue.anyone')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
