import { BarChart } from '@mantine/charts';
import { Alert, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import {
  type AgencyFigures,
  type CollectionsReport,
  comparisonQuery,
  importAgencyReport,
  outsideAgenciesQuery,
} from './api.ts';

type Row = {
  readonly key:
    | 'cases'
    | 'handed'
    | 'collected'
    | 'recoveryAmount'
    | 'recoveryCount'
    | 'daysFirst'
    | 'daysFull'
    | 'fees'
    | 'costPer100'
    | 'net';
  readonly value: (f: AgencyFigures, currency: string) => string;
};

/** The agencies a creditor hands cases to, side by side on the same figures (recovery, speed, cost). */
export function ComparisonSection({ canManage }: { readonly canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const comparison = useQuery(comparisonQuery({}));
  const pct = (p: string | null) =>
    p === null ? '—' : `${format.language === 'fr' ? p.replace('.', ',') : p} %`;
  const days = (d: number | null) => (d === null ? '—' : t('agency.compare.daysValue', { count: d }));
  const rows: readonly Row[] = [
    { key: 'cases', value: (f) => format.integer(f.cases) },
    { key: 'handed', value: (f, c) => format.money(f.handedMinor, c) },
    { key: 'collected', value: (f, c) => format.money(f.collectedMinor, c) },
    { key: 'recoveryAmount', value: (f) => pct(f.recoveryByAmount.percent) },
    { key: 'recoveryCount', value: (f) => pct(f.recoveryByCount.percent) },
    { key: 'daysFirst', value: (f) => days(f.medianDaysToFirstPayment) },
    { key: 'daysFull', value: (f) => days(f.medianDaysToFullPayment) },
    { key: 'fees', value: (f, c) => format.money(f.feesMinor, c) },
    {
      key: 'costPer100',
      value: (f, c) => (f.costPer100Minor === null ? '—' : format.money(f.costPer100Minor, c)),
    },
    { key: 'net', value: (f, c) => format.money(f.netMinor, c) },
  ];
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="agency-compare-title"
      data-testid="agency-comparison"
    >
      <Stack gap="sm">
        <Title order={2} fz="lg" id="agency-compare-title">
          {t('agency.compare.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('agency.compare.intro')}
        </Text>
        {comparison.isPending && <LoadingState />}
        {comparison.isError && (
          <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
        )}
        {comparison.data && comparison.data.agencies.length === 0 && (
          <EmptyState title={t('agency.compare.none')} />
        )}
        {comparison.data && comparison.data.agencies.length > 0 && (
          <>
            <Table.ScrollContainer minWidth={600}>
              <Table striped withColumnBorders data-testid="comparison-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {comparison.data.agencies.map((a) => (
                      <Table.Th
                        key={`${a.agency.agencyId}-${a.currency}`}
                        ta="right"
                        data-testid={`agency-col-${a.agency.key}`}
                      >
                        {a.agency.name}
                        {comparison.data.agencies.some((x) => x.currency !== a.currency) &&
                          ` (${a.currency})`}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.key} data-testid={`comparison-${row.key}`}>
                      <Table.Th scope="row">{t(`agency.compare.${row.key}`)}</Table.Th>
                      {comparison.data.agencies.map((a) => (
                        <Table.Td
                          key={`${a.agency.agencyId}-${a.currency}`}
                          ta="right"
                          data-agency={a.agency.key}
                        >
                          {row.value(a.figures, a.currency)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <BarChart
              h={220}
              data={comparison.data.agencies.map((a) => ({
                agency: a.agency.name,
                recovery: Number(a.figures.recoveryByAmount.percent ?? 0),
                cost: a.figures.costPer100Minor === null ? 0 : a.figures.costPer100Minor / 100,
              }))}
              dataKey="agency"
              series={[
                { name: 'recovery', label: t('agency.compare.recoveryAmount'), color: 'teal.6' },
                { name: 'cost', label: t('agency.compare.costPer100'), color: 'orange.6' },
              ]}
              withLegend
            />
            {comparison.data.byMonth.length > 0 && (
              <Table striped data-testid="comparison-months">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agency.compare.month')}</Table.Th>
                    <Table.Th>{t('agency.compare.agency')}</Table.Th>
                    <Table.Th ta="right">{t('agency.compare.cases')}</Table.Th>
                    <Table.Th ta="right">{t('agency.compare.handed')}</Table.Th>
                    <Table.Th ta="right">{t('agency.compare.collected')}</Table.Th>
                    <Table.Th ta="right">{t('agency.compare.recoveryAmount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {comparison.data.byMonth.map((m) => (
                    <Table.Tr key={`${m.month}-${m.agencyId}-${m.currency}`}>
                      <Table.Td>{m.month}</Table.Td>
                      <Table.Td>
                        {comparison.data.agencies.find((a) => a.agency.agencyId === m.agencyId)?.agency.name}
                      </Table.Td>
                      <Table.Td ta="right">{format.integer(m.figures.cases)}</Table.Td>
                      <Table.Td ta="right">{format.money(m.figures.handedMinor, m.currency)}</Table.Td>
                      <Table.Td ta="right">{format.money(m.figures.collectedMinor, m.currency)}</Table.Td>
                      <Table.Td ta="right">{pct(m.figures.recoveryByAmount.percent)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
        {canManage && <AgencyForms />}
      </Stack>
    </Paper>
  );
}

/** Import what an agency reports as collected (CSV). */
function AgencyForms() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery(outsideAgenciesQuery);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CollectionsReport | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['agency'] });
  const upload = useMutation({
    mutationFn: () =>
      agencyId && file ? importAgencyReport(agencyId, file) : Promise.reject(new Error('none')),
    onSuccess: async (answer) => {
      setReport(answer);
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Stack gap="sm" mt="sm">
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('agency.compare.reportOf')}
          value={agencyId}
          onChange={setAgencyId}
          data={(agencies.data ?? []).map((a) => ({ value: a.agencyId, label: a.name }))}
          w={220}
        />
        <FileInput
          label={t('agency.compare.reportFile')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          w={260}
        />
        <Button onClick={() => upload.mutate()} disabled={!agencyId || !file} loading={upload.isPending}>
          {t('agency.compare.import')}
        </Button>
      </Group>
      {report && (
        <Alert color={report.refused > 0 || (report.unreadable?.length ?? 0) > 0 ? 'orange' : 'green'}>
          {t('agency.compare.imported', {
            booked: report.booked,
            repeated: report.repeated,
            refused: report.refused + (report.unreadable?.length ?? 0),
          })}
          {report.lines
            .filter((l) => l.status === 'refused')
            .map((l) => (
              <Text size="sm" key={`${l.row}-${l.message}`}>
                {t('agency.compare.row', { row: l.row })} {l.message}
              </Text>
            ))}
        </Alert>
      )}
    </Stack>
  );
}
