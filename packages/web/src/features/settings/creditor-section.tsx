import { Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import type { Creditor } from '../../app/api/types.ts';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type CreditorDetails, creditorDetailsQuery, saveCreditorDetails } from './api.ts';
import {
  CREDITOR_FIELDS,
  type CreditorField,
  creditorDetailsOf,
  creditorValuesOf,
} from './creditor-values.ts';
import { PartyFields } from './party-fields.tsx';
import { checkParty, type FormValues } from './party-values.ts';
import { SaveBar } from './save-bar.tsx';
import { useErrorAt } from './use-error-at.ts';
import { useSave } from './use-save.ts';

type CreditorFormProps = { readonly creditor: Creditor; readonly details: CreditorDetails | null };

function CreditorForm({ creditor, details }: CreditorFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues<CreditorField>>(() => creditorValuesOf(details));
  const [checked, setChecked] = useState(false);
  const save = useSave({
    save: (input: CreditorDetails) => saveCreditorDetails(creditor.id, input),
    fields: CREDITOR_FIELDS,
    onSaved: (answer) => {
      queryClient.setQueryData(creditorDetailsQuery(creditor.id).queryKey, answer);
      setValues(creditorValuesOf(answer));
    },
  });
  const client = checked ? checkParty(values) : null;
  const errorAt = useErrorAt<CreditorField>(client, save.refused);
  const change = (field: CreditorField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(checkParty(values)).length > 0) return;
    save.submit(creditorDetailsOf(values));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={creditor.name}>
      <Stack gap="md">
        <TextInput
          label={t('settings.creditor.legalForm')}
          placeholder="SAS, SARL…"
          maw={240}
          value={values.legalForm}
          onChange={(event) => change('legalForm', event.currentTarget.value)}
          error={errorAt('legalForm')}
        />
        <PartyFields values={values} onChange={change} errorAt={errorAt} />
        <SaveBar
          saving={save.saving}
          saved={save.saved}
          refused={save.refused}
          savedMessage={t('settings.creditor.saved', { name: creditor.name })}
        />
      </Stack>
    </form>
  );
}

function CreditorDetailsLoader({ creditor }: { readonly creditor: Creditor }) {
  const details = useQuery(creditorDetailsQuery(creditor.id));
  if (details.isPending) return <LoadingState />;
  if (details.isError) return <ErrorState error={details.error} onRetry={() => void details.refetch()} />;
  return <CreditorForm creditor={creditor} details={details.data} />;
}

/** Pick a creditor and edit the letterhead and bank details its letters print. */
export function CreditorSection() {
  const { t } = useTranslation();
  const creditors = useQuery(creditorsQuery);
  const [picked, setPicked] = useState<string | null>(null);
  if (creditors.isPending) return <LoadingState />;
  if (creditors.isError)
    return <ErrorState error={creditors.error} onRetry={() => void creditors.refetch()} />;
  if (creditors.data.length === 0) return <EmptyState title={t('settings.creditor.none')} />;
  const creditor = creditors.data.find((c) => c.id === picked) ?? creditors.data[0];
  if (!creditor) return null;

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('settings.creditor.intro')}
        </Text>
        <Select
          label={t('settings.creditor.pick')}
          maw={420}
          searchable
          allowDeselect={false}
          value={creditor.id}
          onChange={setPicked}
          data={creditors.data.map((c) => ({ value: c.id, label: `${c.name} (${c.ref})` }))}
        />
        <CreditorDetailsLoader key={creditor.id} creditor={creditor} />
      </Stack>
    </Paper>
  );
}
