import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { Stat } from '../../app/ui/stat.tsx';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type LiveView, liveQuery } from './api.ts';

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * Today as it happens, for supervisors and admins: the run, the outbox, the call queue, the agents, the
 * callbacks, the money in and the portal, polled every few seconds. Figures lead to the cases or the outbox.
 */
export function LivePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const live = useQuery(liveQuery);
  const l = live.data;
  const time = (instant: string) =>
    new Date(instant).toLocaleTimeString(format.language === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
  /** A word from another feature's labels when there is one, else the code itself. */
  const label = (prefix: string, key: string) =>
    i18n.exists(`${prefix}.${key}`) ? t(`${prefix}.${key}` as 'live.title') : key;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('live.title')}
        subtitle={t('live.subtitle')}
        actions={
          l && (
            <Text size="sm" c="dimmed">
              {t('live.updated', { time: time(l.asOf) })}
            </Text>
          )
        }
      />
      {live.isPending && <LoadingState />}
      {live.isError && !l && <ErrorState error={live.error} onRetry={() => void live.refetch()} />}
      {l && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="live-stats">
            <Stat
              label={t('live.payments')}
              value={
                <span data-testid="live-payments-amount">
                  {l.payments.byCurrency.length === 0
                    ? format.money(0, 'EUR')
                    : l.payments.byCurrency.map((c) => format.money(c.amountMinor, c.currency)).join(' + ')}
                </span>
              }
              hint={
                <AnchorLink to="/portfolio" search={{ paid: true, from: l.today, to: l.today }} size="xs">
                  <span data-testid="live-payments-count">
                    {l.payments.byCurrency.reduce((s, c) => s + c.count, 0)}
                  </span>{' '}
                  · {t('live.openCases')}
                </AnchorLink>
              }
            />
            <Stat
              label={t('live.depth')}
              value={<span data-testid="live-queue-depth">{l.callQueue.depth}</span>}
              hint={
                l.callQueue.oldestWaitingSince &&
                t('live.oldest', { time: time(l.callQueue.oldestWaitingSince) })
              }
            />
            <Stat label={t('live.signedIn')} value={l.agents.signedIn} />
            <Stat label={t('live.onCase')} value={l.agents.onCase} />
            <Stat
              label={t('live.callbacks')}
              value={l.callbacks.dueToday}
              hint={l.callbacks.overdue > 0 && t('live.overdue', { count: l.callbacks.overdue })}
            />
            <Stat
              label={t('live.backlog')}
              value={<span data-testid="live-backlog">{l.outbox.backlog.count}</span>}
              hint={
                l.outbox.backlog.oldestScheduledAt &&
                t('live.oldest', { time: time(l.outbox.backlog.oldestScheduledAt) })
              }
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <RunBlock run={l.run} label={label} time={time} />
            <Block title={t('live.outbox')} testId="live-outbox">
              <CountTable
                rows={l.outbox.today.map((r) => ({
                  key: `${r.channel}-${r.status}`,
                  first: label('channel', r.channel),
                  second: label('outbox.status', r.status),
                  count: r.count,
                }))}
                headers={[t('live.channel'), t('live.status')]}
              />
              <AnchorLink to="/outbox" size="sm">
                {t('live.openOutbox')}
              </AnchorLink>
            </Block>
            <Block title={t('live.queue')} testId="live-queue">
              <CountTable
                rows={l.callQueue.groups.map((g) => ({
                  key: `${g.team}-${g.segment}-${g.language}`,
                  first: g.team ?? t('live.anyTeam'),
                  second: [g.segment, g.language].filter(Boolean).join(' · '),
                  count: g.count,
                  hint: t('live.oldest', { time: time(g.oldestWaitingSince) }),
                }))}
                headers={[t('live.team'), t('live.skill')]}
              />
            </Block>
            <Block title={t('live.payments')} testId="live-payments">
              <CountTable
                rows={l.payments.byCurrency.flatMap((c) =>
                  c.byChannel.map((ch) => ({
                    key: `${c.currency}-${ch.channel}`,
                    first: (
                      <AnchorLink
                        to="/portfolio"
                        search={{
                          paid: true,
                          paidChannel: ch.channel as 'agent',
                          from: l.today,
                          to: l.today,
                          currency: c.currency,
                        }}
                      >
                        {label('payments.channel', ch.channel)}
                      </AnchorLink>
                    ),
                    second: format.money(ch.amountMinor, c.currency),
                    count: ch.count,
                  })),
                )}
                headers={[t('live.channel'), '']}
              />
            </Block>
            <Block title={t('live.portal')} testId="live-portal">
              <SimpleGrid cols={3} spacing="sm" mb="sm">
                <Stat label={t('live.linksOpened')} value={l.portal.linksOpened} />
                <Stat label={t('live.verified')} value={l.portal.verified} />
                <Stat label={t('live.inputErrors')} value={l.portal.inputErrors} />
              </SimpleGrid>
              <Group gap="xs">
                <Text size="sm">{t('live.attempts')}</Text>
                {l.portal.attempts.map((a) => (
                  <Badge key={a.key} variant="light">
                    {label('live.attemptStatus', a.key)} {a.count}
                  </Badge>
                ))}
              </Group>
            </Block>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function RunBlock({
  run,
  label,
  time,
}: {
  readonly run: LiveView['run'];
  readonly label: (prefix: string, key: string) => string;
  readonly time: (instant: string) => string;
}) {
  const { t } = useTranslation();
  if (run === null)
    return (
      <Block title={t('live.run')} testId="live-run">
        <Text c="dimmed">{t('live.noRun')}</Text>
      </Block>
    );
  const total = run.casesEvaluated + run.casesRemaining;
  return (
    <Block title={t('live.run')} testId="live-run">
      <Group gap="xs" mb="xs">
        <Badge color={run.status === 'failed' ? 'red' : run.status === 'running' ? 'blue' : 'green'}>
          {label('live.runStatus', run.status)}
        </Badge>
        <Text size="sm" c="dimmed">
          {time(run.startedAt)}
          {run.finishedAt && ` – ${time(run.finishedAt)}`}
        </Text>
      </Group>
      <Progress
        value={total === 0 ? 100 : (run.casesEvaluated * 100) / total}
        aria-label={t('live.progress')}
      />
      <SimpleGrid cols={3} spacing="sm" my="sm">
        <Stat
          label={t('live.casesEvaluated')}
          value={<span data-testid="live-run-cases">{run.casesEvaluated}</span>}
        />
        <Stat label={t('live.casesRemaining')} value={run.casesRemaining} />
        <Stat label={t('live.blocked')} value={run.blocked} />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('live.actionsByChannel')}
      </Text>
      <Group gap="xs">
        {run.actionsByChannel.map((a) => (
          <Badge key={a.key} variant="light">
            {label('channel', a.key)} {a.count}
          </Badge>
        ))}
      </Group>
      {run.error && (
        <Text c="red" size="sm" mt="xs">
          {t('live.error')}: {run.error}
        </Text>
      )}
    </Block>
  );
}

function CountTable({
  rows,
  headers,
}: {
  readonly rows: readonly {
    key: string;
    first: ReactNode;
    second: ReactNode;
    count: number;
    hint?: string;
  }[];
  readonly headers: readonly [string, string];
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('live.none')}</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{headers[0]}</Table.Th>
          <Table.Th>{headers[1]}</Table.Th>
          <Table.Th ta="right">{t('live.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.first}</Table.Td>
            <Table.Td>
              {r.second}
              {r.hint && (
                <Text size="xs" c="dimmed">
                  {r.hint}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
