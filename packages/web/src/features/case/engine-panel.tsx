import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../app/format/dates.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { canActOnCases, canReviewActions, sessionQuery } from '../../app/session.ts';
import { ActionStatusBadge, StageBadge, useChannelName, useNextActionWhat } from '../../app/ui/engine.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { ReviewButtons } from '../review/review-buttons.tsx';
import { createPromise, type PromiseInput } from '../workspace/api.ts';
import { PromiseForm } from '../workspace/promise-form.tsx';
import { type CaseEngine, type CaseEventInput, caseEngineQuery, recordCaseEvent } from './engine-api.ts';
import { EngineEvents } from './engine-events.tsx';
import { isPausedByHand, pauseEndOf } from './engine-state.ts';
import { InterestBlock } from './interest-block.tsx';
import { PauseControl } from './pause-control.tsx';

function EngineSummary({ engine }: { readonly engine: CaseEngine }) {
  const { t } = useTranslation();
  const format = useFormat();
  const what = useNextActionWhat();
  const next = engine.nextAction;
  return (
    <Stack gap="xs">
      <Group gap="lg" wrap="wrap">
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('engine.strategy')}
          </Text>
          {engine.strategy ? (
            <AnchorLink to="/strategies/$key" params={{ key: engine.strategy.key }} size="sm" fw={500}>
              {engine.strategy.name}
              {engine.strategy.version !== null &&
                ` (${t('strategies.version', { version: engine.strategy.version })})`}
            </AnchorLink>
          ) : (
            <Text size="sm">{t('engine.noStrategy')}</Text>
          )}
        </Group>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('engine.stage')}
          </Text>
          <StageBadge stage={engine.stage} />
        </Group>
        <Text size="sm" c="dimmed">
          {engine.lastRunOn
            ? t('engine.lastRun', { date: format.date(engine.lastRunOn) })
            : t('engine.neverRun')}
        </Text>
      </Group>
      <Paper bg="indigo.0" p="sm" radius="sm" data-testid="next-action">
        {next ? (
          <Stack gap={0}>
            <Text fw={600}>{t('engine.nextAction', { what: what(next), date: format.date(next.on) })}</Text>
            {next.kind === 'step' && next.stepName && (
              <Text size="sm" c="dimmed">
                {next.stepName[format.language]}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm">{t('engine.noNextAction')}</Text>
        )}
      </Paper>
      {engine.notes.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('engine.notes')}
          </Text>
          <List size="sm" spacing={2}>
            {engine.notes.map((note, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes are a positional list from one evaluation
              <List.Item key={index} data-note={note.code}>
                {note.text}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

function EngineActions({
  caseId,
  engine,
  reviewer,
}: {
  readonly caseId: string;
  readonly engine: CaseEngine;
  /** Shows "Approve" and "Cancel" beside the actions waiting for review. */
  readonly reviewer: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  if (engine.actions.length === 0) return <EmptyState title={t('engine.actions.empty')} />;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={t('engine.actions.tableLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('engine.actions.plannedOn')}</Table.Th>
            <Table.Th>{t('engine.actions.channel')}</Table.Th>
            <Table.Th>{t('engine.actions.status')}</Table.Th>
            <Table.Th>{t('engine.actions.scheduledAt')}</Table.Th>
            <Table.Th>{t('engine.actions.reason')}</Table.Th>
            <Table.Th>{t('engine.actions.compliance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {engine.actions.map((action) => (
            <Table.Tr
              key={action.id}
              style={{ verticalAlign: 'top' }}
              data-action={action.id}
              data-status={action.status}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(action.plannedOn)}</Table.Td>
              <Table.Td>
                <Text size="sm">{channelName(action.channel)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {action.template}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={6} align="flex-start">
                  <ActionStatusBadge status={action.status} />
                  {reviewer && action.status === 'review' && (
                    <ReviewButtons actionId={action.id} caseId={caseId} channel={action.channel} />
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(action.scheduledAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{action.reason.text}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={action.gate.kind === 'blocked' ? 'red.8' : 'dimmed'}>
                  {action.gate.text}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What a person can do on the case: pause or resume collection, record a promise to pay. */
function EngineButtons({
  caseId,
  engine,
  currency,
}: {
  readonly caseId: string;
  readonly engine: CaseEngine;
  readonly currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const queryClient = useQueryClient();
  const [promiseOpened, promise] = useDisclosure(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  const record = useMutation({
    mutationFn: (event: CaseEventInput) => recordCaseEvent(caseId, event),
    meta: { silent: true },
    onSuccess: (_result, event) => {
      notifications.show({
        color: 'teal',
        message:
          event.kind === 'resume'
            ? t('engine.resumed')
            : event.until
              ? t('engine.pausedUntil', { date: format.date(event.until) })
              : t('engine.paused'),
      });
      refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(error) }),
  });
  // The promise itself (not a bare engine event): its row, its written confirmation at once, its check.
  const promised = useMutation({
    mutationFn: (input: PromiseInput) => createPromise(caseId, input),
    meta: { silent: true },
    onSuccess: (created) => {
      promise.close();
      notifications.show({
        color: 'teal',
        message: created.confirmation
          ? t('workspace.promise.savedConfirmed', { channel: channelName(created.confirmation.channel) })
          : t('engine.promise.recorded'),
      });
      refresh();
    },
  });
  const today = localIsoDate();
  const paused = isPausedByHand(engine, today);
  const pauseEnd = paused ? pauseEndOf(engine) : null;
  return (
    <Group gap="xs">
      {paused ? (
        <>
          {pauseEnd && (
            <Badge variant="light" color="yellow" tt="none" data-testid="pause-end">
              {t('engine.pausedUntilBadge', { date: format.date(pauseEnd) })}
            </Badge>
          )}
          <Button
            variant="default"
            size="xs"
            loading={record.isPending}
            onClick={() => record.mutate({ kind: 'resume', on: today })}
          >
            {t('engine.resume')}
          </Button>
        </>
      ) : (
        <PauseControl
          saving={record.isPending}
          error={record.error}
          onPause={(event) => record.mutate(event)}
        />
      )}
      <Button
        variant="light"
        size="xs"
        onClick={() => {
          promised.reset();
          promise.open();
        }}
      >
        {t('engine.promise.open')}
      </Button>
      {promiseOpened && (
        <PromiseForm
          currency={currency}
          saving={promised.isPending}
          error={promised.error}
          onClose={promise.close}
          onSubmit={(input) => promised.mutate(input)}
        />
      )}
    </Group>
  );
}

/**
 * The "Relance" panel of a case: its strategy, where it stands, late interest and fees, what comes next and
 * why, what was planned.
 */
export function EnginePanel({
  caseId,
  currency,
  showInterest = true,
}: {
  readonly caseId: string;
  readonly currency: string;
  /** The agent workspace shows the interest beside the claims instead (once on the screen). */
  readonly showInterest?: boolean;
}) {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const query = useQuery(caseEngineQuery(caseId));
  const engine = query.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="engine-title" data-testid="engine-panel">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="lg" id="engine-title">
          {t('engine.title')}
        </Title>
        {engine && canActOnCases(user) && (
          <EngineButtons caseId={caseId} engine={engine} currency={currency} />
        )}
      </Group>
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {engine && (
        <Stack gap="md">
          <EngineSummary engine={engine} />
          {showInterest && <InterestBlock interest={engine.interest} currency={currency} />}
          <Stack gap={6}>
            <Group gap="xs">
              <Title order={3} fz="md">
                {t('engine.actions.title')}
              </Title>
              <Badge variant="default" tt="none">
                {engine.actions.length}
              </Badge>
            </Group>
            <EngineActions caseId={caseId} engine={engine} reviewer={canReviewActions(user)} />
          </Stack>
          <EngineEvents events={engine.events} currency={currency} />
        </Stack>
      )}
    </Paper>
  );
}
