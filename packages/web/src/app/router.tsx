import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { validateDashboardSearch } from '../features/dashboard/search.ts';
import { validateDebtorsSearch } from '../features/debtors/search.ts';
import { validateReturnSearch } from '../features/portal/search.ts';
import { validatePortfolioSearch } from '../features/portfolio/search.ts';
import { validateScriptsSearch } from '../features/scripts/search.ts';
import { validateSettingsSearch } from '../features/settings/search.ts';
import { validateSignInSearch } from '../features/sign-in/search.ts';
import { validateWorkspaceSearch } from '../features/workspace/search.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFoundPage, RouteErrorPage } from './layout/fallback-pages.tsx';
import { PageLoader } from './layout/page-loader.tsx';
import { queryClient, setSessionLostHandler } from './query-client.ts';
import { sessionQuery } from './session.ts';

type RouterContext = { readonly queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: validateSignInSearch,
  beforeLoad: async ({ context, search }) => {
    const user = await context.queryClient.ensureQueryData(sessionQuery).catch(() => null);
    if (user) throw redirect({ href: search.redirect ?? '/portfolio' });
  },
  component: lazyRouteComponent(() => import('../features/sign-in/sign-in-page.tsx'), 'SignInPage'),
});

/** The debtor's payment portal (issue #6): no session, outside the staff layout, its own query client. */
const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pay/$key',
  component: lazyRouteComponent(() => import('../features/portal/portal-page.tsx'), 'PortalPage'),
});

const portalReturnRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pay/$key/return',
  validateSearch: validateReturnSearch,
  component: lazyRouteComponent(() => import('../features/portal/return-page.tsx'), 'PortalReturnPage'),
});

/** Every page behind this pathless route needs a session; without one, go to the sign-in page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(sessionQuery);
    if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { user };
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/portfolio' });
  },
});

const portfolioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portfolio',
  validateSearch: validatePortfolioSearch,
  component: lazyRouteComponent(() => import('../features/portfolio/portfolio-page.tsx'), 'PortfolioPage'),
});

const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('../features/case/case-page.tsx'), 'CasePage'),
});

const workspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace',
  validateSearch: validateWorkspaceSearch,
  component: lazyRouteComponent(() => import('../features/workspace/workspace-page.tsx'), 'WorkspacePage'),
});

const debtorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/debtors',
  validateSearch: validateDebtorsSearch,
  component: lazyRouteComponent(() => import('../features/debtors/debtors-page.tsx'), 'DebtorsPage'),
});

const debtorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/debtors/$debtorId',
  component: lazyRouteComponent(() => import('../features/debtors/debtor-page.tsx'), 'DebtorPage'),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports',
  component: lazyRouteComponent(() => import('../features/imports/imports-page.tsx'), 'ImportsPage'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('../features/dashboard/dashboard-page.tsx'), 'DashboardPage'),
});

const liveRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/live',
  component: lazyRouteComponent(() => import('../features/live/live-page.tsx'), 'LivePage'),
});

const reconciliationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reconciliation',
  component: lazyRouteComponent(
    () => import('../features/reconciliation/reconciliation-page.tsx'),
    'ReconciliationPage',
  ),
});

const agencyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agency',
  component: lazyRouteComponent(() => import('../features/agency/agency-page.tsx'), 'AgencyPage'),
});

const strategiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/strategies',
  component: lazyRouteComponent(() => import('../features/strategies/strategies-page.tsx'), 'StrategiesPage'),
});

const strategyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/strategies/$key',
  component: lazyRouteComponent(() => import('../features/strategies/strategy-page.tsx'), 'StrategyPage'),
});

const scriptsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scripts',
  validateSearch: validateScriptsSearch,
  component: lazyRouteComponent(() => import('../features/scripts/scripts-page.tsx'), 'ScriptsPage'),
});

const runsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runs',
  component: lazyRouteComponent(() => import('../features/runs/runs-page.tsx'), 'RunsPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('../features/creditor-reports/reports-page.tsx'), 'ReportsPage'),
});

const mailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mail',
  component: lazyRouteComponent(() => import('../features/letters/mail-page.tsx'), 'MailPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  component: lazyRouteComponent(() => import('../features/outbox/outbox-page.tsx'), 'OutboxPage'),
});

const templatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates',
  component: lazyRouteComponent(() => import('../features/templates/templates-page.tsx'), 'TemplatesPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  validateSearch: validateSettingsSearch,
  component: lazyRouteComponent(() => import('../features/settings/settings-page.tsx'), 'SettingsPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  portalRoute,
  portalReturnRoute,
  appRoute.addChildren([
    indexRoute,
    portfolioRoute,
    caseRoute,
    workspaceRoute,
    debtorsRoute,
    debtorRoute,
    importsRoute,
    reconciliationRoute,
    dashboardRoute,
    liveRoute,
    strategiesRoute,
    strategyRoute,
    scriptsRoute,
    templatesRoute,
    settingsRoute,
    agencyRoute,
    runsRoute,
    mailRoute,
    outboxRoute,
    reportsRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: PageLoader,
  defaultPendingMs: 150,
  scrollRestoration: true,
});

setSessionLostHandler(() => {
  const { pathname, href } = router.state.location;
  if (pathname !== '/sign-in') void router.navigate({ to: '/sign-in', search: { redirect: href } });
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
