import { Anchor, Badge, type MantineColor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { Pager } from '../../app/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { IMPORTS_PAGE_SIZE, type ImportSummary, importsQuery, rejectionsCsvUrl } from './api.ts';

const STATUS_COLORS: Readonly<Record<ImportSummary['status'], MantineColor>> = {
  running: 'blue',
  completed: 'teal',
  failed: 'red',
};

export function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const query = useQuery(importsQuery(page));
  const data = query.data;
  const right = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Title order={2} fz="lg" mb="sm" id="history-title">
        {t('imports.history.title')}
      </Title>
      {query.isPending && <LoadingState />}
      {query.isError && !data && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {data && data.items.length === 0 && <EmptyState title={t('imports.history.empty')} />}
      {data && data.items.length > 0 && (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-labelledby="history-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.history.date')}</Table.Th>
                  <Table.Th>{t('imports.history.file')}</Table.Th>
                  <Table.Th>{t('imports.history.creditor')}</Table.Th>
                  <Table.Th>{t('imports.history.status')}</Table.Th>
                  <Table.Th style={right}>{t('imports.result.totalRows')}</Table.Th>
                  <Table.Th style={right}>{t('imports.result.inserted')}</Table.Th>
                  <Table.Th style={right}>{t('imports.result.updated')}</Table.Th>
                  <Table.Th style={right}>{t('imports.result.unchanged')}</Table.Th>
                  <Table.Th style={right}>{t('imports.result.rejected')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(item.startedAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" title={item.error ?? undefined}>
                        {item.fileName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.creditor.name}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[item.status] ?? 'gray'} variant="light">
                        {t(`imports.status.${item.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={right}>{format.integer(item.totalRows)}</Table.Td>
                    <Table.Td style={right}>{format.integer(item.inserted)}</Table.Td>
                    <Table.Td style={right}>{format.integer(item.updated)}</Table.Td>
                    <Table.Td style={right}>{format.integer(item.unchanged)}</Table.Td>
                    <Table.Td style={right}>
                      <Text span size="sm" c={item.rejected > 0 ? 'red.7' : undefined}>
                        {format.integer(item.rejected)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {item.hasErrorFile && (
                        <Anchor href={rejectionsCsvUrl(item.id)} download size="sm">
                          {t('imports.history.rejections')}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={data.page} pageSize={IMPORTS_PAGE_SIZE} total={data.total} onPage={setPage} />
        </Stack>
      )}
    </Paper>
  );
}
