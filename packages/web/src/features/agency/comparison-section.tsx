import { BarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
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
  saveOutsideAgency,
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

/** Register an agency; import what an agency reports as collected (CSV). */
function AgencyForms() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery(outsideAgenciesQuery);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [rate, setRate] = useState('');
  const [share, setShare] = useState<number | string>(1);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CollectionsReport | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['agency'] });
  const register = useMutation({
    mutationFn: () =>
      saveOutsideAgency({
        key: key.trim(),
        name: name.trim(),
        legalId: null,
        email: null,
        commissionRate: rate.trim(),
        vatRate: '20',
        share: Number(share),
        active: true,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('agency.compare.registered') });
      setKey('');
      setName('');
      setRate('');
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const upload = useMutation({
    mutationFn: () =>
      agencyId && file ? importAgencyReport(agencyId, file) : Promise.reject(new Error('none')),
    onSuccess: async (answer) => {
      setReport(answer);
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <Stack gap="sm" mt="sm">
      <Title order={3} fz="md">
        {t('agency.compare.agencies')}
      </Title>
      <Text size="sm">
        {(agencies.data ?? [])
          .map((a) =>
            t('agency.compare.agencyLine', {
              name: a.name,
              key: a.key,
              rate: a.commissionRate,
              share: a.share,
            }),
          )
          .join(' · ')}
      </Text>
      <form onSubmit={submit} aria-label={t('agency.compare.register')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('agency.compare.key')}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            w={140}
          />
          <TextInput
            label={t('agency.compare.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t('agency.compare.rate')}
            value={rate}
            onChange={(e) => setRate(e.currentTarget.value)}
            w={120}
            rightSection="%"
          />
          <NumberInput
            label={t('agency.compare.share')}
            value={share}
            onChange={setShare}
            min={0}
            max={100}
            w={120}
          />
          <Button type="submit" variant="default" loading={register.isPending}>
            {t('agency.compare.register')}
          </Button>
        </Group>
      </form>
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
