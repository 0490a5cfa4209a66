import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OtherWays } from './api.ts';

/** The creditor's bank details and the case's RF reference, and how to reach them. */
export function TransferDetails({ ways }: { readonly ways: OtherWays }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('portal.transfer.beneficiary'), ways.beneficiary],
    [t('portal.transfer.iban'), ways.iban],
    [t('portal.transfer.bic'), ways.bic],
    [t('portal.transfer.reference'), ways.reference],
    [t('portal.transfer.phone'), ways.phone],
    [t('portal.transfer.email'), ways.email],
  ];
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="portal-transfer">
      <Stack gap="xs">
        <Title order={2} size="h4" id="portal-transfer">
          {t('portal.transfer.title')}
        </Title>
        <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {rows
              .filter((row): row is [string, string] => row[1] !== null)
              .map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w="40%">{label}</Table.Th>
                  <Table.Td
                    style={{ overflowWrap: 'anywhere' }}
                    ff={label === t('portal.transfer.email') ? undefined : 'monospace'}
                  >
                    {value}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="gray.7">
          {t('portal.transfer.referenceHint')}
        </Text>
      </Stack>
    </Card>
  );
}
