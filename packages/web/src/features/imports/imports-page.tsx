import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canPlaceClaims, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { ImportHistory } from './import-history.tsx';
import { NewImport } from './new-import.tsx';

export function ImportsPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  return (
    <Stack gap="lg">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      {canPlaceClaims(user) ? (
        <>
          <NewImport />
          <ImportHistory />
        </>
      ) : (
        <Alert color="gray" title={t('imports.forbiddenTitle')}>
          {t('imports.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
