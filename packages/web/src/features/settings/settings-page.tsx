import { Alert, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { canManageSettings, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { CreditorSection } from './creditor-section.tsx';
import { EmailSection } from './email-section.tsx';
import { IdentitySection } from './identity-section.tsx';
import { PaymentsSection } from './payments-section.tsx';
import { RatesSection } from './rates-section.tsx';
import { SETTINGS_TABS } from './search.ts';
import { SmsSection } from './sms-section.tsx';

const route = getRouteApi('/_app/settings');

export function SettingsPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const { tab = 'identity' } = route.useSearch();
  const navigate = route.useNavigate();
  const header = <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />;
  if (!canManageSettings(user)) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray">{t('settings.forbidden')}</Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={960}>
      {header}
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => {
          if (includes(SETTINGS_TABS, value)) void navigate({ search: { tab: value }, replace: true });
        }}
      >
        <Tabs.List mb="md">
          {SETTINGS_TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`settings.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="identity">
          <IdentitySection />
        </Tabs.Panel>
        <Tabs.Panel value="creditors">
          <CreditorSection />
        </Tabs.Panel>
        <Tabs.Panel value="email">
          <EmailSection />
        </Tabs.Panel>
        <Tabs.Panel value="sms">
          <SmsSection />
        </Tabs.Panel>
        <Tabs.Panel value="payments">
          <PaymentsSection />
        </Tabs.Panel>
        <Tabs.Panel value="rates">
          <RatesSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
