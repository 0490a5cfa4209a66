import { Badge, Button, Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canActOnCases, sessionQuery } from '../../app/session.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { OUTBOX_PAGE, OUTBOX_STATUSES, type OutboxItem, type OutboxStatus, outboxQuery } from './api.ts';
import { Mailbox } from './mailbox.tsx';
import { OutboxButtons } from './outbox-buttons.tsx';

const STATUS_COLOR: Readonly<Record<OutboxStatus, string>> = {
  planned: 'blue',
  review: 'orange',
  sending: 'cyan',
  sent: 'teal',
  delivered: 'green',
  failed: 'red',
  unconfirmed: 'yellow',
  blocked: 'gray',
  cancelled: 'gray',
};

/** Why the action is where it is: the server's words, the gate's refusal, or what an unconfirmed one means. */
function Why({ item }: { readonly item: OutboxItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {item.status === 'unconfirmed' && (
        <Text size="sm" c="yellow.9">
          {t('outbox.unconfirmedHint')}
        </Text>
      )}
      {item.lastError &&
        (item.lastErrorOurs ? (
          <Text size="sm" c="dimmed">
            {item.lastError}
          </Text>
        ) : (
          <Text
            size="sm"
            c={item.status === 'failed' ? 'red.8' : 'dimmed'}
            ff="monospace"
            title={t('outbox.serverWords')}
          >
            {item.lastError}
          </Text>
        ))}
      {item.gateText && <Text size="sm">{item.gateText}</Text>}
      <Text size="xs" c="dimmed">
        {item.reasonText}
      </Text>
    </Stack>
  );
}

function OutboxTable({ items, canAct }: { readonly items: readonly OutboxItem[]; readonly canAct: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label={t('outbox.tableLabel')} verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outbox.columns.debtor')}</Table.Th>
            <Table.Th>{t('outbox.columns.channel')}</Table.Th>
            <Table.Th>{t('outbox.columns.template')}</Table.Th>
            <Table.Th>{t('outbox.columns.when')}</Table.Th>
            <Table.Th>{t('outbox.columns.attempts')}</Table.Th>
            <Table.Th>{t('outbox.columns.why')}</Table.Th>
            {canAct && <Table.Th>{t('outbox.columns.decision')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              style={{ verticalAlign: 'top' }}
              data-action={item.id}
              data-status={item.status}
            >
              <Table.Td>
                <AnchorLink to="/cases/$caseId" params={{ caseId: item.caseId }} size="sm" fw={500}>
                  {item.debtorName}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {item.creditorRef}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{channelName(item.channel)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {item.template}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.sentAt
                    ? t('outbox.sentAt', { at: format.dateTime(item.sentAt) })
                    : item.scheduledAt
                      ? format.dateTime(item.scheduledAt)
                      : format.date(item.plannedOn)}
                </Text>
                {item.deliveredAt && (
                  <Text size="xs" c="dimmed">
                    {t('outbox.deliveredAt', { at: format.dateTime(item.deliveredAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{format.integer(item.attempts)}</Table.Td>
              <Table.Td maw={420}>
                <Why item={item} />
              </Table.Td>
              {canAct && (
                <Table.Td>
                  <OutboxButtons item={item} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StatusPanel({ status, canAct }: { readonly status: OutboxStatus; readonly canAct: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const query = useQuery(outboxQuery(status, page));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, counts } = query.data;
  const total = counts[status] ?? 0;
  if (items.length === 0) return <EmptyState title={t(`outbox.emptyStatus.${status}`)} />;
  return (
    <Stack gap="sm">
      {/* Only an action waiting for review, failed or unconfirmed asks for a decision: no empty column elsewhere. */}
      <OutboxTable
        items={items}
        canAct={canAct && (status === 'review' || status === 'failed' || status === 'unconfirmed')}
      />
      {total > OUTBOX_PAGE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('outbox.page', { from: page * OUTBOX_PAGE + 1, to: page * OUTBOX_PAGE + items.length, total })}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t('outbox.previous')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={(page + 1) * OUTBOX_PAGE >= total}
              onClick={() => setPage(page + 1)}
            >
              {t('outbox.next')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

/** The outbox: every action by status, with what the servers said, and the demo mailbox. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const canAct = canActOnCases(user);
  const [tab, setTab] = useState<OutboxStatus | 'mailbox'>('planned');
  const counts = useQuery(outboxQuery('planned', 0)).data?.counts;
  return (
    <Stack gap="lg">
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.subtitle')} />
      <Paper withBorder p="md">
        <Tabs value={tab} onChange={(v) => v && setTab(v as OutboxStatus | 'mailbox')} keepMounted={false}>
          <Tabs.List>
            {OUTBOX_STATUSES.map((s) => (
              <Tabs.Tab
                key={s}
                value={s}
                rightSection={
                  counts?.[s] ? (
                    <Badge
                      size="xs"
                      variant={s === 'failed' || s === 'unconfirmed' ? 'filled' : 'light'}
                      color={STATUS_COLOR[s]}
                    >
                      {counts[s]}
                    </Badge>
                  ) : null
                }
              >
                {t(`outbox.status.${s}`)}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="mailbox">{t('outbox.mailbox.tab')}</Tabs.Tab>
          </Tabs.List>
          {OUTBOX_STATUSES.map((s) => (
            <Tabs.Panel key={s} value={s} pt="md">
              <StatusPanel status={s} canAct={canAct} />
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="mailbox" pt="md">
            <Mailbox />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
