// The one public entry of @relance/server: what another program (bench, e2e, an embedding app) may use.
// Inside the package, import the file you need.

export type { ComposeOptions, Composition, RunningServer } from './compose.ts';
export { compose, startServer } from './compose.ts';
export type { Config, ConfigOverrides, Env } from './config.ts';
export { defaultDatabaseUrl, defaultHost, defaultPort, loadConfig } from './config.ts';
export type { DatabaseHandle, Dialect, OpenOptions } from './db/database.ts';
export { migrateToLatest, openDatabase } from './db/database.ts';
export type { HttpServerOptions } from './http/server.ts';
export { buildHttpServer } from './http/server.ts';
export type { Actor } from './shared/actor.ts';
export type { Clock } from './shared/clock.ts';
export { fixedClock, systemClock } from './shared/clock.ts';
export type { Deps } from './shared/deps.ts';
export type { CreditorView, EnsureCreditorInput } from './use-cases/imports/ensure-creditor.ts';
export { ensureCreditor } from './use-cases/imports/ensure-creditor.ts';
export type { ImportClaimsInput, ImportProgress, ImportSummary } from './use-cases/imports/import-claims.ts';
export { importClaims } from './use-cases/imports/import-claims.ts';
export type { DemoAccount, DemoTenant } from './use-cases/setup/ensure-demo-tenant.ts';
export {
  demoAccounts,
  demoPassword,
  demoTenantName,
  ensureDemoTenant,
} from './use-cases/setup/ensure-demo-tenant.ts';
export type { InitialiseInput, InitialiseResult } from './use-cases/setup/initialise-instance.ts';
export { initialiseInstance, setupActor } from './use-cases/setup/initialise-instance.ts';
export type { TenantSummary } from './use-cases/setup/list-tenants.ts';
export { listTenants } from './use-cases/setup/list-tenants.ts';
export type {
  DemoCreditor,
  SeedCreditorSummary,
  SeedDemoInput,
  SeedDemoResult,
  SeedProgress,
} from './use-cases/setup/seed-demo-portfolio.ts';
export {
  customDemoCreditor,
  demoCreditors,
  seedDemoPortfolio,
} from './use-cases/setup/seed-demo-portfolio.ts';
export type { DemoSetUp, FirstStart, SetUpDemoInput } from './use-cases/setup/set-up-demo.ts';
export { prepareFirstStart, setUpDemo } from './use-cases/setup/set-up-demo.ts';
