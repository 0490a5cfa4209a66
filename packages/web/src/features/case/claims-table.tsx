import { Badge, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLLECTABILITIES, includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { CollectabilityBadge } from '../../app/ui/badges.tsx';
import type { Claim, ClaimVerdict } from './api.ts';

const CLAIM_STATUSES = ['open', 'disputed', 'paid', 'cancelled'] as const;

function VerdictBadge({ verdict }: { readonly verdict: string }) {
  if (includes(COLLECTABILITIES, verdict)) return <CollectabilityBadge value={verdict} />;
  return (
    <Badge color="gray" variant="light">
      {verdict}
    </Badge>
  );
}

function StatusText({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  return <Text size="sm">{includes(CLAIM_STATUSES, status) ? t(`claims.status.${status}`) : status}</Text>;
}

/** The sentences the API gives for a verdict: blocks first (red), then warnings (orange). */
function Reasons({ collectability }: { readonly collectability: ClaimVerdict }) {
  const { t } = useTranslation();
  const { blocks, warnings } = collectability;
  if (blocks.length === 0 && warnings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} listStyleType="none" aria-label={t('claims.reasons')}>
      {blocks.map((reason) => (
        <List.Item key={`block-${reason.code}`} data-reason={reason.code}>
          <Text size="sm" c="red.8" span>
            <Text span fw={600}>
              {t('claims.block')}
            </Text>{' '}
            {reason.message}
          </Text>
        </List.Item>
      ))}
      {warnings.map((reason) => (
        <List.Item key={`warning-${reason.code}`} data-reason={reason.code}>
          <Text size="sm" c="orange.9" span>
            <Text span fw={600}>
              {t('claims.warning')}
            </Text>{' '}
            {reason.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

type Totals = ReadonlyMap<string, { amount: number; outstanding: number }>;

function totalsByCurrency(claims: readonly Claim[]): Totals {
  const totals = new Map<string, { amount: number; outstanding: number }>();
  for (const claim of claims) {
    const current = totals.get(claim.currency) ?? { amount: 0, outstanding: 0 };
    totals.set(claim.currency, {
      amount: current.amount + claim.amountMinor,
      outstanding: current.outstanding + claim.outstandingMinor,
    });
  }
  return totals;
}

export function ClaimsTable({ claims }: { readonly claims: readonly Claim[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = totalsByCurrency(claims);
  const right = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table aria-label={t('claims.tableLabel')} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('claims.columns.invoice')}</Table.Th>
            <Table.Th>{t('claims.columns.issueDate')}</Table.Th>
            <Table.Th>{t('claims.columns.dueDate')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('claims.columns.amount')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('claims.columns.outstanding')}</Table.Th>
            <Table.Th>{t('claims.columns.status')}</Table.Th>
            <Table.Th>{t('claims.columns.prescription')}</Table.Th>
            <Table.Th>{t('claims.columns.verdict')}</Table.Th>
            <Table.Th w="32%">{t('claims.columns.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((claim) => (
            <Table.Tr key={claim.id} style={{ verticalAlign: 'top' }}>
              <Table.Td fw={500}>{claim.invoiceNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.issueDate)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.dueDate)}</Table.Td>
              <Table.Td style={right}>{format.money(claim.amountMinor, claim.currency)}</Table.Td>
              <Table.Td style={right} fw={500}>
                {format.money(claim.outstandingMinor, claim.currency)}
              </Table.Td>
              <Table.Td>
                <StatusText status={claim.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.prescriptionEnd)}</Table.Td>
              <Table.Td>
                <VerdictBadge verdict={claim.collectability.verdict} />
              </Table.Td>
              <Table.Td>
                <Reasons collectability={claim.collectability} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {[...totals.entries()].map(([currency, total]) => (
            <Table.Tr key={currency} fw={600}>
              <Table.Td colSpan={3}>
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {t('claims.total')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('claims.count', { count: claims.length })}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td style={right}>{format.money(total.amount, currency)}</Table.Td>
              <Table.Td style={right}>{format.money(total.outstanding, currency)}</Table.Td>
              <Table.Td colSpan={4} />
            </Table.Tr>
          ))}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
