import { Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { CollectabilityBadge } from '../../app/ui/badges.tsx';
import { DaysPastDue } from '../../app/ui/days-past-due.tsx';
import { NextActionCell } from '../../app/ui/engine.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { SortableTh } from '../../app/ui/sortable-th.tsx';
import type { CaseSummary } from './api.ts';
import type { CaseSort, SortOrder } from './search.ts';

type CasesTableProps = {
  readonly cases: readonly CaseSummary[];
  readonly sort: CaseSort;
  readonly order: SortOrder;
  readonly onSort: (sort: CaseSort) => void;
};

export function CasesTable({ cases, sort, order, onSort }: CasesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const sortedBy = (column: CaseSort) => (sort === column ? order : null);

  return (
    <Table.ScrollContainer minWidth={1050}>
      <Table striped aria-label={t('portfolio.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <SortableTh sorted={sortedBy('debtor')} onSort={() => onSort('debtor')}>
              {t('portfolio.columns.debtor')}
            </SortableTh>
            <Table.Th>{t('portfolio.columns.creditor')}</Table.Th>
            <SortableTh sorted={sortedBy('balance')} onSort={() => onSort('balance')} align="right">
              {t('portfolio.columns.outstanding')}
            </SortableTh>
            <SortableTh sorted={sortedBy('age')} onSort={() => onSort('age')}>
              {t('portfolio.columns.age')}
            </SortableTh>
            <Table.Th>{t('portfolio.columns.collectability')}</Table.Th>
            <Table.Th>{t('portfolio.columns.nextAction')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('portfolio.columns.claims')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr
              key={item.id}
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/cases/$caseId', params: { caseId: item.id } });
              }}
            >
              <Table.Td>
                <Stack gap={0}>
                  <AnchorLink to="/cases/$caseId" params={{ caseId: item.id }} fw={500} size="sm">
                    {item.debtor.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {item.debtor.ref} · {t(`debtorKind.${item.debtor.kind}`)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.creditor.name}</Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500} component="span" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.money(item.outstandingMinor, item.currency)}
                </Text>
                {item.disputedMinor > 0 && (
                  <Text size="xs" c="orange.8">
                    {t('portfolio.disputed', { amount: format.money(item.disputedMinor, item.currency) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DaysPastDue days={item.daysPastDue} bucket={item.ageBucket} />
              </Table.Td>
              <Table.Td>
                <CollectabilityBadge value={item.collectability} />
              </Table.Td>
              <Table.Td>
                <NextActionCell next={item.nextAction ?? null} stage={item.stage ?? 'new'} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Text size="sm" title={t('portfolio.openClaimsHint', { count: item.openClaimCount })}>
                  {item.openClaimCount < item.claimCount
                    ? `${item.openClaimCount} / ${item.claimCount}`
                    : format.integer(item.claimCount)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
