import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterRate, type RateRow, type RateTable, ratesQuery } from './rates-api.ts';

type Draft = {
  readonly ratePercent: string;
  readonly individual: string;
  readonly otherCases: string;
  readonly referenceDate: string;
  readonly source: string;
};

const EMPTY: Draft = { ratePercent: '', individual: '', otherCases: '', referenceDate: '', source: '' };

function rateText(row: RateRow): string {
  if (row.table === 'fr-legal-rate') return `${row.individual ?? '—'} % / ${row.otherCases ?? '—'} %`;
  return `${row.ratePercent ?? '—'} %`;
}

/**
 * The late-interest rate tables: the semesters shipped with Relance (sourced) and those the administrator
 * entered from the official text, and a form for a semester still missing (a case whose interest crosses it
 * shows the missing rate, never a zero).
 */
export function RatesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery(ratesQuery);
  const [choice, setChoice] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const save = useMutation({
    mutationFn: ({ table, period }: { table: RateTable; period: string }) =>
      enterRate(table, period, {
        ...(table === 'fr-legal-rate'
          ? { individual: draft.individual.trim(), otherCases: draft.otherCases.trim() }
          : { ratePercent: draft.ratePercent.trim() }),
        ...(table === 'uk-boe-reference' ? { referenceDate: draft.referenceDate.trim() } : {}),
        source: draft.source,
      }),
    meta: { silent: true },
    onSuccess: async () => {
      setDraft(EMPTY);
      setChoice(null);
      await queryClient.invalidateQueries({ queryKey: ratesQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  if (!data) return null;
  const options = data.missing.map((m) => ({
    value: `${m.table} ${m.period}`,
    label: `${t(`rates.tables.${m.table}`)} — ${m.period}`,
  }));
  const [table, period] = (choice ?? '').split(' ') as [RateTable | '', string | undefined];
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setDraft({ ...draft, [key]: event.currentTarget.value }),
  });

  return (
    <Stack gap="md" data-testid="rates-section">
      <Text size="sm" c="dimmed">
        {t('rates.intro')}
      </Text>
      {data.missing.length > 0 ? (
        <Alert color="yellow" title={t('rates.missingTitle', { count: data.missing.length })}>
          <Stack gap="sm">
            <Text size="sm">{t('rates.missingText')}</Text>
            <Select
              label={t('rates.semester')}
              data={options}
              value={choice}
              onChange={(value) => {
                setChoice(value);
                save.reset();
              }}
              data-testid="rates-missing-select"
            />
            {table !== '' && period && (
              <Stack gap="xs">
                {table === 'fr-legal-rate' ? (
                  <Group grow>
                    <TextInput label={t('rates.individual')} placeholder="6.60" {...field('individual')} />
                    <TextInput label={t('rates.otherCases')} placeholder="2.50" {...field('otherCases')} />
                  </Group>
                ) : (
                  <Group grow>
                    <TextInput label={t('rates.rate')} placeholder="2.15" {...field('ratePercent')} />
                    {table === 'uk-boe-reference' && (
                      <TextInput
                        label={t('rates.referenceDate')}
                        placeholder="2026-06-30"
                        {...field('referenceDate')}
                      />
                    )}
                  </Group>
                )}
                <TextInput
                  label={t('rates.source')}
                  description={t('rates.sourceHint')}
                  {...field('source')}
                />
                {save.error && (
                  <Alert color="red" data-testid="rates-error">
                    {save.error.message}
                  </Alert>
                )}
                <Group>
                  <Button loading={save.isPending} onClick={() => save.mutate({ table, period })}>
                    {t('rates.save')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Alert>
      ) : (
        <Alert color="green">{t('rates.complete')}</Alert>
      )}
      <Title order={4}>{t('rates.tableTitle')}</Title>
      <Table striped data-testid="rates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rates.semester')}</Table.Th>
            <Table.Th>{t('rates.table')}</Table.Th>
            <Table.Th>{t('rates.rate')}</Table.Th>
            <Table.Th>{t('rates.sourceColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rates.map((row) => (
            <Table.Tr key={`${row.table} ${row.period}`}>
              <Table.Td>{row.period}</Table.Td>
              <Table.Td>{t(`rates.tables.${row.table}`)}</Table.Td>
              <Table.Td>{rateText(row)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {row.origin === 'entered' && (
                    <Badge color="blue">{t('rates.entered', { name: row.enteredBy ?? '' })}</Badge>
                  )}
                  {row.status === 'derived' && <Badge color="gray">{t('rates.derived')}</Badge>}
                  <Text size="xs" c="dimmed">
                    {row.source}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
