import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { strategiesQuery } from '../strategies/api.ts';
import { type MandateTerms, saveMandate } from './api.ts';
import { type FormProblem, formOf, type MandateForm, termsOf } from './mandate-values.ts';

type Props = {
  readonly creditor: { readonly id: string; readonly name: string };
  readonly terms: MandateTerms | null;
  readonly today: string;
  readonly onClose: () => void;
};

/** A client's mandate in a dialog: commission, VAT, fee settlement, strategies, plan limits, remittance. */
export function MandateEditor({ creditor, terms, today, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const strategies = useQuery(strategiesQuery);
  const [form, setForm] = useState<MandateForm>(() => formOf(terms, today));
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const set = <K extends keyof MandateForm>(key: K, value: MandateForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (next: MandateTerms) => saveMandate(creditor.id, next),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('agency.mandate.saved') });
      await queryClient.invalidateQueries({ queryKey: ['agency', 'mandates'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = termsOf(form);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    save.mutate(result.terms);
  };
  const problem = (field: FormProblem) =>
    problems.includes(field) ? t(`agency.mandate.problem.${field}`) : null;
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const strategyOptions = (strategies.data?.items ?? []).map((s) => ({
    value: s.key,
    label: s.definition.name[language],
  }));

  return (
    <Modal opened onClose={onClose} size="lg" title={t('agency.mandate.editTitle', { name: creditor.name })}>
      <form onSubmit={submit} noValidate aria-label={t('agency.mandate.editTitle', { name: creditor.name })}>
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('agency.mandate.signedOn')}
            value={form.signedOn}
            onChange={(e) => set('signedOn', e.currentTarget.value)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('agency.mandate.commission')}
            </Text>
            <SegmentedControl
              value={form.kind}
              onChange={(value) => set('kind', value as MandateForm['kind'])}
              data={(['flat', 'age', 'amount'] as const).map((kind) => ({
                value: kind,
                label: t(`agency.mandate.kind.${kind}`),
              }))}
            />
          </Stack>
          {form.kind === 'flat' ? (
            <TextInput
              label={t('agency.mandate.rate')}
              value={form.rate}
              onChange={(e) => set('rate', e.currentTarget.value)}
              rightSection="%"
            />
          ) : (
            <>
              {form.kind === 'age' && (
                <Select
                  label={t('agency.mandate.measuredAt')}
                  value={form.measuredAt}
                  onChange={(value) => set('measuredAt', (value ?? 'placement') as MandateForm['measuredAt'])}
                  data={(['placement', 'payment'] as const).map((m) => ({
                    value: m,
                    label: t(`agency.mandate.measured.${m}`),
                  }))}
                />
              )}
              <Textarea
                label={t('agency.mandate.bands')}
                description={t(
                  form.kind === 'age' ? 'agency.mandate.bandsAgeHint' : 'agency.mandate.bandsAmountHint',
                )}
                autosize
                minRows={2}
                value={form.bands}
                onChange={(e) => set('bands', e.currentTarget.value)}
                error={problem('bands')}
              />
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('agency.mandate.vatRate')}
              value={form.vatRate}
              onChange={(e) => set('vatRate', e.currentTarget.value)}
              rightSection="%"
            />
            <Select
              label={t('agency.mandate.feeSettlement')}
              value={form.feeSettlement}
              onChange={(value) => set('feeSettlement', (value ?? 'deduct') as MandateForm['feeSettlement'])}
              data={(['deduct', 'invoice'] as const).map((f) => ({
                value: f,
                label: t(`agency.mandate.fee.${f}`),
              }))}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('agency.mandate.strategies')}
            data={strategyOptions}
            value={[...form.allowedStrategies]}
            onChange={(value) => set('allowedStrategies', value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('agency.mandate.maxInstalments')}
              value={form.maxInstalments}
              onChange={(value) => set('maxInstalments', String(value))}
              min={1}
              allowDecimal={false}
              error={problem('maxInstalments')}
            />
            <TextInput
              label={t('agency.mandate.minInstalment')}
              value={form.minInstalment}
              onChange={(e) => set('minInstalment', e.currentTarget.value)}
              error={problem('minInstalment')}
            />
            <Select
              label={t('agency.mandate.frequency')}
              value={form.frequency}
              onChange={(value) => set('frequency', (value ?? 'monthly') as MandateForm['frequency'])}
              data={(['monthly', 'fortnightly', 'weekly'] as const).map((f) => ({
                value: f,
                label: t(`agency.mandate.freq.${f}`),
              }))}
            />
            <NumberInput
              label={t('agency.mandate.delayDays')}
              value={form.delayDays}
              onChange={(value) => set('delayDays', String(value))}
              min={0}
              max={30}
              allowDecimal={false}
              error={problem('delayDays')}
            />
          </SimpleGrid>
          <Textarea
            label={t('agency.mandate.scope')}
            autosize
            minRows={2}
            value={form.scope}
            onChange={(e) => set('scope', e.currentTarget.value)}
          />
          <Switch
            label={t('agency.mandate.powerToReceiveFunds')}
            checked={form.powerToReceiveFunds}
            onChange={(e) => set('powerToReceiveFunds', e.currentTarget.checked)}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('agency.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('agency.mandate.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
