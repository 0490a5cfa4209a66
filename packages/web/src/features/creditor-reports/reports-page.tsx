import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { canControlCases, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import {
  parseRecipients,
  previewUrl,
  type ReportFrequency,
  type ReportSubscription,
  reportsQuery,
  saveSubscription,
  sendReportNow,
  subscriptionQuery,
} from './api.ts';

/** The creditor portal's "Reports": a creditor's scheduled PDF report by e-mail, its preview and its history. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const creditors = useQuery(creditorsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  const creditorId = user?.creditor?.id ?? chosen ?? creditors.data?.[0]?.id ?? null;
  if (!canControlCases(user)) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('creditorPortal.reports.title')} />
        <Alert color="gray">{t('creditorPortal.reports.forbidden')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader title={t('creditorPortal.reports.title')} subtitle={t('creditorPortal.reports.subtitle')} />
      {!user?.creditor && (
        <Select
          label={t('creditorPortal.reports.creditor')}
          w={360}
          maw="100%"
          value={creditorId}
          onChange={setChosen}
          data={(creditors.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.ref})` }))}
        />
      )}
      {creditorId && <CreditorReports key={creditorId} creditorId={creditorId} />}
    </Stack>
  );
}

function CreditorReports({ creditorId }: { readonly creditorId: string }) {
  const subscription = useQuery(subscriptionQuery(creditorId));
  if (subscription.isPending) return <LoadingState />;
  if (subscription.isError)
    return <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />;
  return (
    <>
      <SubscriptionForm creditorId={creditorId} saved={subscription.data} />
      <ReportHistory creditorId={creditorId} />
    </>
  );
}

function SubscriptionForm({
  creditorId,
  saved,
}: {
  readonly creditorId: string;
  readonly saved: ReportSubscription | null;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [frequency, setFrequency] = useState<ReportFrequency>(saved?.frequency ?? 'monthly');
  const [recipients, setRecipients] = useState((saved?.recipients ?? []).join(', '));
  const [language, setLanguage] = useState<'fr' | 'en'>(
    saved?.language ?? (i18n.language.startsWith('en') ? 'en' : 'fr'),
  );
  const [active, setActive] = useState(saved?.active ?? true);
  useEffect(() => {
    if (saved) setRecipients(saved.recipients.join(', '));
  }, [saved]);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['report-subscription', creditorId] });
    await queryClient.invalidateQueries({ queryKey: ['creditor-reports', creditorId] });
  };
  const save = useMutation({
    mutationFn: () =>
      saveSubscription(creditorId, { frequency, recipients: parseRecipients(recipients), language, active }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('creditorPortal.reports.saved') });
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const send = useMutation({
    mutationFn: () => sendReportNow(creditorId),
    onSuccess: async (report) => {
      notifications.show({
        color: report.status === 'sent' ? 'green' : 'orange',
        message: t(
          report.status === 'sent' ? 'creditorPortal.reports.sentNow' : 'creditorPortal.reports.queued',
        ),
      });
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-subscription-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="report-subscription-title">
            {t('creditorPortal.reports.subscription')}
          </Title>
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('creditorPortal.reports.frequency')}
              </Text>
              <SegmentedControl
                value={frequency}
                onChange={(value) => setFrequency(value as ReportFrequency)}
                data={[
                  { value: 'weekly', label: t('creditorPortal.reports.weekly') },
                  { value: 'monthly', label: t('creditorPortal.reports.monthly') },
                ]}
              />
            </Stack>
            <Select
              label={t('creditorPortal.reports.language')}
              w={160}
              value={language}
              onChange={(value) => setLanguage(value === 'en' ? 'en' : 'fr')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              allowDeselect={false}
            />
          </Group>
          <TextInput
            label={t('creditorPortal.reports.recipients')}
            description={t('creditorPortal.reports.recipientsHint')}
            value={recipients}
            onChange={(e) => setRecipients(e.currentTarget.value)}
            required
          />
          <Switch
            label={t('creditorPortal.reports.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm">
              <Anchor href={previewUrl(creditorId, language)} target="_blank" rel="noreferrer" size="sm">
                {t('creditorPortal.reports.preview')}
              </Anchor>
              <Button
                variant="default"
                onClick={() => send.mutate()}
                loading={send.isPending}
                disabled={!saved}
                title={saved ? undefined : t('creditorPortal.reports.saveFirst')}
              >
                {t('creditorPortal.reports.sendNow')}
              </Button>
            </Group>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={parseRecipients(recipients).length === 0}
            >
              {t('creditorPortal.reports.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const STATUS_COLOR: Readonly<Record<string, string>> = {
  sent: 'green',
  planned: 'blue',
  sending: 'blue',
  failed: 'red',
  unconfirmed: 'orange',
};

function ReportHistory({ creditorId }: { readonly creditorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reports = useQuery(reportsQuery(creditorId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-history-title">
      <Title order={2} fz="lg" id="report-history-title" mb="sm">
        {t('creditorPortal.reports.history')}
      </Title>
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('creditorPortal.reports.none')}
        </Text>
      ) : (
        <Table striped data-testid="report-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('creditorPortal.reports.period')}</Table.Th>
              <Table.Th>{t('creditorPortal.reports.recipientsShort')}</Table.Th>
              <Table.Th>{t('creditorPortal.reports.status')}</Table.Th>
              <Table.Th>{t('creditorPortal.reports.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {format.date(r.periodStart)} – {format.date(r.periodEnd)}
                </Table.Td>
                <Table.Td>{r.emailTo}</Table.Td>
                <Table.Td>
                  <Badge
                    color={STATUS_COLOR[r.status] ?? 'gray'}
                    variant="light"
                    title={r.error ?? undefined}
                  >
                    {t(`creditorPortal.reports.statuses.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.dateTime(r.emailedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
