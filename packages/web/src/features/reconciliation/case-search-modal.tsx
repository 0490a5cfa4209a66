import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { caseSearchQuery, type StatementLine } from './api.ts';
import { useLineActions } from './use-line-actions.ts';

/** A person looks a case up (the portfolio's search) and books the line on it. */
export function CaseSearchModal({
  line,
  opened,
  onClose,
}: {
  readonly line: StatementLine;
  readonly opened: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState(line.payerName ?? '');
  const [q] = useDebouncedValue(text, 300);
  const found = useQuery({ ...caseSearchQuery(q), enabled: opened && q.trim().length >= 2 });
  const { match } = useLineActions(line.lineId, onClose);
  return (
    <Modal opened={opened} onClose={onClose} title={t('reconciliation.searchTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {t('reconciliation.searchFor', {
            amount: format.money(line.amountMinor, line.currency),
            payer: line.payerName ?? t('reconciliation.unknownPayer'),
          })}
        </Text>
        <TextInput
          label={t('reconciliation.searchLabel')}
          description={t('reconciliation.searchHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
        />
        {found.data && found.data.items.length === 0 && (
          <Text c="dimmed">{t('reconciliation.searchNone')}</Text>
        )}
        {found.data && found.data.items.length > 0 && (
          <Table data-testid="case-search-results">
            <Table.Tbody>
              {found.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text fw={500}>{c.debtor.name}</Text>
                    <Text size="xs" c="dimmed">
                      {c.creditor.name} · {c.debtor.ref}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{format.money(c.outstandingMinor, c.currency)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      loading={match.isPending}
                      onClick={() => match.mutate({ caseId: c.id })}
                      aria-label={t('reconciliation.matchTo', { name: c.debtor.name })}
                    >
                      {t('reconciliation.match')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reconciliation.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
