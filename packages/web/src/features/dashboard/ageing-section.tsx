import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DrillLink, portfolioDrill } from './drill.tsx';
import { Section, type SectionProps } from './section.tsx';

/**
 * Receivables by age of their due date: bars, and the table whose lines open the cases holding the claims
 * of that bucket (claim by claim, as the figure counts them).
 */
export function AgeingSection({ dashboard, money, pct }: SectionProps) {
  const { t } = useTranslation();
  const lines = dashboard.portfolio.ageing;
  const data = lines.map((l) => ({ bucket: t(`dashboard.ageing.${l.bucket}`), amount: l.outstandingMinor }));
  return (
    <Section title={t('dashboard.ageingTitle')} testId="dashboard-ageing">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BarChart
          h={220}
          data={data}
          dataKey="bucket"
          series={[{ name: 'amount', label: t('dashboard.outstanding'), color: 'indigo.6' }]}
          valueFormatter={(minor) => money(minor)}
          withTooltip
          aria-label={t('dashboard.ageingTitle')}
        />
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.age')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.claims')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.outstanding')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.bucket} data-testid={`ageing-${line.bucket}`}>
                <Table.Td>
                  <DrillLink search={portfolioDrill(dashboard, { dueBucket: line.bucket })}>
                    {t(`dashboard.ageing.${line.bucket}`)}
                  </DrillLink>
                </Table.Td>
                <Table.Td ta="right">{line.count}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(line.outstandingMinor)}
                </Table.Td>
                <Table.Td ta="right">{pct(line.share)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Section>
  );
}
