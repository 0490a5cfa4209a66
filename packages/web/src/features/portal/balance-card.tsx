import { Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { PortalCase } from './api.ts';

const amount = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function Line({
  label,
  value,
  note,
}: {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}) {
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={500} style={amount}>
          {value}
        </Text>
      </Group>
      {note && (
        <Text size="xs" c="gray.7">
          {note}
        </Text>
      )}
    </Stack>
  );
}

/** The total asked, and its parts: the invoices, late interest and the fixed compensation, each explained. */
export function BalanceCard({ view }: { readonly view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const { balance, interest } = view;
  const interestWhy = interest.contractRate
    ? t('portal.balance.why.contract', { rate: interest.contractRate })
    : interest.regime
      ? t(`portal.balance.why.${interest.regime}`)
      : undefined;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="portal-balance">
      <Stack gap="sm">
        <Title order={2} size="h4" id="portal-balance">
          {t('portal.balance.title')}
        </Title>
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Text fw={600}>{t('portal.balance.total')}</Text>
          <Text fz={28} fw={700} style={amount} data-testid="portal-total">
            {money(balance.totalMinor)}
          </Text>
        </Group>
        <Divider />
        <Line label={t('portal.balance.principal')} value={money(balance.principalMinor)} />
        {balance.interestMinor > 0 && (
          <Line
            label={t('portal.balance.interest')}
            value={money(balance.interestMinor)}
            note={interestWhy}
          />
        )}
        {balance.feesMinor > 0 && (
          <Line
            label={t('portal.balance.fees')}
            value={money(balance.feesMinor)}
            note={t('portal.balance.why.fees')}
          />
        )}
        {balance.disputedMinor > 0 && (
          <Text size="sm">{t('portal.balance.disputed', { amount: money(balance.disputedMinor) })}</Text>
        )}
        {balance.paidMinor > 0 && (
          <Text size="sm" c="teal.9" data-testid="portal-paid">
            {t('portal.balance.paid', { amount: money(balance.paidMinor) })}
          </Text>
        )}
        {balance.creditMinor > 0 && (
          <Text size="sm">{t('portal.balance.credit', { amount: money(balance.creditMinor) })}</Text>
        )}
      </Stack>
    </Card>
  );
}
