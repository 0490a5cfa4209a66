import { BarChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Stat } from '../../app/ui/stat.tsx';
import { activityDrill, DrillLink } from './drill.tsx';
import { Section, type SectionProps } from './section.tsx';

/** Promises, plans and disputes of the period, and the cash expected from plans and promises. */
export function ActivitySection({ dashboard, money, pct }: SectionProps) {
  const { t, i18n } = useTranslation();
  const decimal = (value: string) => (i18n.language === 'fr' ? value.replace('.', ',') : value);
  const a = dashboard.activity;
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
            hint={
              <StatusLinks
                dashboard={dashboard}
                kind="promise"
                statuses={a.promises.byStatus}
                shown={['kept', 'broken', 'open']}
              />
            }
          />
          <Stat
            label={t('dashboard.plans')}
            value={a.plans.agreed}
            hint={
              <>
                <StatusLinks
                  dashboard={dashboard}
                  kind="plan"
                  statuses={a.plans.byStatus}
                  shown={['active', 'completed', 'broken']}
                />
                {` · ${pct(a.plans.completionRate)}`}
              </>
            }
          />
          <Stat
            label={t('dashboard.disputesOpen')}
            value={
              <DrillLink
                search={activityDrill(dashboard, { openDispute: true, from: undefined, to: undefined })}
                testId="drill-disputes"
              >
                {a.disputes.openCount}
              </DrillLink>
            }
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

/** "kept 3 · broken 1 · open 2", each count opening the cases that hold those promises or plans. */
function StatusLinks({
  dashboard,
  kind,
  statuses,
  shown,
}: {
  readonly dashboard: SectionProps['dashboard'];
  readonly kind: 'promise' | 'plan';
  readonly statuses: readonly { status: string; count: number }[];
  readonly shown: readonly ('open' | 'kept' | 'broken' | 'active' | 'completed')[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {shown.map((status, index) => (
        <span key={status}>
          {index > 0 && ' · '}
          <DrillLink search={activityDrill(dashboard, { [kind]: status })} testId={`drill-${kind}-${status}`}>
            {t(`drill.values.${status}`)} {statuses.find((s) => s.status === status)?.count ?? 0}
          </DrillLink>
        </span>
      ))}
    </>
  );
}
