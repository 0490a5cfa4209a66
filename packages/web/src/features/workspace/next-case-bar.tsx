import { Alert, Badge, Button, Group, Kbd, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import type { CaseLock, NextCase, NextTask } from './api.ts';
import { clock, secondsLeft } from './countdown.ts';

/** Why this case now: each part of the task's score, highest first. */
function ScoreParts({ task }: { readonly task: NextTask }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [...task.scoreParts].sort((a, b) => b.points - a.points);
  return (
    <Stack gap={2} data-testid="score-parts">
      <Text size="sm" fw={600}>
        {t('workspace.next.why', { priority: format.integer(task.priority) })}
      </Text>
      <List size="sm" spacing={0}>
        {parts.map((part) => (
          <List.Item key={part.key} data-part={part.key}>
            <Text span size="sm" fw={500}>
              {part.points >= 0 ? '+' : ''}
              {format.integer(part.points)}
            </Text>{' '}
            {part.detail[format.language]}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('workspace.next.window', {
          start: format.dateTime(task.windowStart),
          end: format.dateTime(task.windowEnd),
        })}
      </Text>
    </Stack>
  );
}

/** The lock's remaining time, ticking each second; red in its last minute. */
function LockClock({ lock }: { readonly lock: CaseLock }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  const left = secondsLeft(lock.lockedUntil, now);
  return (
    <Badge
      color={left === 0 ? 'red' : left < 60 ? 'orange' : 'teal'}
      variant="light"
      tt="none"
      size="lg"
      data-testid="lock-clock"
    >
      {left === 0 ? t('workspace.lock.expired') : t('workspace.lock.left', { time: clock(left) })}
    </Badge>
  );
}

type NextCaseBarProps = {
  readonly task: NextTask | null;
  readonly lock: CaseLock | null;
  readonly lockError: unknown;
  readonly empty: NextCase | null;
  readonly pending: boolean;
  readonly error: unknown;
  readonly releasing: boolean;
  readonly onNext: () => void;
  readonly onRelease: (() => void) | null;
  readonly onRenew: (() => void) | null;
  /** A case is on screen (held or not). */
  readonly caseOpen: boolean;
};

/** The top of the workspace: "Next case", why this one, how long the agent keeps it. */
export function NextCaseBar(props: NextCaseBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { task, lock, lockError, empty, pending, error } = props;
  const lockedByOther = isApiError(lockError) && lockError.status === 409;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap="xs" style={{ flex: 1, minWidth: 280 }}>
          <Title order={1} fz={24} id="next-title">
            {t('workspace.title')}
          </Title>
          {task && <ScoreParts task={task} />}
          {empty && !task && (
            <Alert color="gray" variant="light" data-testid="queue-empty">
              <Text size="sm" fw={500}>
                {t('workspace.next.empty')}
              </Text>
              <Text size="sm" c="dimmed">
                {empty.nextWindowAt
                  ? t('workspace.next.nextWindow', { at: format.dateTime(empty.nextWindowAt) })
                  : t('workspace.next.noWindow')}
              </Text>
            </Alert>
          )}
          {error !== null && error !== undefined && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          {props.caseOpen && !lock && !lockedByOther && (
            <Text size="sm" c="dimmed" data-testid="not-held">
              {t('workspace.lock.none')}
            </Text>
          )}
          {lockedByOther && (
            <Alert color="orange" role="alert" data-testid="lock-refused">
              {t('workspace.lock.taken', { reason: errorMessage(lockError) })}
            </Alert>
          )}
        </Stack>
        <Group gap="sm" align="center">
          {lock && <LockClock lock={lock} />}
          {props.onRenew && (
            <Button variant="default" onClick={props.onRenew}>
              {lock ? t('workspace.lock.renew') : t('workspace.lock.retake')}
            </Button>
          )}
          {props.onRelease && (
            <Button variant="default" loading={props.releasing} onClick={props.onRelease}>
              {t('workspace.lock.release')}
            </Button>
          )}
          <Button onClick={props.onNext} loading={pending} rightSection={<Kbd size="xs">N</Kbd>}>
            {t('workspace.next.button')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
