import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { Stat } from '../../app/ui/stat.tsx';
import { type ImportResult, type RowIssue, rejectionsCsvUrl } from './api.ts';
import { useFieldName } from './field-label.tsx';

const SHOWN_ISSUES = 200;

/** The rows of a file that were rejected, or kept with something to check. */
function IssuesTable({
  issues,
  labelledBy,
}: {
  readonly issues: readonly RowIssue[];
  readonly labelledBy: string;
}) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-labelledby={labelledBy}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('imports.result.row')}</Table.Th>
              <Table.Th w="25%">{t('imports.result.column')}</Table.Th>
              <Table.Th>{t('imports.result.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.slice(0, SHOWN_ISSUES).map((issue) => (
              <Table.Tr key={`${issue.row}-${issue.column}-${issue.reason}`} data-reason={issue.reason}>
                <Table.Td>{issue.row}</Table.Td>
                <Table.Td>{issue.column ? fieldName(issue.column) : '—'}</Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {issues.length > SHOWN_ISSUES && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('imports.result.moreInFile', { count: issues.length - SHOWN_ISSUES })}
        </Text>
      )}
    </>
  );
}

export function ImportResultView({
  result,
  onAgain,
}: {
  readonly result: ImportResult;
  readonly onAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasRejections = result.rejected > 0;
  const warnings = result.warnings ?? [];
  const downloadUrl = result.rejectionsCsvUrl ?? rejectionsCsvUrl(result.importId);

  return (
    <Stack gap="md" component="section" aria-labelledby="import-result-title">
      <Alert
        color={hasRejections ? 'orange' : 'teal'}
        title={<span id="import-result-title">{t('imports.result.title')}</span>}
        role="status"
      >
        {t('imports.result.summary', { count: result.totalRows, file: result.fileName })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Stat label={t('imports.result.totalRows')} value={format.integer(result.totalRows)} />
        <Stat label={t('imports.result.inserted')} value={format.integer(result.inserted)} />
        <Stat label={t('imports.result.updated')} value={format.integer(result.updated)} />
        <Stat label={t('imports.result.unchanged')} value={format.integer(result.unchanged)} />
        <Stat
          label={t('imports.result.rejected')}
          value={
            <Text span inherit c={hasRejections ? 'red.7' : undefined} data-testid="rejected-count">
              {format.integer(result.rejected)}
            </Text>
          }
        />
      </SimpleGrid>
      {hasRejections && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} fz="md" id="rejections-title">
              {t('imports.result.rejectionsTitle', { count: result.rejected })}
            </Title>
            <Button component="a" href={downloadUrl} download variant="light" size="xs">
              {t('imports.result.download')}
            </Button>
          </Group>
          <IssuesTable issues={result.rejections} labelledBy="rejections-title" />
        </Paper>
      )}
      {warnings.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} fz="md" mb="sm" id="warnings-title">
            {t('imports.result.warningsTitle', { count: result.warned ?? warnings.length })}
          </Title>
          <IssuesTable issues={warnings} labelledBy="warnings-title" />
        </Paper>
      )}
      <Group>
        <Button variant="default" onClick={onAgain}>
          {t('imports.result.again')}
        </Button>
      </Group>
    </Stack>
  );
}
