import { List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { CollectabilityBadge } from '../../app/ui/badges.tsx';
import { type CaseTotals, type Claim, type ClaimAssessment, shownVerdict } from './api.ts';

const CLAIM_STATUSES = ['open', 'disputed', 'paid', 'cancelled'] as const;

function StatusText({ claim }: { readonly claim: Claim }) {
  const { t } = useTranslation();
  const { status, disputeReason } = claim;
  return (
    <Stack gap={0}>
      <Text size="sm">{includes(CLAIM_STATUSES, status) ? t(`claims.status.${status}`) : status}</Text>
      {disputeReason && (
        <Text size="xs" c="dimmed">
          {disputeReason}
        </Text>
      )}
    </Stack>
  );
}

/** The sentences the API gives for a verdict: blocks first (red), then warnings (orange). */
function Reasons({ assessment }: { readonly assessment: ClaimAssessment }) {
  const { t } = useTranslation();
  const { blocks, warnings } = assessment;
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

type ClaimsTableProps = {
  readonly claims: readonly Claim[];
  readonly totals: CaseTotals;
  /**
   * The agent workspace's narrow column: invoice, due date, outstanding and verdict only (the case page
   * keeps the amount, status, limitation date and the reasons).
   */
  readonly compact?: boolean;
};

export function ClaimsTable({ claims, totals, compact = false }: ClaimsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const right = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
  if (compact) return <CompactClaims claims={claims} totals={totals} />;

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table aria-label={t('claims.tableLabel')} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('claims.columns.invoice')}</Table.Th>
            <Table.Th>{t('claims.columns.dueDate')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('claims.columns.amount')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('claims.columns.outstanding')}</Table.Th>
            <Table.Th>{t('claims.columns.status')}</Table.Th>
            <Table.Th>{t('claims.columns.prescription')}</Table.Th>
            <Table.Th>{t('claims.columns.verdict')}</Table.Th>
            <Table.Th>{t('claims.columns.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((claim) => (
            <Table.Tr key={claim.id} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {claim.invoiceNumber}
                </Text>
                {claim.issueDate && (
                  <Text size="xs" c="dimmed">
                    {t('claims.issuedOn', { date: format.date(claim.issueDate) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.dueDate)}</Table.Td>
              <Table.Td style={right}>{format.money(claim.amountMinor, claim.currency)}</Table.Td>
              <Table.Td style={right} fw={500}>
                {format.money(claim.outstandingMinor, claim.currency)}
              </Table.Td>
              <Table.Td>
                <StatusText claim={claim} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.prescriptionEnd)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <CollectabilityBadge value={shownVerdict(claim.assessment)} />
              </Table.Td>
              <Table.Td>
                <Reasons assessment={claim.assessment} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={2}>
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {t('claims.total')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('claims.count', { count: claims.length })}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td style={right} fw={600}>
              {format.money(totals.amountMinor, totals.currency)}
            </Table.Td>
            <Table.Td style={right} fw={600}>
              {format.money(totals.outstandingMinor, totals.currency)}
            </Table.Td>
            <Table.Td colSpan={4} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function CompactClaims({ claims, totals }: Omit<ClaimsTableProps, 'compact'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const right = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Table.ScrollContainer minWidth={440}>
      <Table aria-label={t('claims.tableLabel')} verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('claims.columns.invoice')}</Table.Th>
            <Table.Th>{t('claims.columns.dueDate')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('claims.columns.outstanding')}</Table.Th>
            <Table.Th>{t('claims.columns.verdict')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((claim) => (
            <Table.Tr key={claim.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{claim.invoiceNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.dueDate)}</Table.Td>
              <Table.Td style={right} fw={500}>
                {format.money(claim.outstandingMinor, claim.currency)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {claim.status === 'open' ? (
                  <CollectabilityBadge value={shownVerdict(claim.assessment)} />
                ) : (
                  <StatusText claim={claim} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={2} fw={600}>
              {t('claims.total')} · {t('claims.count', { count: claims.length })}
            </Table.Td>
            <Table.Td style={right} fw={600}>
              {format.money(totals.outstandingMinor, totals.currency)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
