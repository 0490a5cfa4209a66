import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReviewButtons } from '../review/review-buttons.tsx';
import { confirmAction, type OutboxItem, retryAction } from './api.ts';

/**
 * "Approve" / "Cancel" for an action waiting for review; "It was sent" / "Send it again" for an unconfirmed
 * one; "Retry" for a failed one. Each is audited.
 */
export function OutboxButtons({ item }: { readonly item: OutboxItem }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, ask] = useDisclosure(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['outbox'] });
  const confirm = useMutation({
    mutationFn: (answer: 'sent' | 'resend') => confirmAction(item.id, answer),
    onSuccess: (_result, answer) => {
      ask.close();
      notifications.show({
        color: 'teal',
        message: t(answer === 'sent' ? 'outbox.confirmedSent' : 'outbox.resendQueued'),
      });
      return refresh();
    },
  });
  const retry = useMutation({
    mutationFn: () => retryAction(item.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('outbox.retryQueued') });
      return refresh();
    },
  });
  if (item.status === 'review') {
    return <ReviewButtons actionId={item.id} caseId={item.caseId} channel={item.channel} />;
  }
  if (item.status === 'failed') {
    return (
      <Button size="compact-sm" variant="default" loading={retry.isPending} onClick={() => retry.mutate()}>
        {t('outbox.retry')}
      </Button>
    );
  }
  if (item.status !== 'unconfirmed') return null;
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Button
          size="compact-sm"
          color="teal"
          loading={confirm.isPending && confirm.variables === 'sent'}
          onClick={() => confirm.mutate('sent')}
        >
          {t('outbox.itWasSent')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={ask.open}>
          {t('outbox.sendAgain')}
        </Button>
      </Group>
      <Modal opened={asking} onClose={ask.close} title={t('outbox.sendAgainTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('outbox.sendAgainText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={ask.close} data-autofocus>
              {t('outbox.keep')}
            </Button>
            <Button color="orange" loading={confirm.isPending} onClick={() => confirm.mutate('resend')}>
              {t('outbox.sendAgain')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
