import { Fieldset, Grid, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type IdentityView, identityQuery, saveIdentity } from './api.ts';
import {
  checkIdentity,
  IDENTITY_FIELDS,
  type IdentityField,
  identityOf,
  identityValuesOf,
} from './identity-values.ts';
import { PartyFields } from './party-fields.tsx';
import type { FormValues } from './party-values.ts';
import { SaveBar } from './save-bar.tsx';
import { useErrorAt } from './use-error-at.ts';
import { useSave } from './use-save.ts';

function IdentityForm({ view }: { readonly view: IdentityView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues<IdentityField>>(() => identityValuesOf(view.identity));
  const [checked, setChecked] = useState(false);
  const save = useSave({
    save: saveIdentity,
    fields: IDENTITY_FIELDS,
    onSaved: (answer) => {
      queryClient.setQueryData(identityQuery.queryKey, answer);
      // The server tidies what it stores (a compact IBAN, the agency's default statement): show that.
      setValues(identityValuesOf(answer.identity));
    },
  });
  const client = checked ? checkIdentity(values, view.kind) : null;
  const errorAt = useErrorAt(client, save.refused);
  const change = (field: IdentityField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkIdentity(values, view.kind)).length > 0) return;
    save.submit(identityOf(values));
  };
  const agency = view.kind === 'agency';

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('settings.tabs.identity')}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(agency ? 'settings.identity.introAgency' : 'settings.identity.intro')}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('settings.identity.legalName')}
              withAsterisk
              value={values.legalName}
              onChange={(event) => change('legalName', event.currentTarget.value)}
              error={errorAt('legalName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('settings.identity.signatory')}
              placeholder={t('settings.identity.signatoryHint')}
              value={values.signatory}
              onChange={(event) => change('signatory', event.currentTarget.value)}
              error={errorAt('signatory')}
            />
          </Grid.Col>
        </Grid>
        <PartyFields values={values} onChange={change} errorAt={errorAt} />
        {agency && (
          <Fieldset legend={t('settings.identity.agency')}>
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('settings.identity.ibanAgency')}
              </Text>
              <Textarea
                label={t('settings.identity.activityStatement')}
                description={t('settings.identity.activityStatementHint')}
                autosize
                minRows={2}
                value={values.activityStatement}
                onChange={(event) => change('activityStatement', event.currentTarget.value)}
                error={errorAt('activityStatement')}
              />
              <Grid gap="sm">
                {(['insurer', 'insurancePolicy', 'declarationCourt', 'declarationDate'] as const).map(
                  (field) => (
                    <Grid.Col key={field} span={{ base: 12, sm: 6 }}>
                      <TextInput
                        type={field === 'declarationDate' ? 'date' : 'text'}
                        label={t(`settings.identity.${field}`)}
                        value={values[field]}
                        onChange={(event) => change(field, event.currentTarget.value)}
                        error={errorAt(field)}
                      />
                    </Grid.Col>
                  ),
                )}
              </Grid>
            </Stack>
          </Fieldset>
        )}
        <SaveBar
          saving={save.saving}
          saved={save.saved}
          refused={save.refused}
          savedMessage={t('settings.identity.saved')}
        />
      </Stack>
    </Paper>
  );
}

/** The tenant's letterhead and the account that receives payments. */
export function IdentitySection() {
  const identity = useQuery(identityQuery);
  if (identity.isPending) return <LoadingState />;
  if (identity.isError) return <ErrorState error={identity.error} onRetry={() => void identity.refetch()} />;
  return <IdentityForm view={identity.data} />;
}
