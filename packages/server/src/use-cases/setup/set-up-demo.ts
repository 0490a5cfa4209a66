import type { Deps } from '../../shared/deps.ts';
import { recordFigureHistory } from '../kpis/history/record-figure-history.ts';
import { seedDemoOutsideAgencies } from './demo/outside-agencies.ts';
import { seedDemoPayments } from './demo/payments.ts';
import { type DemoTenant, demoAccounts, ensureDemoTenant } from './ensure-demo-tenant.ts';
import { setupActor } from './initialise-instance.ts';
import { listTenants, type TenantSummary } from './list-tenants.ts';
import {
  customDemoCreditor,
  type SeedDemoResult,
  type SeedProgress,
  seedDemoPortfolio,
} from './seed-demo-portfolio.ts';

export type SetUpDemoInput = {
  readonly size: number;
  readonly seed: number;
  readonly today: string;
  /** Seed only this creditor (made if missing) instead of the agency's three clients. */
  readonly creditorRef?: string | undefined;
  readonly onProgress?: (progress: SeedProgress) => void;
};

export type DemoSetUp = { readonly tenant: DemoTenant; readonly portfolio: SeedDemoResult };

/** `relance demo`: the demo tenant and its accounts when missing, then a portfolio through the import. */
export async function setUpDemo(deps: Deps, input: SetUpDemoInput): Promise<DemoSetUp> {
  const tenant = await ensureDemoTenant(deps);
  return { tenant, portfolio: await seedPortfolio(deps, tenant, input) };
}

async function seedPortfolio(deps: Deps, tenant: DemoTenant, input: SetUpDemoInput): Promise<SeedDemoResult> {
  const actor = setupActor(tenant.tenantId);
  const portfolio = await seedDemoPortfolio(deps, actor, {
    size: input.size,
    seed: input.seed,
    today: input.today,
    ...(input.creditorRef ? { creditors: [customDemoCreditor(input.creditorRef)] } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  // Money arriving on a few cases: transfers, cards, a cheque (each allocated, with its receipt).
  await seedDemoPayments(deps, actor, input.today);
  // Two partner agencies handed the oldest cases, with different results: the agencies' comparison.
  await seedDemoOutsideAgencies(deps, actor, input.today);
  // The dashboards' trends: two years of month-ends computed back from the claims and payments at once.
  await recordFigureHistory(deps, tenant.tenantId);
  return portfolio;
}

export type FirstStart =
  /** A new database, or one holding the demo: the demo, seeded now when it had no claims. */
  | { readonly kind: 'demo'; readonly tenant: DemoTenant; readonly portfolio: SeedDemoResult | null }
  /** A database set up with `relance init`: left alone, people sign in with their own accounts. */
  | { readonly kind: 'own_tenants'; readonly tenants: readonly TenantSummary[] };

/**
 * `relance start` (what `npm start` runs) before serving: a new database gets the demo tenant and
 * its portfolio; a demo tenant without claims gets its portfolio; anything else is left as it is.
 */
export async function prepareFirstStart(
  deps: Deps,
  input: Omit<SetUpDemoInput, 'creditorRef'>,
): Promise<FirstStart> {
  const tenants = await listTenants(deps);
  const demo = await deps.database.db
    .selectFrom('users')
    .select('tenant_id')
    .where(
      'email',
      'in',
      demoAccounts.map((a) => a.email),
    )
    .executeTakeFirst();
  if (tenants.length > 0 && !demo) return { kind: 'own_tenants', tenants };
  const tenant = await ensureDemoTenant(deps);
  if (tenant.claimCount > 0) return { kind: 'demo', tenant, portfolio: null };
  return { kind: 'demo', tenant, portfolio: await seedPortfolio(deps, tenant, input) };
}
