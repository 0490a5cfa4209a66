import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { COLLECTABILITIES } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { CollectabilityBadge } from '../../app/ui/badges.tsx';
import { DaysPastDue } from '../../app/ui/days-past-due.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { Stat } from '../../app/ui/stat.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { ContactsList } from '../debtors/contacts-list.tsx';
import { DebtorCard } from '../debtors/debtor-card.tsx';
import { PaymentsPanel } from '../payments/payments-panel.tsx';
import { WorkCaseButton } from '../workspace/work-case-button.tsx';
import { type CaseTotals, caseQuery } from './api.ts';
import { CaseControlButtons, CaseControlNotice } from './case-control.tsx';
import { ClaimsTable } from './claims-table.tsx';
import { EnginePanel } from './engine-panel.tsx';
import { EvidencePanel } from './evidence-panel.tsx';

/** "Recouvrable : 2 (1 234,00 €) · Bloqué : 1 (80,00 €)", verdicts with no claim left out. */
function VerdictBreakdown({ totals }: { readonly totals: CaseTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="md" aria-label={t('case.byVerdict')} role="group">
      {COLLECTABILITIES.filter((verdict) => totals.byVerdict[verdict].count > 0).map((verdict) => (
        <Group key={verdict} gap={6} wrap="nowrap">
          <CollectabilityBadge value={verdict} />
          <Text size="sm">
            {t('case.verdictTotal', {
              count: totals.byVerdict[verdict].count,
              amount: format.money(totals.byVerdict[verdict].outstandingMinor, totals.currency),
            })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

const route = getRouteApi('/_app/cases/$caseId');

export function CasePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { caseId } = route.useParams();
  const query = useQuery(caseQuery(caseId));
  usePageTitle(query.data?.debtor.name);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <EmptyState title={t('case.notFound')} />;
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }

  const { case: item, debtor, claims, totals, control } = query.data;
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/portfolio" size="sm">
          {t('nav.portfolio')}
        </AnchorLink>
        <Anchor component="span" size="sm" c="dimmed" underline="never">
          {debtor.name}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} fz={26}>
            {debtor.name}
          </Title>
          <Text c="dimmed">
            {t('case.subtitle', { creditor: item.creditor.name, ref: item.creditor.ref })}
          </Text>
        </Stack>
        <Group gap="sm">
          <DaysPastDue days={item.daysPastDue} bucket={item.ageBucket} />
          <CollectabilityBadge value={item.collectability} />
          <WorkCaseButton caseId={item.id} />
          <CaseControlButtons caseId={item.id} control={control} closed={item.status === 'closed'} />
        </Group>
      </Group>
      <CaseControlNotice control={control} />
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Stat
          label={t('case.stats.outstanding')}
          value={format.money(item.outstandingMinor, item.currency)}
        />
        <Stat label={t('case.stats.disputed')} value={format.money(item.disputedMinor, item.currency)} />
        <Stat
          label={t('case.stats.claims')}
          value={`${format.integer(item.openClaimCount)} / ${format.integer(item.claimCount)}`}
          hint={t('case.stats.claimsHint')}
        />
        <Stat label={t('case.stats.oldestDue')} value={format.date(item.oldestDueDate)} />
        <Stat label={t('case.stats.prescription')} value={format.date(item.earliestPrescriptionEnd)} />
      </SimpleGrid>
      <EnginePanel caseId={item.id} currency={item.currency} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DebtorCard debtor={debtor} />
        <ContactsList contacts={debtor.contacts} />
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="claims-title">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="lg" id="claims-title">
            {t('claims.title')}
          </Title>
          <VerdictBreakdown totals={totals} />
        </Group>
        {claims.length === 0 ? (
          <EmptyState title={t('claims.empty')} />
        ) : (
          <ClaimsTable claims={claims} totals={totals} />
        )}
      </Paper>
      <PaymentsPanel caseId={item.id} currency={item.currency} />
      <EvidencePanel caseId={item.id} />
    </Stack>
  );
}
