import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { Stat } from '../../app/ui/stat.tsx';
import { type ImportResult, rejectionsCsvUrl } from './api.ts';
import { useFieldName } from './field-label.tsx';

const SHOWN_REJECTIONS = 200;

export function ImportResultView({
  result,
  onAgain,
}: {
  readonly result: ImportResult;
  readonly onAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldName = useFieldName();
  const hasRejections = result.rejected > 0;

  return (
    <Stack gap="md" component="section" aria-labelledby="import-result-title">
      <Alert
        color={hasRejections ? 'orange' : 'teal'}
        title={<span id="import-result-title">{t('imports.result.title')}</span>}
        role="status"
      >
        {t('imports.result.summary', { count: result.totalRows })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Stat label={t('imports.result.totalRows')} value={format.integer(result.totalRows)} />
        <Stat label={t('imports.result.inserted')} value={format.integer(result.inserted)} />
        <Stat label={t('imports.result.updated')} value={format.integer(result.updated)} />
        <Stat label={t('imports.result.unchanged')} value={format.integer(result.unchanged)} />
        <Stat
          label={t('imports.result.rejected')}
          value={
            <Text span inherit c={hasRejections ? 'red.7' : undefined}>
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
            <Button component="a" href={rejectionsCsvUrl(result.importId)} download variant="light" size="xs">
              {t('imports.result.download')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={600}>
            <Table striped aria-labelledby="rejections-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('imports.result.row')}</Table.Th>
                  <Table.Th w="25%">{t('imports.result.column')}</Table.Th>
                  <Table.Th>{t('imports.result.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rejections.slice(0, SHOWN_REJECTIONS).map((rejection) => (
                  <Table.Tr key={`${rejection.row}-${rejection.column ?? ''}-${rejection.reason}`}>
                    <Table.Td>{rejection.row}</Table.Td>
                    <Table.Td>{rejection.column ? fieldName(rejection.column) : '—'}</Table.Td>
                    <Table.Td>{rejection.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {result.rejections.length > SHOWN_REJECTIONS && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('imports.result.moreInFile', { count: result.rejections.length - SHOWN_REJECTIONS })}
            </Text>
          )}
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
