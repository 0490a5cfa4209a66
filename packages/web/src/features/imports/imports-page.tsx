import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { ImportHistory } from './import-history.tsx';
import { NewImport } from './new-import.tsx';

export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <NewImport />
      <ImportHistory />
    </Stack>
  );
}
