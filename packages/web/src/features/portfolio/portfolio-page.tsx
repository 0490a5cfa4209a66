import { Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { Pager } from '../../app/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type CaseSummary, casesQuery } from './api.ts';
import { CasesTable } from './cases-table.tsx';
import { DrillChips } from './drill-chips.tsx';
import { type FilterPatch, PortfolioFilters } from './portfolio-filters.tsx';
import { type CaseSort, DEFAULT_ORDER, DEFAULT_PAGE_SIZE, DEFAULT_SORT, PAGE_SIZES } from './search.ts';

const route = getRouteApi('/_app/portfolio');

/** Outstanding amounts of the listed cases, one sum per currency. */
function sumsByCurrency(cases: readonly CaseSummary[]): ReadonlyMap<string, number> {
  const sums = new Map<string, number>();
  for (const item of cases) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.outstandingMinor);
  return sums;
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const cases = useQuery(casesQuery(search));
  const creditors = useQuery(creditorsQuery);

  const onFilter = (patch: FilterPatch) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: true });
  const onSort = (sort: CaseSort) =>
    void navigate({
      search: (previous) => {
        const current = previous.sort ?? DEFAULT_SORT;
        const currentOrder = previous.order ?? DEFAULT_ORDER[current];
        const order = current === sort ? (currentOrder === 'asc' ? 'desc' : 'asc') : DEFAULT_ORDER[sort];
        return { ...previous, sort, order, page: undefined };
      },
    });

  const data = cases.data;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const sums = data ? sumsByCurrency(data.items) : new Map<string, number>();
  const pageOnly = data ? data.total > data.items.length : false;

  return (
    <Stack gap="md">
      <PageHeader title={t('portfolio.title')} subtitle={t('portfolio.subtitle')} />
      <Paper withBorder p="md">
        <PortfolioFilters
          search={search}
          creditors={creditors.data ?? []}
          onChange={onFilter}
          onReset={() => void navigate({ search: {} })}
        />
        <DrillChips
          search={search}
          onRemove={(patch) =>
            void navigate({
              search: (previous) => ({ ...previous, ...patch, page: undefined }),
              replace: true,
            })
          }
        />
      </Paper>
      <Paper withBorder p={0} pos="relative">
        {cases.isPending && <LoadingState />}
        {cases.isError && !data && (
          <Stack p="md">
            <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
          </Stack>
        )}
        {data && data.items.length === 0 && (
          <EmptyState title={t('portfolio.empty')} hint={t('portfolio.emptyHint')} />
        )}
        {data && data.items.length > 0 && (
          <div style={{ opacity: cases.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <CasesTable
              cases={data.items}
              sort={search.sort ?? DEFAULT_SORT}
              order={search.order ?? DEFAULT_ORDER[search.sort ?? DEFAULT_SORT]}
              onSort={onSort}
            />
          </div>
        )}
      </Paper>
      {data && (
        <Group justify="space-between" wrap="wrap" data-testid="portfolio-totals">
          <Text size="sm" fw={500}>
            {t('portfolio.totals.cases', { count: data.total })}
            {sums.size > 0 && ' · '}
            {[...sums.entries()].map(([currency, minor], index) => (
              <span key={currency}>
                {index > 0 && ' + '}
                {format.money(minor, currency)}
              </span>
            ))}
            {sums.size > 0 &&
              ` ${pageOnly ? t('portfolio.totals.onThisPage') : t('portfolio.totals.outstanding')}`}
          </Text>
          <Pager
            page={data.page}
            pageSize={pageSize}
            total={data.total}
            pageSizes={PAGE_SIZES}
            onPage={(page) => void navigate({ search: (previous) => ({ ...previous, page }) })}
            onPageSize={(size) =>
              void navigate({ search: (previous) => ({ ...previous, pageSize: size, page: undefined }) })
            }
          />
        </Group>
      )}
    </Stack>
  );
}
