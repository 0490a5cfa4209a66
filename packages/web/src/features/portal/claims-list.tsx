import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { PortalCase } from './api.ts';

const amount = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Each invoice as a small card (a table is too wide for a phone): number, dates, amount, what is left. */
export function ClaimsList({ view }: { readonly view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="portal-claims">
      <Title order={2} size="h4" id="portal-claims">
        {t('portal.claims.title')}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {view.claims.map((claim) => (
          <Card key={claim.id} withBorder radius="md" padding="sm" component="li" data-testid="portal-claim">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={600}>
                  {t('portal.claims.invoice', { number: claim.invoiceNumber })}
                  {claim.issueDate
                    ? ` ${t('portal.claims.issued', { date: format.date(claim.issueDate) })}`
                    : ''}
                </Text>
                <Text size="sm" c="gray.7">
                  {t('portal.claims.due', { date: format.date(claim.dueDate) })}
                </Text>
                {claim.disputedMinor > 0 && (
                  <Badge color="gray" variant="light">
                    {t('portal.claims.disputed')} · {format.money(claim.disputedMinor, view.currency)}
                  </Badge>
                )}
              </Stack>
              <Stack gap={2} align="flex-end">
                <Text size="xs" c="gray.7">
                  {t('portal.claims.outstanding')}
                </Text>
                <Text fw={600} style={amount}>
                  {format.money(claim.outstandingMinor, view.currency)}
                </Text>
                <Text size="xs" c="gray.7" style={amount}>
                  {t('portal.claims.amount')} {format.money(claim.amountMinor, view.currency)}
                </Text>
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
