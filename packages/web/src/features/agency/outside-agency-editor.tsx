import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { type OutsideAgency, saveOutsideAgency } from './api.ts';

type Form = {
  readonly key: string;
  readonly name: string;
  readonly legalId: string;
  readonly email: string;
  readonly commissionRate: string;
  readonly vatRate: string;
  readonly share: number | string;
};

const blank: Form = {
  key: '',
  name: '',
  legalId: '',
  email: '',
  commissionRate: '',
  vatRate: '20',
  share: 1,
};

function formOf(agency: OutsideAgency | null): Form {
  if (!agency) return blank;
  return {
    key: agency.key,
    name: agency.name,
    legalId: agency.legalId ?? '',
    email: agency.email ?? '',
    commissionRate: agency.commissionRate,
    vatRate: agency.vatRate,
    share: agency.share,
  };
}

/** The agency as the API takes it: blanks are "none", the key is the agency's (it never changes). */
function inputOf(form: Form, active: boolean): Omit<OutsideAgency, 'agencyId'> {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    key: form.key.trim(),
    name: form.name.trim(),
    legalId: orNull(form.legalId),
    email: orNull(form.email),
    commissionRate: form.commissionRate.trim().replace(',', '.'),
    vatRate: form.vatRate.trim().replace(',', '.'),
    share: Number(form.share),
    active,
  };
}

type Props = {
  /** null: a new agency. */
  readonly agency: OutsideAgency | null;
  readonly onClose: () => void;
};

/** An outside agency in a dialog: registered, or its name, contact and terms changed (its key stays). */
export function OutsideAgencyEditor({ agency, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => formOf(agency));
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: () => saveOutsideAgency(inputOf(form, agency?.active ?? true)),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('agency.outside.saved') });
      await queryClient.invalidateQueries({ queryKey: ['agency'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const title = agency ? t('agency.outside.editTitle', { name: agency.name }) : t('agency.outside.newTitle');
  return (
    <Modal opened onClose={onClose} size="lg" title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('agency.outside.key')}
              description={t('agency.outside.keyHint')}
              value={form.key}
              onChange={(e) => set('key', e.currentTarget.value)}
              disabled={agency !== null}
              required
            />
            <TextInput
              label={t('agency.outside.name')}
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('agency.outside.legalId')}
              value={form.legalId}
              onChange={(e) => set('legalId', e.currentTarget.value)}
            />
            <TextInput
              type="email"
              label={t('agency.outside.email')}
              value={form.email}
              onChange={(e) => set('email', e.currentTarget.value)}
            />
            <TextInput
              label={t('agency.outside.commission')}
              value={form.commissionRate}
              onChange={(e) => set('commissionRate', e.currentTarget.value)}
              rightSection="%"
              required
            />
            <TextInput
              label={t('agency.outside.vat')}
              value={form.vatRate}
              onChange={(e) => set('vatRate', e.currentTarget.value)}
              rightSection="%"
            />
            <NumberInput
              label={t('agency.outside.share')}
              description={t('agency.outside.shareHint')}
              value={form.share}
              onChange={(value) => set('share', value)}
              min={0}
              max={100}
            />
          </SimpleGrid>
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('agency.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('agency.outside.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deactivates or reactivates an agency: the same save, its terms unchanged. */
export function useToggleAgency() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agency: OutsideAgency) => {
      const { agencyId: _, ...terms } = agency;
      return saveOutsideAgency({ ...terms, active: !agency.active });
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        message: t(saved.active ? 'agency.outside.reactivated' : 'agency.outside.deactivated', {
          name: saved.name,
        }),
      });
      await queryClient.invalidateQueries({ queryKey: ['agency'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}
