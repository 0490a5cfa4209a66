import {
  Badge,
  Code,
  Fieldset,
  Grid,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { sessionQuery } from '../../app/session.ts';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import {
  PAYMENT_PROVIDERS,
  type PaymentSettingsView,
  paymentSettingsQuery,
  savePaymentSettings,
} from './payments-api.ts';
import {
  checkPaymentsForm,
  PAYMENTS_FIELDS,
  type PaymentsField,
  type PaymentsForm,
  paymentsFormOf,
  paymentsInputOf,
  stripeWebhookUrl,
} from './payments-values.ts';
import { SaveBar } from './save-bar.tsx';
import { useErrorAt } from './use-error-at.ts';
import { useSave } from './use-save.ts';

const MONOSPACE = { input: { fontFamily: 'monospace' } } as const;

function PaymentsSettingsForm({ initial }: { readonly initial: PaymentSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useQuery(sessionQuery);
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<PaymentsForm>(() => paymentsFormOf(initial));
  const [checked, setChecked] = useState(false);
  const save = useSave({
    save: savePaymentSettings,
    fields: PAYMENTS_FIELDS,
    onSaved: (answer) => {
      queryClient.setQueryData(paymentSettingsQuery.queryKey, answer);
      setView(answer);
      setForm(paymentsFormOf(answer));
    },
  });
  const stored = { key: view.stripeSecretKeySet, secret: view.stripeWebhookSecretSet };
  const errorAt = useErrorAt(checked ? checkPaymentsForm(form, stored) : null, save.refused);
  const change = <K extends keyof PaymentsForm>(field: K, value: PaymentsForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    save.reset();
  };
  const secret = (field: PaymentsField) => ({
    value: form[field],
    onChange: (event: { currentTarget: HTMLInputElement }) => change(field, event.currentTarget.value),
    error: errorAt(field),
    autoComplete: 'new-password',
    styles: MONOSPACE,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkPaymentsForm(form, stored)).length > 0) return;
    save.submit(paymentsInputOf(form));
  };
  const stripe = form.provider === 'stripe';
  const endpoint = user ? stripeWebhookUrl(window.location.origin, user.tenant.id) : '';

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('settings.tabs.payments')}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="payments-provider">
            {t('settings.payments.provider')}
          </Text>
          <SegmentedControl
            w="fit-content"
            aria-labelledby="payments-provider"
            value={form.provider}
            onChange={(value) => {
              if (includes(PAYMENT_PROVIDERS, value)) change('provider', value);
            }}
            data={PAYMENT_PROVIDERS.map((p) => ({ value: p, label: t(`settings.payments.providers.${p}`) }))}
          />
          <Text size="sm" c="dimmed">
            {t(`settings.payments.providerHint.${form.provider}`)}
          </Text>
        </Stack>
        <Fieldset legend={t('settings.payments.stripe')} disabled={!stripe}>
          <Stack gap="sm">
            {view.stripeMode && (
              <Group gap="xs">
                <Badge color={view.stripeMode === 'live' ? 'green' : 'yellow'} variant="light">
                  {t(`settings.payments.mode.${view.stripeMode}`)}
                </Badge>
              </Group>
            )}
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <PasswordInput
                  label={t('settings.payments.secretKey')}
                  withAsterisk={stripe && !stored.key}
                  description={
                    stored.key ? t('settings.payments.secretKept') : t('settings.payments.secretKeyHint')
                  }
                  placeholder="sk_live_…"
                  {...secret('stripeSecretKey')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <PasswordInput
                  label={t('settings.payments.webhookSecret')}
                  withAsterisk={stripe && !stored.secret}
                  description={
                    stored.secret
                      ? t('settings.payments.secretKept')
                      : t('settings.payments.webhookSecretHint')
                  }
                  placeholder="whsec_…"
                  {...secret('stripeWebhookSecret')}
                />
              </Grid.Col>
            </Grid>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('settings.payments.endpoint')}
              </Text>
              <Code block data-testid="stripe-endpoint">
                {endpoint}
              </Code>
              <Text size="sm" c="dimmed">
                {t('settings.payments.endpointHint')}
              </Text>
            </Stack>
          </Stack>
        </Fieldset>
        <SaveBar
          saving={save.saving}
          saved={save.saved}
          refused={save.refused}
          savedMessage={t('settings.payments.saved')}
        />
      </Stack>
    </Paper>
  );
}

/** The card-payment provider (built-in test page or Stripe Checkout) and its secrets, never shown back. */
export function PaymentsSection() {
  const settings = useQuery(paymentSettingsQuery);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <PaymentsSettingsForm initial={settings.data} />;
}
