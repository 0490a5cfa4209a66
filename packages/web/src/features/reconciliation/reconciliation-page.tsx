import { Alert, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type ImportSummary, importsQuery, type LineStatus, linesQuery } from './api.ts';
import { LineCard } from './line-card.tsx';
import { UploadStatement } from './upload-statement.tsx';

const FILTERS = ['to-finish', 'review', 'ambiguous', 'unmatched', 'matched', 'reversal', 'ignored'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * Reconciliation (supervisors): bank statements imported, and the lines the rules left for a person — each
 * with its amount, date, payer, remittance, and the cases it may pay with their reasons — matched by hand
 * (a proposed case, or one found by the portfolio's search) or set aside.
 */
export function ReconciliationPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('to-finish');
  const [last, setLast] = useState<ImportSummary | null>(null);
  const status: LineStatus | undefined = filter === 'to-finish' ? undefined : filter;
  const lines = useQuery(linesQuery(status, i18n.language));
  const toFinish = lines.data?.toFinish;
  const total = toFinish ? toFinish.review + toFinish.ambiguous + toFinish.unmatched : 0;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('reconciliation.title')}
        subtitle={t('reconciliation.subtitle')}
        actions={<UploadStatement onImported={setLast} />}
      />
      {last && (
        <Alert color="blue" data-testid="last-import" withCloseButton onClose={() => setLast(null)}>
          {t('reconciliation.lastImport', {
            file: last.fileName,
            lines: last.lineCount,
            fresh: last.newCount,
            matched: last.statuses.matched,
            toFinish: last.statuses.review + last.statuses.ambiguous + last.statuses.unmatched,
          })}
        </Alert>
      )}
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        data={FILTERS.map((f) => ({
          value: f,
          label:
            f === 'to-finish'
              ? t('reconciliation.toFinish', { count: total })
              : t(`reconciliation.status.${f}`),
        }))}
        aria-label={t('reconciliation.filter')}
        style={{ alignSelf: 'flex-start' }}
      />
      {lines.isPending && <LoadingState />}
      {lines.isError && <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />}
      {lines.data && lines.data.lines.length === 0 && (
        <EmptyState title={t('reconciliation.empty')} hint={t('reconciliation.emptyHint')} />
      )}
      {lines.data?.lines.map((line) => (
        <LineCard key={line.lineId} line={line} />
      ))}
      <RecentImports />
    </Stack>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const imports = useQuery(importsQuery);
  if (!imports.data || imports.data.imports.length === 0) return null;
  return (
    <Stack gap="xs" mt="lg">
      <Title order={2} fz="lg">
        {t('reconciliation.imports.title')}
      </Title>
      <Table data-testid="statement-imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reconciliation.imports.file')}</Table.Th>
            <Table.Th>{t('reconciliation.imports.at')}</Table.Th>
            <Table.Th ta="right">{t('reconciliation.imports.lines')}</Table.Th>
            <Table.Th ta="right">{t('reconciliation.status.matched')}</Table.Th>
            <Table.Th ta="right">{t('reconciliation.imports.toFinish')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.data.imports.map((i) => (
            <Table.Tr key={i.importId}>
              <Table.Td>
                <Text size="sm">{i.fileName}</Text>
                <Text size="xs" c="dimmed">
                  {i.format}
                </Text>
              </Table.Td>
              <Table.Td>{format.dateTime(i.importedAt)}</Table.Td>
              <Table.Td ta="right">
                {format.integer(i.newCount)} / {format.integer(i.lineCount)}
              </Table.Td>
              <Table.Td ta="right">{format.integer(i.statuses.matched)}</Table.Td>
              <Table.Td ta="right">
                {format.integer(i.statuses.review + i.statuses.ambiguous + i.statuses.unmatched)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
