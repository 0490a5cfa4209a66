import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../app/api/types.ts';
import { errorMessage } from '../../app/query-client.ts';
import { ActionStatusBadge } from '../../app/ui/engine.tsx';
import { caseEngineQuery } from '../case/engine-api.ts';
import { type PaymentLinkSent, sendPaymentLink } from './api.ts';
import { IvrTransfer } from './ivr-transfer.tsx';
import { usePhoneScreen } from './phone-screen.ts';

/** Statuses after which the message's fate is known: the modal stops asking. */
const SETTLED = ['sent', 'delivered', 'failed', 'blocked', 'cancelled'];

type PaymentLinkModalProps = {
  readonly caseId: string;
  readonly contacts: readonly Contact[];
  readonly onClose: () => void;
};

/**
 * The debtor, on the line, asks how to pay: the payment link goes by SMS or e-mail at once (the server keeps
 * a double click to one message), and the modal follows the message until it has left.
 */
export function PaymentLinkModal({ caseId, contacts, onClose }: PaymentLinkModalProps) {
  const { t } = useTranslation();
  const phone = usePhoneScreen();
  const usable = (kind: Contact['kind']) =>
    contacts.some((contact) => contact.kind === kind && contact.value && contact.validity !== 'invalid');
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (channel: 'sms' | 'email') => sendPaymentLink(caseId, channel),
    meta: { silent: true },
    // The case's journal and outbox show the request beside the modal.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
  });
  const sent: PaymentLinkSent | undefined = send.data;
  const engine = useQuery({
    ...caseEngineQuery(caseId),
    enabled: Boolean(sent),
    refetchInterval: (query) => {
      const status = query.state.data?.actions.find((a) => a.id === sent?.actionId)?.status;
      return status && SETTLED.includes(status) ? false : 2_000;
    },
  });
  const status = engine.data?.actions.find((a) => a.id === sent?.actionId)?.status ?? sent?.status ?? null;

  return (
    <Modal opened onClose={onClose} title={t('workspace.paymentLink.title')} fullScreen={phone}>
      <Stack gap="sm">
        <Text size="sm">{t('workspace.paymentLink.hint')}</Text>
        <Group>
          <Button
            onClick={() => send.mutate('sms')}
            loading={send.isPending && send.variables === 'sms'}
            disabled={send.isPending || !usable('phone')}
            data-autofocus
          >
            {t('workspace.paymentLink.sms')}
          </Button>
          <Button
            variant="light"
            onClick={() => send.mutate('email')}
            loading={send.isPending && send.variables === 'email'}
            disabled={send.isPending || !usable('email')}
          >
            {t('workspace.paymentLink.email')}
          </Button>
        </Group>
        {!usable('phone') && !usable('email') && (
          <Text size="sm" c="dimmed">
            {t('workspace.paymentLink.noContact')}
          </Text>
        )}
        {sent && status && (
          <Group gap="xs" data-testid="payment-link-status" data-action={sent.actionId}>
            <Text size="sm">
              {t(sent.repeated ? 'workspace.paymentLink.repeated' : 'workspace.paymentLink.sent', {
                channel: t(`workspace.paymentLink.channel.${sent.channel}`),
              })}
            </Text>
            <ActionStatusBadge status={status} />
          </Group>
        )}
        {send.error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(send.error)}
          </Alert>
        )}
        <IvrTransfer caseId={caseId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
