import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { reverseCasePayment } from './payments-api.ts';

/** A supervisor undoes a payment (a bounced cheque, a chargeback, a mistake), saying why. */
export function ReversePaymentButton({
  caseId,
  paymentId,
}: {
  readonly caseId: string;
  readonly paymentId: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => reverseCasePayment(paymentId, reason.trim()),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('payments.reverseDone') });
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      setOpened(false);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length >= 2) mutation.mutate();
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t('payments.reverse')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('payments.reverseTitle')}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">{t('payments.reverseHint')}</Text>
            <TextInput
              label={t('payments.reverseReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('payments.form.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                loading={mutation.isPending}
                disabled={reason.trim().length < 2}
              >
                {t('payments.reverse')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
