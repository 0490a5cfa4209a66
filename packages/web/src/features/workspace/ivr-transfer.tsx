import { Alert, Badge, Button, Code, Divider, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { attemptStatusQuery, startIvrTransfer } from './ivr-api.ts';
import { IvrSimulator } from './ivr-simulator.tsx';

const COLORS: Readonly<Record<string, string>> = {
  started: 'blue',
  succeeded: 'green',
  failed: 'red',
  abandoned: 'gray',
};

const ENDINGS = ['succeeded', 'failed', 'abandoned', 'plan_agreed', 'callback_requested'];

/** The attempt as the agent follows it, every 2 s: where the caller is, never what they key. */
function AttemptLive({ caseId, attemptId }: { readonly caseId: string; readonly attemptId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const attempt = useQuery(attemptStatusQuery(caseId, attemptId)).data;
  const queryClient = useQueryClient();
  const ended = attempt !== undefined && attempt.status !== 'started';
  // Once the call has paid (or ended), the case's balance, journal and ladder are shown again from the server.
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
  }, [ended, caseId, queryClient]);
  if (!attempt) return null;
  // An attempt ended elsewhere (the sweep of expired attempts) keeps its last stage: its status says how it ended.
  const stage =
    attempt.status === 'started' || ENDINGS.includes(attempt.stage) ? attempt.stage : attempt.status;
  return (
    <Stack gap={4} data-testid="ivr-status" data-status={attempt.status} data-stage={stage}>
      <Group gap="xs">
        <Badge color={COLORS[attempt.status] ?? 'gray'} variant="light" tt="none">
          {t(`ivr.stage.${stage}`, { defaultValue: stage })}
        </Badge>
        {attempt.status === 'started' && attempt.capture && (
          <Text size="sm">{t(`ivr.capture.${attempt.capture}`, { defaultValue: attempt.capture })}</Text>
        )}
      </Group>
      {attempt.status === 'started' && attempt.errorType && (
        <Text size="sm" c="orange">
          {t('ivr.error', {
            type: t(`ivr.errorType.${attempt.errorType}`, { defaultValue: attempt.errorType }),
          })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {[
          attempt.stage !== 'waiting_for_caller' && attempt.amountMinor > 0
            ? t('ivr.amount', { amount: format.money(attempt.amountMinor, attempt.currency) })
            : null,
          attempt.inputErrors > 0 ? t('ivr.inputErrors', { count: attempt.inputErrors }) : null,
          attempt.failureReason
            ? t('ivr.reason', {
                reason: t(`ivr.reasons.${attempt.failureReason}`, { defaultValue: attempt.failureReason }),
              })
            : null,
        ]
          .filter((part) => part !== null)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/**
 * Payment during the call: the agent hands the debtor over to the payment IVR — its number and a one-time
 * code that identifies the case — and watches the payment live. With the built-in IVR (demo), the agent can
 * play the caller in the simulator.
 */
export function IvrTransfer({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [simulating, setSimulating] = useState(false);
  const start = useMutation({
    mutationFn: () => startIvrTransfer(caseId),
    meta: { silent: true },
    onSuccess: () => {
      setSimulating(false);
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const transfer = start.data;
  return (
    <Stack gap="xs" data-testid="ivr-transfer">
      <Divider />
      <Text size="sm">{t('ivr.transfer.hint')}</Text>
      <Group>
        <Button variant="light" onClick={() => start.mutate()} loading={start.isPending}>
          {transfer ? t('ivr.transfer.again') : t('ivr.transfer.button')}
        </Button>
        {transfer?.provider === 'builtin' && !simulating && (
          <Button variant="subtle" onClick={() => setSimulating(true)}>
            {t('ivr.transfer.simulate')}
          </Button>
        )}
      </Group>
      {transfer && (
        <Stack gap={4}>
          <Text size="sm">
            {transfer.phoneNumber
              ? t('ivr.transfer.number', { number: transfer.phoneNumber })
              : t('ivr.transfer.noNumber')}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('ivr.transfer.code')}</Text>
            <Code fz="lg" data-testid="ivr-code">
              {transfer.code}
            </Code>
            <Text size="xs" c="dimmed">
              {t('ivr.transfer.expires', { time: format.dateTime(transfer.expiresAt) })}
            </Text>
          </Group>
          <AttemptLive caseId={caseId} attemptId={transfer.attemptId} />
        </Stack>
      )}
      {transfer && simulating && <IvrSimulator code={transfer.code} onClose={() => setSimulating(false)} />}
      {start.error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(start.error)}
        </Alert>
      )}
    </Stack>
  );
}
