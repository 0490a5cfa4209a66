import { Alert, Box, Button, Center, Container, Group, Loader, Stack, Text } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { portalQueryClient } from './api.ts';

/** The portal's own providers: its query client (no staff session, no sign-in redirect). */
export function PortalProviders({ children }: { readonly children: ReactNode }) {
  return <QueryClientProvider client={portalQueryClient}>{children}</QueryClientProvider>;
}

/** A narrow, phone-first page: the creditor's name, the language switch, the content, a word on security. */
export function PortalFrame({
  creditorName,
  children,
}: {
  readonly creditorName: string | null;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(creditorName ? `${creditorName} — ${t('portal.title')}` : t('portal.title'));
  return (
    <Box bg="gray.0" mih="100vh">
      <Container size={560} px="md" py="md">
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap" component="header">
            <Text fw={700} size="lg" data-testid="portal-creditor">
              {creditorName ?? t('portal.title')}
            </Text>
            <LanguageSwitch />
          </Group>
          <Box component="main">{children}</Box>
          <Text component="footer" size="xs" c="gray.7">
            {t('portal.footer')}
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}

export function PortalLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm">{t('portal.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** The server's own sentence when it has one (in the page's language), else a courteous general one. */
export function portalErrorText(error: unknown, fallback: string): string {
  return isApiError(error) && error.status > 0 && error.message ? error.message : fallback;
}

export function PortalError({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('portal.error')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{portalErrorText(error, t('portal.error'))}</Text>
        <Button variant="light" size="sm" onClick={onRetry}>
          {t('portal.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
