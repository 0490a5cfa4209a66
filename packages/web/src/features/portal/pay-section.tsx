import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../app/format/money.ts';
import { useFormat } from '../../app/format/use-format.ts';
import type { SectionProps } from './api.ts';
import { startPayment } from './api.ts';
import { amountText } from './inputs.ts';
import { portalErrorText } from './portal-frame.tsx';

/** Pay all or part by card: the amount (one euro to the whole balance), then the provider's card page. */
export function PaySection({ linkKey, view }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { minPaymentMinor: min, maxPaymentMinor: max } = view.limits;
  const [text, setText] = useState(() => amountText(max, view.currency, format.language));
  const hintId = useId();
  const minor = parseMoneyInput(text, view.currency);
  const valid = minor !== null && minor >= min && minor <= max;
  const bounds = { min: format.money(min, view.currency), max: format.money(max, view.currency) };
  const pay = useMutation({
    mutationFn: () => startPayment(linkKey, minor ?? 0),
    onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) pay.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('portal.pay.intro')}</Text>
        <Group align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            label={t('portal.pay.amount')}
            description={t('portal.pay.amountHint', bounds)}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            inputMode="decimal"
            rightSection={<Text size="sm">{view.currency === 'EUR' ? '€' : view.currency}</Text>}
            error={text !== '' && !valid ? t('portal.pay.invalid', bounds) : undefined}
            aria-describedby={hintId}
            size="md"
            style={{ flex: 1 }}
          />
          <Button
            variant="subtle"
            size="md"
            onClick={() => setText(amountText(max, view.currency, format.language))}
          >
            {t('portal.pay.all')}
          </Button>
        </Group>
        {pay.isError && (
          <Alert color="orange" role="alert" id={hintId}>
            {portalErrorText(pay.error, t('portal.error'))}
          </Alert>
        )}
        <Button type="submit" size="md" disabled={!valid} loading={pay.isPending || pay.isSuccess}>
          {t('portal.pay.submit', { amount: valid ? format.money(minor, view.currency) : '' })}
        </Button>
      </Stack>
    </form>
  );
}
