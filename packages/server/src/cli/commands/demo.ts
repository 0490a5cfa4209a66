import type { Command } from 'commander';
import type { DemoTenant } from '../../use-cases/setup/ensure-demo-tenant.ts';
import type { SeedDemoResult, SeedProgress } from '../../use-cases/setup/seed-demo-portfolio.ts';
import { setUpDemo } from '../../use-cases/setup/set-up-demo.ts';
import { type Cli, type RunCommand, withComposition } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { integerOption } from '../options.ts';
import { type Progress, startProgress } from '../progress.ts';

type DemoOptions = { readonly size?: string; readonly seed?: string; readonly creditor?: string };

export const defaultDemoSize = 500;
export const defaultDemoSeed = 1;

export function registerDemo(program: Command, msg: Messages, run: RunCommand): void {
  program
    .command('demo')
    .description(msg.help.demo)
    .option('--size <n>', `${msg.help.size} (${defaultDemoSize})`)
    .option('--seed <n>', `${msg.help.seed} (${defaultDemoSeed})`)
    .option('--creditor <ref>', msg.help.demoCreditor)
    .action((options: DemoOptions, command: Command) => run(command, (cli) => demo(cli, options)));
}

async function demo(cli: Cli, options: DemoOptions): Promise<ExitCode> {
  const size = integerOption(cli, '--size', options.size, defaultDemoSize, 1);
  const seed = integerOption(cli, '--seed', options.seed, defaultDemoSeed);
  return withComposition(cli, {}, async ({ deps }) => {
    cli.line(cli.msg.database(deps.database.displayUrl));
    cli.note(cli.msg.demo.generating(cli.count(size), seed));
    const progress = startProgress(cli, cli.msg.demo.progressLabel);
    const result = await setUpDemo(deps, {
      size,
      seed,
      today: deps.clock.today(),
      creditorRef: options.creditor,
      onProgress: seedProgressTo(progress),
    }).finally(() => progress.stop());
    cli.document({
      database: deps.database.displayUrl,
      tenant: tenantDocument(result.tenant),
      portfolio: result.portfolio,
    });
    cli.line(
      result.tenant.created
        ? cli.msg.demo.tenantCreated(result.tenant.tenantName)
        : cli.msg.demo.tenantExists(result.tenant.tenantName),
    );
    printPortfolio(cli, result.portfolio);
    printSignIn(cli, result.tenant);
    return exitCodes.ok;
  });
}

export function seedProgressTo(progress: Progress): (p: SeedProgress) => void {
  return (p) => progress.update(p.casesDone, p.casesTotal, p.rowsDone);
}

export function printPortfolio(cli: Cli, portfolio: SeedDemoResult): void {
  const { msg, count } = cli;
  for (const c of portfolio.creditors) {
    cli.line(msg.demo.creditorLine(c.ref, c.name, count(c.cases), count(c.rows)));
    cli.line(msg.demo.counts(count(c.inserted), count(c.updated), count(c.unchanged), count(c.rejected)));
  }
  cli.line(msg.demo.total(count(portfolio.rows), cli.seconds(portfolio.durationMs)));
}

export function printSignIn(cli: Cli, tenant: DemoTenant, url?: string): void {
  cli.line();
  cli.line(url ? `${cli.msg.demo.signIn} ${url}` : cli.msg.demo.signIn);
  for (const a of tenant.accounts) cli.line(cli.msg.demo.account(a.email, cli.msg.roles[a.role]));
  const passwords = new Set(tenant.accounts.map((a) => a.password));
  for (const p of passwords) cli.line(cli.msg.demo.password(p));
}

export function tenantDocument(tenant: DemoTenant) {
  return {
    id: tenant.tenantId,
    name: tenant.tenantName,
    created: tenant.created,
    accounts: tenant.accounts.map((a) => ({ email: a.email, role: a.role, password: a.password })),
    creditors: tenant.creditors,
  };
}
