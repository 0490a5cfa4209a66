import { Anchor, Breadcrumbs, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { CollectabilityBadge } from '../../app/ui/badges.tsx';
import { DaysPastDue } from '../../app/ui/days-past-due.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { debtorQuery } from './api.ts';
import { ContactsList } from './contacts-list.tsx';
import { DebtorCard } from './debtor-card.tsx';
import { DebtorTagsEditor } from './debtor-tags-editor.tsx';

const route = getRouteApi('/_app/debtors/$debtorId');

export function DebtorPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { debtorId } = route.useParams();
  const query = useQuery(debtorQuery(debtorId));
  usePageTitle(query.data?.name);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404)
      return <EmptyState title={t('debtor.notFound')} />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const debtor = query.data;
  const cases = debtor.cases ?? [];

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/debtors" size="sm">
          {t('nav.debtors')}
        </AnchorLink>
        <Anchor component="span" size="sm" c="dimmed" underline="never">
          {debtor.name}
        </Anchor>
      </Breadcrumbs>
      <Title order={1} fz={26}>
        {debtor.name}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DebtorCard
          debtor={debtor}
          title={t('debtor.identity')}
          tagsAction={<DebtorTagsEditor debtor={debtor} />}
        />
        <ContactsList contacts={debtor.contacts} />
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="debtor-cases-title">
        <Title order={2} fz="lg" mb="sm" id="debtor-cases-title">
          {t('debtor.cases')}
        </Title>
        {cases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('debtor.noCases')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('debtor.cases')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portfolio.columns.creditor')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('portfolio.columns.outstanding')}</Table.Th>
                  <Table.Th>{t('portfolio.columns.age')}</Table.Th>
                  <Table.Th>{t('portfolio.columns.collectability')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('portfolio.columns.claims')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <AnchorLink to="/cases/$caseId" params={{ caseId: item.id }} size="sm" fw={500}>
                        {item.creditor.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      {format.money(item.outstandingMinor, item.currency)}
                    </Table.Td>
                    <Table.Td>
                      <DaysPastDue days={item.daysPastDue} bucket={item.ageBucket} />
                    </Table.Td>
                    <Table.Td>
                      <CollectabilityBadge value={item.collectability} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{format.integer(item.claimCount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
