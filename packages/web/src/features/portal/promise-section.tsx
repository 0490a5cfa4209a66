import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../app/format/money.ts';
import { useFormat } from '../../app/format/use-format.ts';
import type { SectionProps } from './api.ts';
import { promiseToPay } from './api.ts';
import { amountText, localDay } from './inputs.ts';
import { portalErrorText } from './portal-frame.tsx';

/** A date to pay (a promise of the debtor's own), confirmed in writing; the reminders wait until then. */
export function PromiseSection({ linkKey, view }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const last = localDay(view.limits.promiseHorizonDays);
  const [dueOn, setDueOn] = useState(localDay(7));
  const [text, setText] = useState(() =>
    amountText(view.limits.maxPaymentMinor, view.currency, format.language),
  );
  const minor = parseMoneyInput(text, view.currency);
  const promise = useMutation({
    mutationFn: () => promiseToPay(linkKey, [{ dueOn, amountMinor: minor ?? 0 }]),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', linkKey] }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (minor !== null && minor > 0) promise.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('portal.promise.intro')}</Text>
        <TextInput
          type="date"
          label={t('portal.promise.date')}
          description={t('portal.promise.dateHint', { date: format.date(last) })}
          value={dueOn}
          min={localDay()}
          max={last}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          required
          size="md"
        />
        <TextInput
          label={t('portal.promise.amount')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          inputMode="decimal"
          rightSection={<Text size="sm">{view.currency === 'EUR' ? '€' : view.currency}</Text>}
          required
          size="md"
        />
        {promise.isError && (
          <Alert color="orange" role="alert">
            {portalErrorText(promise.error, t('portal.error'))}
          </Alert>
        )}
        {promise.isSuccess && (
          <Alert color="teal" role="status">
            {t('portal.promise.done')}
          </Alert>
        )}
        <Button type="submit" size="md" loading={promise.isPending} disabled={minor === null || minor <= 0}>
          {t('portal.promise.submit')}
        </Button>
      </Stack>
    </form>
  );
}
