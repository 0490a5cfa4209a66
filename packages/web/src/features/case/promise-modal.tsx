import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../app/format/dates.ts';
import { parseMoneyInput } from '../../app/format/money.ts';
import { errorMessage } from '../../app/query-client.ts';

type PromiseModalProps = {
  readonly opened: boolean;
  readonly currency: string;
  readonly saving: boolean;
  readonly error: unknown;
  readonly onClose: () => void;
  readonly onSubmit: (promise: { readonly dueOn: string; readonly amountMinor: number }) => void;
};

/** "The debtor promises to pay 150,00 € on 12 April": the date and the amount, checked before sending. */
export function PromiseModal({ opened, currency, saving, error, onClose, onSubmit }: PromiseModalProps) {
  const { t } = useTranslation();
  const today = localIsoDate();
  const [dueOn, setDueOn] = useState(today);
  const [amount, setAmount] = useState('');
  const [checked, setChecked] = useState(false);
  const amountMinor = parseMoneyInput(amount, currency);
  const amountError = checked && (amountMinor === null || amountMinor <= 0);
  const dateError = checked && (!dueOn || dueOn < today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (amountMinor === null || amountMinor <= 0 || !dueOn || dueOn < today) return;
    onSubmit({ dueOn, amountMinor });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('engine.promise.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('engine.promise.dueOn')}
            value={dueOn}
            min={today}
            required
            onChange={(event) => setDueOn(event.currentTarget.value)}
            error={dateError ? t('engine.promise.dateInvalid') : undefined}
            data-autofocus
          />
          <TextInput
            label={t('engine.promise.amount', { currency })}
            value={amount}
            inputMode="decimal"
            required
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={amountError ? t('engine.promise.amountInvalid') : undefined}
          />
          {error !== null && error !== undefined && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('engine.promise.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
