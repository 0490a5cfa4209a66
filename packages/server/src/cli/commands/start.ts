import type { Command } from 'commander';
import { pointAtDemoMailbox, startDemoMailbox } from '../../channels/email/demo-mailbox.ts';
import { mailboxDir } from '../../use-cases/dispatch/read-mailbox.ts';
import { runDailyDunning } from '../../use-cases/dunning/run-daily-dunning.ts';
import { prepareFirstStart } from '../../use-cases/setup/set-up-demo.ts';
import { type Cli, openComposition, type RunCommand } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { integerOption } from '../options.ts';
import { startProgress } from '../progress.ts';
import {
  defaultDemoSeed,
  defaultDemoSize,
  printPortfolio,
  printSignIn,
  seedProgressTo,
  tenantDocument,
} from './demo.ts';
import { dispatchMessages } from './dispatch.ts';
import { runMessages } from './run-messages.ts';
import { listen, printListening, printServer, type ServeOptions, serverDocument } from './serve.ts';

type StartOptions = ServeOptions & { readonly size?: string; readonly seed?: string };

export function registerStart(program: Command, msg: Messages, run: RunCommand): void {
  program
    .command('start')
    .description(msg.help.start)
    .option('--port <port>', `${msg.help.port} (3000)`)
    .option('--host <host>', `${msg.help.host} (127.0.0.1)`)
    .option('--size <n>', `${msg.help.size} (${defaultDemoSize})`)
    .option('--seed <n>', `${msg.help.seed} (${defaultDemoSeed})`)
    .action((options: StartOptions, command: Command) => run(command, (cli) => start(cli, options)));
}

async function start(cli: Cli, options: StartOptions): Promise<ExitCode> {
  const size = integerOption(cli, '--size', options.size, defaultDemoSize, 1);
  const seed = integerOption(cli, '--seed', options.seed, defaultDemoSeed);
  const composition = await openComposition(cli, { port: options.port, host: options.host });
  const { deps } = composition;
  const progress = startProgress(cli, cli.msg.demo.progressLabel);
  const prepared = await prepareFirstStart(deps, {
    size,
    seed,
    today: deps.clock.today(),
    onProgress: seedProgressTo(progress),
  })
    .catch(async (error: unknown) => {
      await composition.close();
      throw error;
    })
    .finally(() => progress.stop());
  // A fresh demo gets today's run at once, whatever the hour, so that its cases show their ladders
  // (the scheduler then runs it every day at 06:00). RELANCE_DEMO_RUN=off leaves the day untouched.
  const demoRun =
    prepared.kind === 'demo' && prepared.portfolio && cli.env.RELANCE_DEMO_RUN !== 'off'
      ? await runDailyDunning(deps, prepared.tenant.tenantId, { runOn: deps.clock.today() })
      : null;
  // The demo's e-mails really leave, to a local SMTP server that keeps them (RELANCE_DEMO_SMTP=off: not started).
  const mailbox =
    prepared.kind === 'demo' && cli.env.RELANCE_DEMO_SMTP !== 'off'
      ? await startDemoMailbox(mailboxDir(deps), Number(cli.env.RELANCE_DEMO_SMTP_PORT ?? 0))
      : null;
  if (mailbox && prepared.kind === 'demo') {
    await pointAtDemoMailbox(deps.database.db, prepared.tenant.tenantId, mailbox.port, deps.clock.now());
  }
  const server = await listen(cli, composition);

  cli.document({
    ...serverDocument(composition, server),
    ...(prepared.kind === 'demo'
      ? { demo: tenantDocument(prepared.tenant), seeded: prepared.portfolio, run: demoRun }
      : { tenants: prepared.tenants }),
  });
  if (prepared.kind === 'demo' && prepared.portfolio) printPortfolio(cli, prepared.portfolio);
  if (demoRun) cli.line(runMessages(cli.lang).demoRun(cli.count(demoRun.cases), cli.count(demoRun.actions)));
  else if (prepared.kind === 'demo')
    cli.line(cli.msg.demo.alreadySeeded(cli.count(prepared.tenant.claimCount)));
  if (mailbox) cli.line(dispatchMessages(cli.lang).demoMailbox(mailbox.port, mailbox.dir));
  printServer(cli, composition, server);
  if (prepared.kind === 'demo') printSignIn(cli, prepared.tenant, server.url);
  else cli.line(cli.msg.demo.ownTenants);
  printListening(cli, server);
  return exitCodes.ok;
}
