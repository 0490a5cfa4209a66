import { BarChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Stat } from '../../app/ui/stat.tsx';
import { Section, type SectionProps } from './section.tsx';

/** Promises, plans and disputes of the period, and the cash expected from plans and promises. */
export function ActivitySection({ dashboard, money, pct }: SectionProps) {
  const { t, i18n } = useTranslation();
  const decimal = (value: string) => (i18n.language === 'fr' ? value.replace('.', ',') : value);
  const a = dashboard.activity;
  const count = (list: readonly { status: string; count: number }[], status: string) =>
    list.find((s) => s.status === status)?.count ?? 0;
  const forecast = a.forecast.map((m) => ({
    month: m.month,
    instalments: m.instalmentsMinor,
    promises: m.promisesMinor,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section title={t('dashboard.activityTitle')} testId="dashboard-activity">
        <SimpleGrid cols={3} spacing="sm">
          <Stat
            label={t('dashboard.promises')}
            value={a.promises.made}
            hint={t('dashboard.promiseHint', {
              kept: count(a.promises.byStatus, 'kept'),
              broken: count(a.promises.byStatus, 'broken'),
              open: count(a.promises.byStatus, 'open'),
            })}
          />
          <Stat
            label={t('dashboard.plans')}
            value={a.plans.agreed}
            hint={t('dashboard.planHint', {
              active: count(a.plans.byStatus, 'active'),
              completed: count(a.plans.byStatus, 'completed'),
              broken: count(a.plans.byStatus, 'broken'),
              rate: pct(a.plans.completionRate),
            })}
          />
          <Stat
            label={t('dashboard.disputesOpen')}
            value={a.disputes.openCount}
            hint={t('dashboard.disputeHint', {
              amount: money(a.disputes.openMinor),
              age: a.disputes.meanAgeDays === null ? '—' : decimal(a.disputes.meanAgeDays),
              late: a.disputes.pastDeadline,
            })}
          />
        </SimpleGrid>
      </Section>
      <Section title={t('dashboard.forecastTitle')} testId="dashboard-forecast">
        {forecast.every((m) => m.instalments + m.promises === 0) ? (
          <Text c="dimmed">{t('dashboard.noForecast')}</Text>
        ) : (
          <BarChart
            h={200}
            data={forecast}
            dataKey="month"
            type="stacked"
            series={[
              { name: 'instalments', label: t('dashboard.instalments'), color: 'teal.6' },
              { name: 'promises', label: t('dashboard.promises'), color: 'blue.4' },
            ]}
            valueFormatter={(minor) => money(minor)}
            withLegend
          />
        )}
      </Section>
    </SimpleGrid>
  );
}
