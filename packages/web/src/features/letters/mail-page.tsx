import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canManageStrategies, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { batchFileUrl, buildPrintBatch, documentUrl, postalItemsQuery, printBatchesQuery } from './api.ts';
import { RegisteredLetters } from './registered-letters.tsx';

function ToPrint({ canBuild }: { readonly canBuild: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const waiting = useQuery(postalItemsQuery('to_print'));
  const build = useMutation({
    mutationFn: buildPrintBatch,
    onSuccess: async (result) => {
      notifications.show({
        color: result.batch ? 'teal' : 'gray',
        message: result.batch
          ? t('letters.toPrint.built', { letters: result.batch.letters, pages: result.batch.pages })
          : t('letters.toPrint.nothing'),
      });
      await queryClient.invalidateQueries({ queryKey: ['postal-items'] });
      await queryClient.invalidateQueries({ queryKey: ['print-batches'] });
    },
  });
  const items = waiting.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="to-print-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="to-print-title">
          {t('letters.toPrint.title')}
        </Title>
        {canBuild && (
          <Button onClick={() => build.mutate()} loading={build.isPending} disabled={items.length === 0}>
            {t('letters.toPrint.build')}
          </Button>
        )}
      </Group>
      {waiting.isPending ? (
        <LoadingState />
      ) : waiting.isError ? (
        <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('letters.toPrint.empty')} />
      ) : (
        <Table striped aria-label={t('letters.toPrint.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.columns.reference')}</Table.Th>
              <Table.Th>{t('letters.columns.kind')}</Table.Th>
              <Table.Th>{t('letters.columns.debtor')}</Table.Th>
              <Table.Th>{t('letters.columns.producedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.itemId}>
                <Table.Td>
                  <Anchor href={documentUrl(item.documentId)}>{item.reference}</Anchor>
                </Table.Td>
                <Table.Td>{t(`letters.kind.${item.kind}`)}</Table.Td>
                <Table.Td>{item.debtorName}</Table.Td>
                <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Batches() {
  const { t } = useTranslation();
  const format = useFormat();
  const batches = useQuery(printBatchesQuery);
  const items = batches.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batches-title">
      <Title order={2} fz="lg" id="batches-title" mb="sm">
        {t('letters.batches.title')}
      </Title>
      {batches.isPending ? (
        <LoadingState />
      ) : batches.isError ? (
        <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('letters.batches.empty')} />
      ) : (
        <Table striped aria-label={t('letters.batches.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.batches.on')}</Table.Th>
              <Table.Th>{t('letters.batches.letters')}</Table.Th>
              <Table.Th>{t('letters.batches.createdAt')}</Table.Th>
              <Table.Th>{t('letters.batches.files')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((batch) => (
              <Table.Tr key={batch.batchId}>
                <Table.Td>{format.date(batch.on)}</Table.Td>
                <Table.Td>{format.integer(batch.letters)}</Table.Td>
                <Table.Td>{format.dateTime(batch.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap="md">
                    <Anchor href={batchFileUrl(batch.batchId, 'letters.pdf')}>
                      {t('letters.batches.pdf')}
                    </Anchor>
                    <Anchor href={batchFileUrl(batch.batchId, 'manifest.csv')}>
                      {t('letters.batches.manifest')}
                    </Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Courrier / Mail: the letters to print today, the print batches, the registered letters' tracking. */
export function MailPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const canWrite = canManageStrategies(user);
  return (
    <Stack gap="lg">
      <PageHeader title={t('letters.title')} subtitle={t('letters.subtitle')} />
      <ToPrint canBuild={canWrite} />
      <Batches />
      <RegisteredLetters canEdit={canWrite} />
      <Text size="xs" c="dimmed">
        {t('letters.cliHint')}
      </Text>
    </Stack>
  );
}
