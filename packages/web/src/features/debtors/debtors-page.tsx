import { Badge, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEBTOR_KINDS, includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { DebtorKindBadge } from '../../app/ui/badges.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { Pager } from '../../app/ui/pager.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { useDebouncedText } from '../../app/ui/use-debounced-text.ts';
import { DEBTORS_PAGE_SIZE, debtorsQuery } from './api.ts';

const route = getRouteApi('/_app/debtors');

export function DebtorsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(debtorsQuery(search));
  const [text, setText] = useDebouncedText(search.q, (q) =>
    navigate({ search: (previous) => ({ ...previous, q, page: undefined }), replace: true }),
  );
  const data = query.data;

  return (
    <Stack gap="md">
      <PageHeader title={t('debtors.title')} subtitle={t('debtors.subtitle')} />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('debtors.search')}
            placeholder={t('debtors.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            w={280}
          />
          <Select
            label={t('portfolio.filters.debtorKind')}
            placeholder={t('portfolio.filters.all')}
            clearable
            value={search.kind ?? null}
            onChange={(value) =>
              void navigate({
                search: (previous) => ({
                  ...previous,
                  kind: includes(DEBTOR_KINDS, value) ? value : undefined,
                  page: undefined,
                }),
              })
            }
            data={DEBTOR_KINDS.map((value) => ({ value, label: t(`debtorKind.${value}`) }))}
            w={180}
          />
        </Group>
      </Paper>
      <Paper withBorder p={0}>
        {query.isPending && <LoadingState />}
        {query.isError && !data && (
          <Stack p="md">
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          </Stack>
        )}
        {data && data.items.length === 0 && <EmptyState title={t('debtors.empty')} />}
        {data && data.items.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={t('debtors.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('debtors.columns.name')}</Table.Th>
                  <Table.Th>{t('debtors.columns.kind')}</Table.Th>
                  <Table.Th>{t('debtors.columns.siren')}</Table.Th>
                  <Table.Th>{t('debtors.columns.creditor')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('debtors.columns.cases')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('debtors.columns.claims')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((debtor) => (
                  <Table.Tr key={debtor.id}>
                    <Table.Td>
                      <Stack gap={0}>
                        <AnchorLink
                          to="/debtors/$debtorId"
                          params={{ debtorId: debtor.id }}
                          size="sm"
                          fw={500}
                        >
                          {debtor.name}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {debtor.ref}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <DebtorKindBadge value={debtor.kind} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{debtor.siren ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{debtor.creditor?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {debtor.caseCount !== undefined ? (
                        <Badge variant="default">{format.integer(debtor.caseCount)}</Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {debtor.claimCount !== undefined ? format.integer(debtor.claimCount) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {data && (
        <Pager
          page={data.page}
          pageSize={DEBTORS_PAGE_SIZE}
          total={data.total}
          onPage={(page) => void navigate({ search: (previous) => ({ ...previous, page }) })}
        />
      )}
    </Stack>
  );
}
