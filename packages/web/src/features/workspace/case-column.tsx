import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { CollectabilityBadge } from '../../app/ui/badges.tsx';
import { DaysPastDue } from '../../app/ui/days-past-due.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import type { CaseDetail } from '../case/api.ts';
import { CaseControlNotice } from '../case/case-control.tsx';
import { ClaimsTable } from '../case/claims-table.tsx';
import { caseEngineQuery } from '../case/engine-api.ts';
import { InterestBlock } from '../case/interest-block.tsx';
import { Agreements } from './agreements.tsx';
import { PhoneList } from './phones.tsx';

/** The left of the workspace: who the debtor is, how to reach them, what they owe and what they agreed. */
export function CaseColumn({
  detail,
  calledPhone,
}: {
  readonly detail: CaseDetail;
  readonly calledPhone: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { case: item, debtor, claims, totals } = detail;
  const engine = useQuery(caseEngineQuery(item.id));
  return (
    <Stack gap="md">
      <CaseControlNotice control={detail.control} />
      <Paper
        withBorder
        p="md"
        component="section"
        aria-labelledby="debtor-title"
        data-testid="workspace-debtor"
      >
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Title order={2} fz="lg" id="debtor-title">
              <AnchorLink to="/cases/$caseId" params={{ caseId: item.id }} inherit>
                {debtor.name}
              </AnchorLink>
            </Title>
            <Text size="sm" c="dimmed">
              {t('case.subtitle', { creditor: item.creditor.name, ref: item.creditor.ref })}
            </Text>
          </Stack>
          <Group gap={6} wrap="wrap">
            <CollectabilityBadge value={item.collectability} />
            <DaysPastDue days={item.daysPastDue} bucket={item.ageBucket} />
          </Group>
        </Group>
        <Group gap="lg" mt="sm">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('case.stats.outstanding')}
            </Text>
            <Text fw={700} data-testid="workspace-outstanding">
              {format.money(item.outstandingMinor, item.currency)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('case.stats.disputed')}
            </Text>
            <Text fw={500}>{format.money(item.disputedMinor, item.currency)}</Text>
          </Stack>
          {debtor.language && (
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('workspace.contacts.language')}
              </Text>
              <Text fw={500}>{debtor.language}</Text>
            </Stack>
          )}
        </Group>
      </Paper>
      <PhoneList contacts={debtor.contacts} called={calledPhone} />
      <Paper withBorder p="md" component="section" aria-labelledby="workspace-claims-title">
        <Title order={2} fz="md" mb="xs" id="workspace-claims-title">
          {t('claims.title')}
        </Title>
        <ClaimsTable claims={claims} totals={totals} compact />
        {engine.data && (
          <Stack mt="sm">
            <InterestBlock interest={engine.data.interest} currency={item.currency} />
          </Stack>
        )}
      </Paper>
      <Agreements caseId={item.id} currency={item.currency} />
    </Stack>
  );
}
