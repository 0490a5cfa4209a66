import { AppShell, Badge, Burger, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REVIEW_LIMIT, reviewQueueQuery } from '../../features/review/api.ts';
import { queueCount } from '../../features/review/decision.ts';
import { useFormat } from '../format/use-format.ts';
import { notifyError } from '../query-client.ts';
import {
  canActOnCases,
  canControlCases,
  canImport,
  canManageSettings,
  canManageStrategies,
  canPlaceClaims,
  canReadStrategies,
  canReviewActions,
  SESSION_KEY,
  sessionQuery,
  signOut,
} from '../session.ts';
import { NavRouterLink } from '../ui/router-links.tsx';
import { LanguageSwitch } from './language-switch.tsx';

function useSection(): 'portfolio' | 'debtors' | 'imports' | 'strategies' | 'runs' | 'mail' | null {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (pathname.startsWith('/portfolio') || pathname.startsWith('/cases')) return 'portfolio';
  if (pathname.startsWith('/debtors')) return 'debtors';
  if (pathname.startsWith('/imports')) return 'imports';
  if (pathname.startsWith('/strategies')) return 'strategies';
  if (pathname.startsWith('/runs')) return 'runs';
  if (pathname.startsWith('/mail')) return 'mail';
  return null;
}

/**
 * How many actions wait for review, for the badge beside the Runs entry (null when none does). The link keeps
 * its name; the count is its description, so "Runs" stays "Runs" to a screen reader's link list.
 */
function useReviewCount(enabled: boolean): { readonly text: string; readonly description: string } | null {
  const { t } = useTranslation();
  const format = useFormat();
  const queue = useQuery({ ...reviewQueueQuery, enabled });
  if (!enabled || !queue.data || queue.data.length === 0) return null;
  const { count, more } = queueCount(queue.data.length, REVIEW_LIMIT);
  return {
    text: `${format.integer(count)}${more ? '+' : ''}`,
    description: t(more ? 'review.navCountMore' : 'review.navCount', { count }),
  };
}

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { data: user } = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const section = useSection();
  const onTemplates = useRouterState({ select: (s) => s.location.pathname.startsWith('/templates') });
  const onOutbox = useRouterState({ select: (s) => s.location.pathname.startsWith('/outbox') });
  const onWorkspace = useRouterState({ select: (s) => s.location.pathname.startsWith('/workspace') });
  const onScripts = useRouterState({ select: (s) => s.location.pathname.startsWith('/scripts') });
  const onSettings = useRouterState({ select: (s) => s.location.pathname.startsWith('/settings') });
  const onDashboard = useRouterState({ select: (s) => s.location.pathname.startsWith('/dashboard') });
  const onLive = useRouterState({ select: (s) => s.location.pathname.startsWith('/live') });
  const onReports = useRouterState({ select: (s) => s.location.pathname.startsWith('/reports') });
  const onAgency = useRouterState({ select: (s) => s.location.pathname.startsWith('/agency') });
  const onReconciliation = useRouterState({
    select: (s) => s.location.pathname.startsWith('/reconciliation'),
  });
  const reviewCount = useReviewCount(canReviewActions(user));

  const onSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      notifyError(error);
      return;
    }
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
    await navigate({ to: '/sign-in' });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNavigation')}
            />
            <Title order={3} c="indigo.8">
              Relance
            </Title>
            {user && (
              <Text size="sm" c="dimmed" visibleFrom="xs" data-testid="tenant-name">
                {user.tenant.name}
              </Text>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            {user && (
              <Stack gap={0} visibleFrom="md" align="flex-end">
                <Text size="sm" fw={500} lh={1.2}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {user.email}
                </Text>
              </Stack>
            )}
            <Button variant="default" size="xs" onClick={() => void onSignOut()}>
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {user?.role !== 'agent' && (
          <NavRouterLink to="/dashboard" label={t('dashboard.nav')} active={onDashboard} onClick={closeNav} />
        )}
        {(user?.role === 'supervisor' || user?.role === 'admin') && (
          <NavRouterLink to="/live" label={t('live.nav')} active={onLive} onClick={closeNav} />
        )}
        <NavRouterLink
          to="/portfolio"
          label={t('nav.portfolio')}
          active={section === 'portfolio'}
          onClick={closeNav}
        />
        {canActOnCases(user) && (
          <NavRouterLink to="/workspace" label={t('workspace.nav')} active={onWorkspace} onClick={closeNav} />
        )}
        <NavRouterLink
          to="/debtors"
          label={t('nav.debtors')}
          active={section === 'debtors'}
          onClick={closeNav}
        />
        {canPlaceClaims(user) && (
          <NavRouterLink
            to="/imports"
            label={t('nav.imports')}
            active={section === 'imports'}
            onClick={closeNav}
          />
        )}
        {canControlCases(user) && (
          <NavRouterLink
            to="/reports"
            label={t('creditorPortal.reports.nav')}
            active={onReports}
            onClick={closeNav}
          />
        )}
        {canManageStrategies(user) && (
          <NavRouterLink
            to="/agency"
            label={t(user?.tenant.kind === 'agency' ? 'agency.navAgency' : 'agency.navCreditor')}
            active={onAgency}
            onClick={closeNav}
          />
        )}
        {canImport(user) && (
          <NavRouterLink
            to="/reconciliation"
            label={t('reconciliation.nav')}
            active={onReconciliation}
            onClick={closeNav}
          />
        )}
        {canReadStrategies(user) && (
          <>
            <NavRouterLink
              to="/strategies"
              label={t('nav.strategies')}
              active={section === 'strategies'}
              onClick={closeNav}
            />
            <NavRouterLink to="/scripts" label={t('scripts.nav')} active={onScripts} onClick={closeNav} />
            <NavRouterLink
              to="/templates"
              label={t('templates.nav')}
              active={onTemplates}
              onClick={closeNav}
            />
            <NavRouterLink
              to="/runs"
              label={t('nav.runs')}
              active={section === 'runs'}
              onClick={closeNav}
              title={reviewCount?.description}
              rightSection={
                reviewCount && (
                  <Badge color="orange" variant="filled" size="sm" aria-hidden data-testid="review-count">
                    {reviewCount.text}
                  </Badge>
                )
              }
            />
            <NavRouterLink to="/outbox" label={t('outbox.nav')} active={onOutbox} onClick={closeNav} />
            <NavRouterLink
              to="/mail"
              label={t('letters.nav')}
              active={section === 'mail'}
              onClick={closeNav}
            />
          </>
        )}
        {canManageSettings(user) && (
          <NavRouterLink to="/settings" label={t('settings.nav')} active={onSettings} onClick={closeNav} />
        )}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
