import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { decideAction, type ReviewDecision } from './api.ts';
import { type DecisionRefusal, decisionRefusal } from './decision.ts';

const REFUSAL_MESSAGES = {
  already_decided: 'review.alreadyDecided',
  not_allowed: 'review.notAllowed',
  gone: 'review.gone',
} as const satisfies Readonly<Record<DecisionRefusal, string>>;

/**
 * "Approve" and "Cancel" for an action waiting for review (cancel asks first). After a decision, or a refusal
 * saying the action moved on, the review queue and the case are fetched again.
 */
export function ReviewButtons({
  actionId,
  caseId,
  channel,
}: {
  readonly actionId: string;
  readonly caseId: string;
  readonly channel: string;
}) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['actions'] }),
      queryClient.invalidateQueries({ queryKey: ['outbox'] }),
      queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
    ]);
  const decide = useMutation({
    mutationFn: (decision: ReviewDecision) => decideAction(actionId, decision),
    meta: { silent: true },
    // Returned, so the buttons keep loading until the refreshed list no longer shows the action.
    onSuccess: (result) => {
      confirm.close();
      notifications.show({
        color: 'teal',
        message: result.status === 'planned' ? t('review.approved') : t('review.cancelled'),
      });
      return refresh();
    },
    onError: (error) => {
      confirm.close();
      const refusal = decisionRefusal(error);
      notifications.show({
        color: refusal === 'already_decided' ? 'orange' : 'red',
        title: refusal === 'already_decided' ? t('review.alreadyDecidedTitle') : t('errors.title'),
        message: refusal ? t(REFUSAL_MESSAGES[refusal]) : errorMessage(error),
        autoClose: 8000,
      });
      if (refusal === 'already_decided' || refusal === 'gone') void refresh();
    },
  });
  const busy = decide.isPending || decide.isSuccess;

  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="compact-sm"
        color="teal"
        loading={decide.isPending && decide.variables === 'approve'}
        disabled={busy}
        onClick={() => decide.mutate('approve')}
      >
        {t('review.approve')}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        loading={decide.isPending && decide.variables === 'cancel'}
        disabled={busy}
        onClick={confirm.open}
      >
        {t('review.cancel')}
      </Button>
      <Modal opened={confirming} onClose={confirm.close} title={t('review.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('review.confirmText', { channel: channelName(channel) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close} disabled={decide.isPending} data-autofocus>
              {t('review.keep')}
            </Button>
            <Button color="red" onClick={() => decide.mutate('cancel')} loading={decide.isPending}>
              {t('review.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
