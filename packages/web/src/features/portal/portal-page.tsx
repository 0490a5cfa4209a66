import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { changeLanguage } from '../../app/i18n/i18n.ts';
import { entryQuery, type PortalEntry } from './api.ts';
import { IdentityCheck } from './identity-check.tsx';
import { PortalError, PortalFrame, PortalLoading, PortalProviders } from './portal-frame.tsx';
import { PortalHome } from './portal-home.tsx';
import { TransferDetails } from './transfer-details.tsx';

/** The links whose debtor's language was applied on this page load: a choice made after it is kept. */
const languageApplied = new Set<string>();

/** `/pay/<key>`: the debtor's portal behind a signed link (or the RF reference of a letter). */
export function PortalPage() {
  return (
    <PortalProviders>
      <PortalEntryView />
    </PortalProviders>
  );
}

function PortalEntryView() {
  const { key } = useParams({ from: '/pay/$key' });
  const { t, i18n } = useTranslation();
  const entry = useQuery(entryQuery(key, i18n.language));
  const debtorLanguage = entry.data?.language;
  useEffect(() => {
    if (!debtorLanguage || languageApplied.has(key)) return;
    languageApplied.add(key);
    if (debtorLanguage !== i18n.language) void changeLanguage(debtorLanguage);
  }, [key, debtorLanguage, i18n.language]);

  if (entry.isPending) {
    return (
      <PortalFrame creditorName={null}>
        <PortalLoading />
      </PortalFrame>
    );
  }
  if (entry.isError) {
    const invalid = isApiError(entry.error) && entry.error.status === 404;
    return (
      <PortalFrame creditorName={null}>
        {invalid ? (
          <Alert color="orange" title={t('portal.invalid.title')} role="alert">
            {t('portal.invalid.text')}
          </Alert>
        ) : (
          <PortalError error={entry.error} onRetry={() => void entry.refetch()} />
        )}
      </PortalFrame>
    );
  }
  return (
    <PortalFrame creditorName={entry.data.creditorName}>
      <EntryState linkKey={key} entry={entry.data} />
    </PortalFrame>
  );
}

function EntryState({ linkKey, entry }: { readonly linkKey: string; readonly entry: PortalEntry }) {
  const { t } = useTranslation();
  switch (entry.state) {
    case 'check':
      return <IdentityCheck linkKey={linkKey} entry={entry} />;
    case 'open':
      return <PortalHome linkKey={linkKey} />;
    case 'settled':
      return (
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t('portal.closed.settledTitle')}
          </Title>
          <Text>{t('portal.closed.settled', { creditor: entry.creditorName })}</Text>
        </Stack>
      );
    default:
      return (
        <Stack gap="md">
          <Title order={1} size="h2" data-testid="portal-closed">
            {t(`portal.closed.${entry.state}`)}
          </Title>
          <Text>{t('portal.closed.text', { creditor: entry.creditorName })}</Text>
          {entry.otherWays && <TransferDetails ways={entry.otherWays} />}
        </Stack>
      );
  }
}
