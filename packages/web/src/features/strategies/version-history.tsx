import { Badge, Button, Code, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { sessionQuery } from '../../app/session.ts';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type StrategyVersion, strategyVersionsQuery } from './api.ts';
import type { StrategyDefinition } from './definition.ts';

type VersionHistoryProps = {
  readonly strategyKey: string;
  readonly currentVersion: number;
  readonly readOnly: boolean;
  readonly onRestore: (version: number, definition: StrategyDefinition) => void;
};

/** Every saved version, newest first; any one can be read, and loaded back into the editor. */
export function VersionHistory({ strategyKey, currentVersion, readOnly, onRestore }: VersionHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: user } = useQuery(sessionQuery);
  const query = useQuery(strategyVersionsQuery(strategyKey));
  const [shown, setShown] = useState<StrategyVersion | null>(null);
  const author = (createdBy: string | null) =>
    createdBy === null ? t('editor.history.initial') : createdBy === user?.id ? user.name : createdBy;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Title order={2} fz="lg" mb="sm" id="history-title">
        {t('editor.history.title')}
      </Title>
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.length === 0 && <EmptyState title={t('strategies.empty')} />}
      {query.data && query.data.length > 0 && (
        <Table aria-label={t('editor.history.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('editor.history.version')}</Table.Th>
              <Table.Th>{t('editor.history.date')}</Table.Th>
              <Table.Th>{t('editor.history.by')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((item) => (
              <Table.Tr key={item.version} data-version={item.version}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {t('strategies.version', { version: item.version })}
                    </Text>
                    {item.version === currentVersion && (
                      <Badge color="teal" variant="light" tt="none">
                        {t('editor.history.inUse')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(item.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{author(item.createdBy)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setShown(item)}>
                      {t('editor.history.view', { version: item.version })}
                    </Button>
                    {!readOnly && item.version !== currentVersion && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => onRestore(item.version, item.definition)}
                      >
                        {t('editor.history.restore')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown ? t('strategies.version', { version: shown.version }) : ''}
        size="xl"
      >
        {shown && (
          <Code block style={{ maxHeight: '70vh', overflow: 'auto' }}>
            {JSON.stringify(shown.definition, null, 2)}
          </Code>
        )}
      </Modal>
    </Paper>
  );
}
