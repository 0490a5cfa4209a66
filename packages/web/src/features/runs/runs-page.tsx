import {
  Alert,
  Badge,
  Button,
  Group,
  type MantineColor,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { localIsoDate } from '../../app/format/dates.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { canManageStrategies, canReadStrategies, canReviewActions, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { ReviewQueue } from '../review/review-queue.tsx';
import { type RunReport, type RunSummary, runDay, runsQuery } from './api.ts';
import { RunReportView } from './run-report.tsx';

const RUN_STATUSES = ['running', 'completed', 'failed'] as const;
const STATUS_COLORS: Readonly<Record<(typeof RUN_STATUSES)[number], MantineColor>> = {
  running: 'blue',
  completed: 'teal',
  failed: 'red',
};
const TRIGGERS = ['schedule', 'manual'] as const;

function RunsTable({ runs }: { readonly runs: readonly RunSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const right = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped aria-label={t('runs.history.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('runs.history.runOn')}</Table.Th>
            <Table.Th>{t('runs.history.trigger')}</Table.Th>
            <Table.Th>{t('runs.history.status')}</Table.Th>
            <Table.Th>{t('runs.history.startedAt')}</Table.Th>
            <Table.Th>{t('runs.history.finishedAt')}</Table.Th>
            <Table.Th style={right}>{t('runs.history.cases')}</Table.Th>
            <Table.Th style={right}>{t('runs.history.actions')}</Table.Th>
            <Table.Th style={right}>{t('runs.history.blocked')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(run.runOn)}</Table.Td>
              <Table.Td>
                {includes(TRIGGERS, run.trigger) ? t(`runs.trigger.${run.trigger}`) : run.trigger}
              </Table.Td>
              <Table.Td>
                <Badge
                  color={includes(RUN_STATUSES, run.status) ? STATUS_COLORS[run.status] : 'gray'}
                  variant="light"
                  tt="none"
                >
                  {includes(RUN_STATUSES, run.status) ? t(`runs.status.${run.status}`) : run.status}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(run.startedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(run.finishedAt)}</Table.Td>
              <Table.Td style={right}>{format.integer(run.cases)}</Table.Td>
              <Table.Td style={right}>{format.integer(run.actions)}</Table.Td>
              <Table.Td style={right}>
                <Text span size="sm" c={run.blocked > 0 ? 'red.7' : undefined}>
                  {format.integer(run.blocked)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PreviewDay() {
  const { t } = useTranslation();
  const format = useFormat();
  const [date, setDate] = useState(() => localIsoDate());
  const preview = useMutation({ mutationFn: runDay, meta: { silent: true } });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (date) preview.mutate({ date, dryRun: true });
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
        <Title order={2} fz="lg" id="preview-title">
          {t('runs.preview.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('runs.preview.hint')}
        </Text>
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t('runs.preview.date')}
              value={date}
              required
              onChange={(event) => setDate(event.currentTarget.value)}
              w={200}
            />
            <Button type="submit" loading={preview.isPending} disabled={!date}>
              {t('runs.preview.submit')}
            </Button>
          </Group>
        </form>
        {preview.isError && (
          <Alert color="red" role="alert" title={t('errors.title')} mt="sm">
            {errorMessage(preview.error)}
          </Alert>
        )}
      </Paper>
      {preview.data && (
        <RunReportView
          report={preview.data}
          title={t('runs.preview.resultTitle', { date: format.date(preview.data.runOn) })}
        />
      )}
    </Stack>
  );
}

function RunTodayButton({ onDone }: { readonly onDone: (report: RunReport) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const run = useMutation({
    mutationFn: () => runDay({ dryRun: false }),
    onSuccess: (report) => {
      close();
      onDone(report);
      notifications.show({
        color: 'teal',
        title: t('runs.done', { date: format.date(report.runOn) }),
        message: t('runs.doneText', {
          cases: format.integer(report.cases),
          actions: format.integer(report.actions),
          blocked: format.integer(report.blocked),
        }),
      });
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      void queryClient.invalidateQueries({ queryKey: ['actions'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['case'] });
      void queryClient.invalidateQueries({ queryKey: ['strategies'] });
    },
  });
  return (
    <>
      <Button onClick={open}>{t('runs.runToday')}</Button>
      <Modal opened={opened} onClose={close} title={t('runs.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('runs.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={run.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => run.mutate()} loading={run.isPending} data-autofocus>
              {t('runs.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function RunsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: user } = useQuery(sessionQuery);
  const allowed = canReadStrategies(user);
  const manager = canManageStrategies(user);
  const runs = useQuery({ ...runsQuery, enabled: allowed });
  const [lastRun, setLastRun] = useState<RunReport | null>(null);

  if (!allowed) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('runs.title')} subtitle={t('runs.subtitle')} />
        <Alert color="gray" title={t('runs.forbiddenTitle')}>
          {t('runs.forbidden')}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('runs.title')}
        subtitle={t('runs.subtitle')}
        actions={manager ? <RunTodayButton onDone={setLastRun} /> : undefined}
      />
      {lastRun && (
        <RunReportView report={lastRun} title={t('runs.done', { date: format.date(lastRun.runOn) })} />
      )}
      {canReviewActions(user) && <ReviewQueue />}
      {manager && <PreviewDay />}
      <Paper withBorder p="md" component="section" aria-labelledby="runs-title">
        <Title order={2} fz="lg" mb="sm" id="runs-title">
          {t('runs.history.title')}
        </Title>
        {runs.isPending && <LoadingState />}
        {runs.isError && !runs.data && <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />}
        {runs.data && runs.data.length === 0 && <EmptyState title={t('runs.history.empty')} />}
        {runs.data && runs.data.length > 0 && <RunsTable runs={runs.data} />}
      </Paper>
    </Stack>
  );
}
