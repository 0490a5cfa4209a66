import { Accordion, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Agreements } from './agreements.tsx';
import { caseQuery } from './api.ts';
import { BalanceCard } from './balance-card.tsx';
import { CallbackSection } from './callback-section.tsx';
import { ClaimsList } from './claims-list.tsx';
import { ContactsSection } from './contacts-section.tsx';
import { DisputeSection } from './dispute-section.tsx';
import { PaySection } from './pay-section.tsx';
import { PlanSection } from './plan-section.tsx';
import { PortalError, PortalLoading } from './portal-frame.tsx';
import { PromiseSection } from './promise-section.tsx';
import { TransferDetails } from './transfer-details.tsx';

/** The case once the debtor is identified: what is owed and why, what was agreed, and what they can do. */
export function PortalHome({ linkKey }: { readonly linkKey: string }) {
  const { t, i18n } = useTranslation();
  const found = useQuery(caseQuery(linkKey, i18n.language));
  if (found.isPending) return <PortalLoading />;
  if (found.isError) return <PortalError error={found.error} onRetry={() => void found.refetch()} />;
  const view = found.data;
  const owes = view.limits.maxPaymentMinor > 0;
  const open = view.claims.filter((c) => c.status === 'open' && c.outstandingMinor > 0);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('portal.home.hello', { name: view.debtor.name })}
        </Title>
        <Text>{t('portal.home.intro', { creditor: view.creditorName })}</Text>
        <Text size="sm" c="gray.7">
          {t('portal.home.reference', { reference: view.reference })}
        </Text>
      </Stack>
      <BalanceCard view={view} />
      <Agreements view={view} />
      <ClaimsList view={view} />
      <Stack gap="xs" component="section" aria-labelledby="portal-actions">
        <Title order={2} size="h3" id="portal-actions">
          {t('portal.actions.title')}
        </Title>
        <Accordion variant="separated" radius="md" chevronPosition="right">
          {owes && (
            <Accordion.Item value="pay">
              <Accordion.Control>{t('portal.pay.title')}</Accordion.Control>
              <Accordion.Panel>
                <PaySection linkKey={linkKey} view={view} />
              </Accordion.Panel>
            </Accordion.Item>
          )}
          {owes && !view.plan && (
            <Accordion.Item value="promise">
              <Accordion.Control>{t('portal.promise.title')}</Accordion.Control>
              <Accordion.Panel>
                <PromiseSection linkKey={linkKey} view={view} />
              </Accordion.Panel>
            </Accordion.Item>
          )}
          {owes && !view.plan && (
            <Accordion.Item value="plan">
              <Accordion.Control>{t('portal.plan.title')}</Accordion.Control>
              <Accordion.Panel>
                <PlanSection linkKey={linkKey} view={view} />
              </Accordion.Panel>
            </Accordion.Item>
          )}
          {open.length > 0 && (
            <Accordion.Item value="dispute">
              <Accordion.Control>{t('portal.dispute.title')}</Accordion.Control>
              <Accordion.Panel>
                <DisputeSection linkKey={linkKey} view={view} />
              </Accordion.Panel>
            </Accordion.Item>
          )}
          <Accordion.Item value="callback">
            <Accordion.Control>{t('portal.callback.title')}</Accordion.Control>
            <Accordion.Panel>
              <CallbackSection linkKey={linkKey} view={view} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="contacts">
            <Accordion.Control>{t('portal.contacts.title')}</Accordion.Control>
            <Accordion.Panel>
              <ContactsSection linkKey={linkKey} view={view} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
      {owes && <TransferDetails ways={view.transfer} />}
    </Stack>
  );
}
