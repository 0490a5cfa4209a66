import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../app/format/dates.ts';
import { parseMoneyInput } from '../../app/format/money.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import type { PromiseInput } from './api.ts';
import { usePhoneScreen } from './phone-screen.ts';

type Line = { readonly key: number; readonly dueOn: string; readonly amount: string };

type PromiseFormProps = {
  readonly currency: string;
  readonly saving: boolean;
  readonly error: unknown;
  readonly onClose: () => void;
  readonly onSubmit: (input: PromiseInput) => void;
};

/**
 * A promise to pay on one or several dates, made on the call. The debtor gets the terms in writing (the
 * strategy picks e-mail or SMS), which the form says before it is sent, so the agent can tell the debtor.
 */
export function PromiseForm({ currency, saving, error, onClose, onSubmit }: PromiseFormProps) {
  const { t } = useTranslation();
  const phone = usePhoneScreen();
  const format = useFormat();
  const today = localIsoDate();
  const [lines, setLines] = useState<readonly Line[]>([{ key: 0, dueOn: today, amount: '' }]);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const parsed = lines.map((line) => ({ ...line, amountMinor: parseMoneyInput(line.amount, currency) }));
  const lineError = (line: (typeof parsed)[number]) => ({
    date: !line.dueOn || line.dueOn < today,
    amount: line.amountMinor === null || line.amountMinor <= 0,
  });
  const invalid = parsed.some((line) => lineError(line).date || lineError(line).amount);
  const total = parsed.reduce((sum, line) => sum + (line.amountMinor ?? 0), 0);

  const update = (key: number, change: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (invalid) return;
    onSubmit({
      schedule: parsed.map((line) => ({ dueOn: line.dueOn, amountMinor: line.amountMinor ?? 0 })),
      channel: 'call',
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('workspace.promise.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {parsed.map((line, index) => {
            const errors = lineError(line);
            return (
              <Group key={line.key} align="flex-start" gap="sm" wrap="nowrap">
                <TextInput
                  type="date"
                  label={t('workspace.promise.dueOn', { n: index + 1 })}
                  value={line.dueOn}
                  min={today}
                  onChange={(event) => update(line.key, { dueOn: event.currentTarget.value })}
                  error={checked && errors.date ? t('engine.promise.dateInvalid') : undefined}
                  data-autofocus={index === 0 ? true : undefined}
                />
                <TextInput
                  label={t('workspace.promise.amount', { n: index + 1, currency })}
                  value={line.amount}
                  inputMode="decimal"
                  onChange={(event) => update(line.key, { amount: event.currentTarget.value })}
                  error={checked && errors.amount ? t('engine.promise.amountInvalid') : undefined}
                />
                {lines.length > 1 && (
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    onClick={() => setLines((current) => current.filter((item) => item.key !== line.key))}
                  >
                    {t('workspace.promise.remove')}
                  </Button>
                )}
              </Group>
            );
          })}
          <Group justify="space-between">
            <Button
              variant="subtle"
              size="xs"
              onClick={() =>
                setLines((current) => [
                  ...current,
                  { key: Math.max(...current.map((line) => line.key)) + 1, dueOn: today, amount: '' },
                ])
              }
            >
              {t('workspace.promise.addDate')}
            </Button>
            <Text size="sm" fw={600}>
              {t('workspace.promise.total', { amount: format.money(total, currency) })}
            </Text>
          </Group>
          <TextInput
            label={t('workspace.promise.note')}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Alert color="blue" variant="light" data-testid="promise-written">
            {t('workspace.promise.written')}
          </Alert>
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
              {t('workspace.promise.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
