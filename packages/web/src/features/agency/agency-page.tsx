import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canManageSettings, canManageStrategies, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { ClientsSection, PlacementsSection, RemittancesSection } from './clients-section.tsx';
import { ComparisonSection } from './comparison-section.tsx';
import { OutsideAgenciesSection } from './outside-agencies-section.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Agency mode (issue #7). For an agency: its clients' mandates, placements and remittance statements. For any
 * tenant that hands cases to outside agencies: those agencies compared side by side.
 */
export function AgencyPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const agency = user?.tenant.kind === 'agency';
  // Mandates and statements are changed by administrators (the API refuses the others); supervisors read them.
  const admin = canManageSettings(user);
  if (!canManageStrategies(user)) {
    return (
      <Stack gap="lg">
        <PageHeader title={t(agency ? 'agency.titleAgency' : 'agency.titleCreditor')} />
        <Alert color="gray">{t('agency.forbidden')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={t(agency ? 'agency.titleAgency' : 'agency.titleCreditor')}
        subtitle={t(agency ? 'agency.subtitleAgency' : 'agency.subtitleCreditor')}
      />
      {agency && (
        <>
          <ClientsSection today={today()} canEdit={admin} />
          <PlacementsSection />
          <RemittancesSection canEdit={admin} />
        </>
      )}
      <OutsideAgenciesSection />
      <ComparisonSection canManage />
    </Stack>
  );
}
