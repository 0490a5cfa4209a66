import { Alert, Button, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { SectionProps } from './api.ts';
import { agreePlan, type PlanFrequency, type PlanRequest, previewPlan } from './api.ts';
import { localDay } from './inputs.ts';
import { portalErrorText } from './portal-frame.tsx';

/**
 * Instalments within the creditor's limits: the debtor picks a count, a frequency and maybe a first date; the
 * schedule and any limit it breaks are shown in words before anything is agreed.
 */
export function PlanSection({ linkKey, view }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const policy = view.limits.plan;
  const counts = Array.from({ length: Math.max(1, policy.maxInstalments - 1) }, (_, i) => String(i + 2));
  const [count, setCount] = useState(counts.includes('3') ? '3' : (counts[0] ?? '2'));
  const [frequency, setFrequency] = useState<PlanFrequency>(policy.allowedFrequencies[0] ?? 'monthly');
  const [firstDueOn, setFirstDueOn] = useState('');
  const request: PlanRequest = {
    count: Number(count),
    frequency,
    ...(firstDueOn ? { firstDueOn } : {}),
  };
  const preview = useQuery({
    queryKey: ['portal', linkKey, 'plan-preview', request, format.language],
    queryFn: () => previewPlan(linkKey, request),
    placeholderData: keepPreviousData,
  });
  const agree = useMutation({
    mutationFn: () => agreePlan(linkKey, request),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('portal.plan.done') });
      return queryClient.invalidateQueries({ queryKey: ['portal', linkKey] });
    },
  });
  const violations = preview.data?.violations ?? [];
  const money = (minor: number) => format.money(minor, view.currency);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (violations.length === 0) agree.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('portal.plan.intro', { creditor: view.creditorName })}</Text>
        <Select
          label={t('portal.plan.count')}
          data={counts}
          value={count}
          onChange={(value) => value && setCount(value)}
          allowDeselect={false}
          size="md"
        />
        <Select
          label={t('portal.plan.frequency')}
          data={policy.allowedFrequencies.map((f) => ({
            value: f,
            label: t(`portal.plan.frequencies.${f}`),
          }))}
          value={frequency}
          onChange={(value) => value && setFrequency(value as PlanFrequency)}
          allowDeselect={false}
          size="md"
        />
        <TextInput
          type="date"
          label={t('portal.plan.firstDueOn')}
          value={firstDueOn}
          min={localDay()}
          onChange={(event) => setFirstDueOn(event.currentTarget.value)}
          size="md"
        />
        {preview.data && (
          <Stack gap={4} aria-live="polite" data-testid="portal-plan-preview">
            <Text fw={600} size="sm">
              {t('portal.plan.schedule')}
            </Text>
            <List size="sm">
              {preview.data.instalments.map((i) => (
                <List.Item key={i.seq}>
                  {t('portal.plan.line', {
                    seq: i.seq,
                    amount: money(i.amountMinor),
                    date: format.date(i.dueOn),
                  })}
                </List.Item>
              ))}
            </List>
            <Text size="sm">{t('portal.plan.total', { amount: money(preview.data.totalMinor) })}</Text>
          </Stack>
        )}
        {violations.length > 0 && (
          <Alert color="orange" role="alert" title={t('portal.plan.limits')}>
            <List size="sm">
              {violations.map((v) => (
                <List.Item key={v.code}>{v.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {(preview.isError || agree.isError) && (
          <Alert color="orange" role="alert">
            {portalErrorText(agree.error ?? preview.error, t('portal.error'))}
          </Alert>
        )}
        {agree.isSuccess && (
          <Alert color="teal" role="status">
            {t('portal.plan.done')}
          </Alert>
        )}
        <Button
          type="submit"
          size="md"
          loading={agree.isPending}
          disabled={!preview.data || violations.length > 0 || preview.isFetching}
        >
          {t('portal.plan.submit')}
        </Button>
      </Stack>
    </form>
  );
}
