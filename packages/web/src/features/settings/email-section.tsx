import {
  Alert,
  Checkbox,
  Fieldset,
  Grid,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type EmailSettingsView, emailSettingsQuery, SMTP_SECURITIES, saveEmailSettings } from './api.ts';
import {
  checkEmailForm,
  EMAIL_FIELDS,
  type EmailField,
  type EmailForm,
  emailFormOf,
  emailInputOf,
} from './email-values.ts';
import { SaveBar } from './save-bar.tsx';
import { useErrorAt } from './use-error-at.ts';
import { useSave } from './use-save.ts';

/** What the password field says about the stored one, following the server's rule for an empty field. */
function passwordHint(view: EmailSettingsView | null): 'kept' | 'notCopied' | null {
  if (!view?.passwordSet) return null;
  return view.source === 'tenant' ? 'kept' : 'notCopied';
}

function EmailSettingsForm({ initial }: { readonly initial: EmailSettingsView | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<EmailForm>(() => emailFormOf(initial));
  const [checked, setChecked] = useState(false);
  const save = useSave({
    save: saveEmailSettings,
    fields: EMAIL_FIELDS,
    onSaved: (answer) => {
      queryClient.setQueryData(emailSettingsQuery.queryKey, answer);
      setView(answer);
      setForm(emailFormOf(answer));
    },
  });
  const client = checked ? checkEmailForm(form) : null;
  const errorAt = useErrorAt(client, save.refused);
  const change = <K extends keyof EmailForm>(field: K, value: EmailForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    save.reset();
  };
  const text = (field: EmailField & keyof EmailForm) => ({
    value: form[field],
    onChange: (event: { currentTarget: HTMLInputElement }) => change(field, event.currentTarget.value),
    error: errorAt(field),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkEmailForm(form)).length > 0) return;
    save.submit(emailInputOf(form));
  };
  const hint = passwordHint(view);

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('settings.tabs.email')}
    >
      <Stack gap="md">
        {view?.source === 'environment' && <Alert color="blue">{t('settings.email.fromEnvironment')}</Alert>}
        {!view && <Alert color="yellow">{t('settings.email.none')}</Alert>}
        <Fieldset legend={t('settings.email.server')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('settings.email.host')}
                withAsterisk
                placeholder="smtp.example.com"
                {...text('host')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput
                label={t('settings.email.port')}
                withAsterisk
                inputMode="numeric"
                {...text('port')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <Select
                label={t('settings.email.security')}
                allowDeselect={false}
                value={form.security}
                onChange={(value) => {
                  if (includes(SMTP_SECURITIES, value)) change('security', value);
                }}
                data={SMTP_SECURITIES.map((s) => ({ value: s, label: t(`settings.email.securities.${s}`) }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('settings.email.user')} autoComplete="off" {...text('user')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Stack gap={6}>
                <PasswordInput
                  label={t('settings.email.password')}
                  description={hint ? t(`settings.email.password_${hint}`) : undefined}
                  autoComplete="new-password"
                  disabled={form.removePassword}
                  {...text('password')}
                  data-testid="smtp-password"
                />
                {hint === 'kept' && (
                  <Checkbox
                    label={t('settings.email.removePassword')}
                    checked={form.removePassword}
                    onChange={(event) => change('removePassword', event.currentTarget.checked)}
                  />
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('settings.email.sender')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('settings.email.fromName')} {...text('fromName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('settings.email.fromAddress')} withAsterisk {...text('fromAddress')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('settings.email.replyTo')} {...text('replyTo')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Switch
                label={t('settings.email.readReceipt')}
                description={t('settings.email.readReceiptHint')}
                checked={form.readReceipt}
                onChange={(event) => change('readReceipt', event.currentTarget.checked)}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <SaveBar
          saving={save.saving}
          saved={save.saved}
          refused={save.refused}
          savedMessage={t('settings.email.saved')}
        />
      </Stack>
    </Paper>
  );
}

/** The SMTP server the tenant's e-mails leave through. */
export function EmailSection() {
  const settings = useQuery(emailSettingsQuery);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <EmailSettingsForm initial={settings.data} />;
}
