import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../query-client.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm">
        <Title order={2}>{t('errors.notFoundTitle')}</Title>
        <Text c="dimmed">{t('errors.notFound')}</Text>
        <Button component={Link} to="/portfolio" variant="light">
          {t('errors.backToPortfolio')}
        </Button>
      </Stack>
    </Center>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" role="alert">
        <Title order={2}>{t('errors.title')}</Title>
        <Text c="dimmed">{errorMessage(error)}</Text>
        <Button variant="light" onClick={reset}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
