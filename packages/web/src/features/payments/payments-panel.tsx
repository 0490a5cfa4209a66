import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canActOnCases, canReviewActions, sessionQuery } from '../../app/session.ts';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { casePaymentsQuery, type Payment, receiptUrl } from './payments-api.ts';
import { RecordPaymentModal } from './record-payment-modal.tsx';
import { ReversePaymentButton } from './reverse-payment-button.tsx';

/** "Payments": what arrived on the case, how, where each cent went and why, its receipt; record or reverse one. */
export function PaymentsPanel({ caseId, currency }: { readonly caseId: string; readonly currency: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data: user } = useQuery(sessionQuery);
  const query = useQuery(casePaymentsQuery(caseId, i18n.language));
  const [recording, setRecording] = useState(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payments-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="lg" id="payments-title">
          {t('payments.title')}
        </Title>
        <Group gap="sm">
          {query.data && query.data.paidMinor > 0 && (
            <Text size="sm" c="dimmed">
              {t('payments.collected', { amount: format.money(query.data.paidMinor, currency) })}
              {query.data.creditMinor > 0 &&
                ` · ${t('payments.credit', { amount: format.money(query.data.creditMinor, currency) })}`}
            </Text>
          )}
          {canActOnCases(user) && (
            <Button size="xs" variant="light" onClick={() => setRecording(true)}>
              {t('payments.record')}
            </Button>
          )}
        </Group>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.payments.length === 0 ? (
        <EmptyState title={t('payments.empty')} />
      ) : (
        <Stack gap="sm">
          {query.data.payments.map((p) => (
            <PaymentRow key={p.paymentId} payment={p} canReverse={canReviewActions(user)} caseId={caseId} />
          ))}
        </Stack>
      )}
      <RecordPaymentModal
        caseId={caseId}
        currency={currency}
        opened={recording}
        onClose={() => setRecording(false)}
      />
    </Paper>
  );
}

function PaymentRow({
  payment: p,
  canReverse,
  caseId,
}: {
  readonly payment: Payment;
  readonly canReverse: boolean;
  readonly caseId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const reversed = p.status === 'reversed';
  return (
    <Paper withBorder p="sm" radius="sm" bg={reversed ? 'gray.0' : undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="wrap">
          <Text fw={600} td={reversed ? 'line-through' : undefined}>
            {format.money(p.amountMinor, p.currency)}
          </Text>
          <Text size="sm">{format.date(p.receivedOn)}</Text>
          <Badge variant="light">{t(`payments.method.${p.method}`, { defaultValue: p.method })}</Badge>
          <Badge variant="outline" color="gray">
            {t(`payments.channel.${p.channel}`, { defaultValue: p.channel })}
          </Badge>
          {reversed && <Badge color="red">{t('payments.reversed')}</Badge>}
          {p.reference && (
            <Text size="sm" c="dimmed">
              {t('payments.reference', { reference: p.reference })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Anchor href={receiptUrl(p.paymentId)} target="_blank" size="sm">
            {t('payments.receipt', { number: p.receiptNumber })}
          </Anchor>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
            {open ? t('payments.hideAllocation') : t('payments.showAllocation')}
          </Button>
          {canReverse && !reversed && <ReversePaymentButton caseId={caseId} paymentId={p.paymentId} />}
        </Group>
      </Group>
      {reversed && p.reversalReason && (
        <Text size="sm" c="red" mt={4}>
          {t('payments.reversedBecause', { reason: p.reversalReason })}
        </Text>
      )}
      {open && (
        <Stack gap={6} mt="sm">
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.columns.invoice')}</Table.Th>
                <Table.Th>{t('payments.columns.part')}</Table.Th>
                <Table.Th ta="right">{t('payments.columns.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.lines.map((l) => (
                <Table.Tr key={`${l.claimId ?? 'credit'}-${l.part}`}>
                  <Table.Td>{l.invoiceNumber ?? '—'}</Table.Td>
                  <Table.Td>{t(`payments.part.${l.part}`)}</Table.Td>
                  <Table.Td ta="right">{format.money(l.amountMinor, p.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <List size="sm" spacing={2}>
            {p.explanation.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Paper>
  );
}
