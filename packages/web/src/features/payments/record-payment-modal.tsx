import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../app/format/money.ts';
import { errorMessage } from '../../app/query-client.ts';
import { PAYMENT_METHODS, type PaymentMethod, recordCasePayment } from './payments-api.ts';

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Enter a payment received outside Relance: a cheque, cash, a transfer seen on the bank account. */
export function RecordPaymentModal({
  caseId,
  currency,
  opened,
  onClose,
}: {
  readonly caseId: string;
  readonly currency: string;
  readonly opened: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  const [receivedOn, setReceivedOn] = useState(todayIso);
  const [reference, setReference] = useState('');
  // One key per form opening: a double click or a retry books the payment once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const amountMinor = parseMoneyInput(amount, currency);
  const mutation = useMutation({
    mutationFn: () =>
      recordCasePayment(caseId, {
        amountMinor: amountMinor ?? 0,
        currency,
        method,
        receivedOn,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        idempotencyKey: key,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('payments.recorded') });
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      setAmount('');
      setReference('');
      setKey(crypto.randomUUID());
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amountMinor !== null && amountMinor > 0) mutation.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('payments.recordTitle')} fullScreen={false}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('payments.form.amount', { currency })}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={
              amount !== '' && (amountMinor === null || amountMinor <= 0)
                ? t('payments.form.amountInvalid')
                : null
            }
            inputMode="decimal"
            required
            data-autofocus
          />
          <Select
            label={t('payments.form.method')}
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
            value={method}
            onChange={(v) => v && setMethod(v as PaymentMethod)}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('payments.form.receivedOn')}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('payments.form.reference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('payments.form.cancel')}
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              disabled={amountMinor === null || amountMinor <= 0}
            >
              {t('payments.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
