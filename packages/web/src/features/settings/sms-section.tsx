import {
  Fieldset,
  Grid,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { SMS_PROVIDERS, type SmsSettingsView, saveSmsSettings, smsSettingsQuery } from './api.ts';
import { SaveBar } from './save-bar.tsx';
import {
  checkSmsForm,
  SMS_FIELDS,
  type SmsField,
  type SmsForm,
  smsFormOf,
  smsInputOf,
} from './sms-values.ts';
import { useErrorAt } from './use-error-at.ts';
import { useSave } from './use-save.ts';

/** SIDs are read character by character: the input (not its label) in a fixed-width font. */
const MONOSPACE = { input: { fontFamily: 'monospace' } } as const;

function SmsSettingsForm({ initial }: { readonly initial: SmsSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tokenStored, setTokenStored] = useState(initial.authTokenSet);
  const [form, setForm] = useState<SmsForm>(() => smsFormOf(initial));
  const [checked, setChecked] = useState(false);
  const save = useSave({
    save: saveSmsSettings,
    fields: SMS_FIELDS,
    onSaved: (answer) => {
      queryClient.setQueryData(smsSettingsQuery.queryKey, answer);
      setTokenStored(answer.authTokenSet);
      setForm(smsFormOf(answer));
    },
  });
  const client = checked ? checkSmsForm(form, tokenStored) : null;
  const errorAt = useErrorAt(client, save.refused);
  const change = <K extends keyof SmsForm>(field: K, value: SmsForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    save.reset();
  };
  const text = (field: SmsField) => ({
    value: form[field],
    onChange: (event: { currentTarget: HTMLInputElement }) => change(field, event.currentTarget.value),
    error: errorAt(field),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkSmsForm(form, tokenStored)).length > 0) return;
    save.submit(smsInputOf(form));
  };
  const twilio = form.provider === 'twilio';

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('settings.tabs.sms')}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('settings.sms.provider')}
          </Text>
          <SegmentedControl
            w="fit-content"
            value={form.provider}
            onChange={(value) => {
              if (includes(SMS_PROVIDERS, value)) change('provider', value);
            }}
            data={SMS_PROVIDERS.map((p) => ({ value: p, label: t(`settings.sms.providers.${p}`) }))}
          />
          <Text size="sm" c="dimmed">
            {t(`settings.sms.providerHint.${form.provider}`)}
          </Text>
        </Stack>
        <Fieldset legend={t('settings.sms.twilio')} disabled={!twilio}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.sms.accountSid')}
                withAsterisk={twilio}
                placeholder="AC…"
                styles={MONOSPACE}
                {...text('accountSid')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PasswordInput
                label={t('settings.sms.authToken')}
                withAsterisk={twilio && !tokenStored}
                description={tokenStored ? t('settings.sms.authTokenKept') : undefined}
                autoComplete="new-password"
                {...text('authToken')}
                data-testid="sms-token"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.sms.fromNumber')}
                description={t('settings.sms.fromNumberHint')}
                placeholder="+33612345678"
                {...text('fromNumber')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.sms.messagingServiceSid')}
                description={t('settings.sms.messagingServiceSidHint')}
                placeholder="MG…"
                styles={MONOSPACE}
                {...text('messagingServiceSid')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Switch
          label={t('settings.sms.transliterate')}
          description={t('settings.sms.transliterateHint')}
          checked={form.transliterate}
          onChange={(event) => change('transliterate', event.currentTarget.checked)}
        />
        <SaveBar
          saving={save.saving}
          saved={save.saved}
          refused={save.refused}
          savedMessage={t('settings.sms.saved')}
        />
      </Stack>
    </Paper>
  );
}

/** The SMS provider (built-in demo outbox or Twilio) and its sender. */
export function SmsSection() {
  const settings = useQuery(smsSettingsQuery);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SmsSettingsForm initial={settings.data} />;
}
