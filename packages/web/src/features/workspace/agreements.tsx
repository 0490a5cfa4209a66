import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { agreementUrl, casePlansQuery, casePromisesQuery } from './api.ts';
import { caseDisputesQuery } from './dispute-api.ts';
import { DisputeDocuments } from './dispute-documents.tsx';

function Status({ value }: { readonly value: string }) {
  const { t } = useTranslation();
  const color = value === 'open' || value === 'active' ? 'blue' : value === 'broken' ? 'red' : 'gray';
  return (
    <Badge size="sm" variant="light" tt="none" color={color}>
      {t(`workspace.status.${value}`, { defaultValue: value })}
    </Badge>
  );
}

/** What the debtor agreed to or contests on this case: promises, plans, disputes, with their status. */
export function Agreements({ caseId, currency }: { readonly caseId: string; readonly currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const promises = useQuery(casePromisesQuery(caseId));
  const plans = useQuery(casePlansQuery(caseId));
  const disputes = useQuery(caseDisputesQuery(caseId));
  const none =
    (promises.data?.promises.length ?? 0) + (plans.data?.length ?? 0) + (disputes.data?.length ?? 0) === 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agreements-title" data-testid="agreements">
      <Title order={2} fz="md" mb="xs" id="agreements-title">
        {t('workspace.agreements.title')}
      </Title>
      {promises.data?.history && (
        <Text size="xs" c="dimmed" mb={4} data-testid="promise-history">
          {t('workspace.agreements.history', {
            kept: promises.data.history.kept,
            partly: promises.data.history.partlyKept,
            broken: promises.data.history.broken,
          })}
        </Text>
      )}
      {none && (
        <Text size="sm" c="dimmed">
          {t('workspace.agreements.none')}
        </Text>
      )}
      <Stack gap="xs">
        {promises.data?.promises.map((promise) => (
          <Stack key={promise.id} gap={0} data-promise={promise.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('workspace.agreements.promise', {
                  amount: format.money(promise.amountMinor, promise.currency),
                })}
              </Text>
              <Status value={promise.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {promise.schedule
                .map(
                  (line) =>
                    `${format.date(line.dueOn)} · ${format.money(line.amountMinor, promise.currency)}`,
                )
                .join(' — ')}
            </Text>
            {promise.confirmation && (
              <Text size="xs" c="dimmed" data-testid="promise-confirmation">
                {t('workspace.agreements.confirmation', {
                  channel: channelName(promise.confirmation.channel),
                  status: t(`actionStatus.${promise.confirmation.status}`, {
                    defaultValue: promise.confirmation.status,
                  }),
                })}
              </Text>
            )}
          </Stack>
        ))}
        {plans.data?.map((plan) => (
          <Stack key={plan.id} gap={0} data-plan={plan.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('workspace.agreements.plan', { count: plan.instalments.filter((i) => i.seq > 0).length })}
              </Text>
              <Status value={plan.status} />
              <Anchor href={agreementUrl(plan.id)} target="_blank" size="xs">
                {t('workspace.plan.pdf')}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {plan.instalments
                .map(
                  (line) =>
                    `${format.date(line.dueOn)} · ${format.money(line.amountMinor, plan.currency ?? currency)}`,
                )
                .join(' — ')}
            </Text>
          </Stack>
        ))}
        {disputes.data?.map((dispute) => (
          <Stack key={dispute.id} gap={0} data-dispute={dispute.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('workspace.agreements.dispute', { count: dispute.claims.length })}
              </Text>
              <Status value={dispute.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {format.money(dispute.amountMinor, dispute.currency)}
              {' · '}
              {t(`workspace.dispute.reasons.${dispute.reason}`, { defaultValue: dispute.reason })}
              {dispute.status === 'open' && dispute.deadlineOn
                ? ` · ${t('workspace.dispute.until', { date: format.date(dispute.deadlineOn) })}`
                : ''}
              {dispute.resolution
                ? ` · ${t(`workspace.dispute.resolutions.${dispute.resolution}`, { defaultValue: dispute.resolution })}`
                : ''}
            </Text>
            <DisputeDocuments documents={dispute.documents} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
