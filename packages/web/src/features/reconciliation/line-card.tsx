import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import type { StatementLine } from './api.ts';
import { CaseSearchModal } from './case-search-modal.tsx';
import { IgnoreLineModal } from './ignore-line-modal.tsx';
import { useLineActions } from './use-line-actions.ts';

const STATUS_COLORS: Readonly<Record<StatementLine['status'], string>> = {
  matched: 'green',
  review: 'orange',
  ambiguous: 'yellow',
  unmatched: 'red',
  ignored: 'gray',
  reversal: 'grape',
};

const OPEN = new Set<StatementLine['status']>(['review', 'ambiguous', 'unmatched']);

/** One booking of a statement: what the bank says, where it stands and why, and the cases it may pay. */
export function LineCard({ line }: { readonly line: StatementLine }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [searching, setSearching] = useState(false);
  const [ignoring, setIgnoring] = useState(false);
  const { match } = useLineActions(line.lineId);
  const open = OPEN.has(line.status);
  const credit = line.direction === 'credit' && !line.reversal && line.returnReason === null;
  return (
    <Card withBorder padding="md" data-line={line.lineId} data-testid="statement-line">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text fw={600} fz="lg">
              {line.direction === 'debit' ? '−' : ''}
              {format.money(line.amountMinor, line.currency)}
            </Text>
            <Text c="dimmed">{format.date(line.bookingDate)}</Text>
            <Text fw={500}>{line.payerName ?? t('reconciliation.unknownPayer')}</Text>
          </Group>
          <Badge color={STATUS_COLORS[line.status]} variant="light">
            {t(`reconciliation.status.${line.status}`)}
          </Badge>
        </Group>
        {(line.remittance || line.creditorReference || line.endToEndId) && (
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {[
              line.creditorReference,
              line.remittance,
              line.endToEndId && `${t('reconciliation.endToEnd')} ${line.endToEndId}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {line.reason && (
          <Text size="sm" c="dimmed" data-testid="line-reason">
            {line.reason}
          </Text>
        )}
        {line.candidates.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={4} data-testid="line-candidates">
            <Table.Tbody>
              {line.candidates.map((c) => (
                <Table.Tr key={c.caseId}>
                  <Table.Td w={60}>
                    <Badge variant="outline" color={c.confidence >= 90 ? 'green' : 'gray'}>
                      {c.confidence}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/cases/$caseId" params={{ caseId: c.caseId }} size="sm" fw={500}>
                      {c.debtorName ?? c.caseId}
                    </AnchorLink>
                    {c.outstandingMinor !== null && c.currency && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        · {t('reconciliation.owes', { amount: format.money(c.outstandingMinor, c.currency) })}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {c.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {open && credit && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={match.isPending}
                        onClick={() => match.mutate({ caseId: c.caseId, claimIds: c.claimIds })}
                        aria-label={t('reconciliation.matchTo', { name: c.debtorName ?? c.caseId })}
                      >
                        {t('reconciliation.match')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {open && (
          <Group gap="xs">
            {credit && line.amountMinor > 0 && (
              <Button size="compact-sm" variant="default" onClick={() => setSearching(true)}>
                {t('reconciliation.searchCase')}
              </Button>
            )}
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setIgnoring(true)}>
              {t('reconciliation.ignore')}
            </Button>
          </Group>
        )}
        {line.caseId && !open && (
          <Text size="sm">
            <AnchorLink to="/cases/$caseId" params={{ caseId: line.caseId }} size="sm">
              {t('reconciliation.openCase')}
            </AnchorLink>
          </Text>
        )}
      </Stack>
      {searching && <CaseSearchModal line={line} opened onClose={() => setSearching(false)} />}
      {ignoring && <IgnoreLineModal lineId={line.lineId} opened onClose={() => setIgnoring(false)} />}
    </Card>
  );
}
