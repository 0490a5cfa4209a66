import type { Command } from 'commander';
import { type Composition, type RunningServer, startServer } from '../../compose.ts';
import { startDispatcher } from '../../worker/dispatcher.ts';
import { startScheduler } from '../../worker/scheduler.ts';
import { startWebhookQueue } from '../../worker/webhook-queue.ts';
import type { Cli, RunCommand } from '../context.ts';
import { openComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';

export type ServeOptions = { readonly port?: string; readonly host?: string };

export function registerServe(program: Command, msg: Messages, run: RunCommand): void {
  program
    .command('serve')
    .description(msg.help.serve)
    .option('--port <port>', `${msg.help.port} (3000)`)
    .option('--host <host>', `${msg.help.host} (127.0.0.1)`)
    .action((options: ServeOptions, command: Command) => run(command, (cli) => serve(cli, options)));
}

async function serve(cli: Cli, options: ServeOptions): Promise<ExitCode> {
  const composition = await openComposition(cli, { port: options.port, host: options.host });
  const server = await listen(cli, composition);
  cli.document(serverDocument(composition, server));
  printServer(cli, composition, server);
  printListening(cli, server);
  return exitCodes.ok;
}

/** Starts the server and stops it cleanly on Ctrl+C or SIGTERM; the database closes after it. */
export async function listen(cli: Cli, composition: Composition): Promise<RunningServer> {
  let server: RunningServer;
  try {
    server = await startServer(composition);
  } catch (error) {
    await composition.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const { host, port } = composition.config;
      throw new CliError('failure', cli.msg.errors.portInUse(`${host}:${port}`), { reason: 'port_in_use' });
    }
    throw error;
  }
  // The daily run starts by itself at the tenant's scheduled time (RELANCE_SCHEDULE=off leaves it to `relance run`).
  const scheduler =
    cli.env.RELANCE_SCHEDULE === 'off'
      ? null
      : startScheduler(composition.deps, { log: (line) => cli.note(line) });
  // The outbox is sent every 15 s (RELANCE_DISPATCH=off leaves it to a separate `relance worker`).
  const dispatcher =
    cli.env.RELANCE_DISPATCH === 'off'
      ? null
      : startDispatcher(composition.deps, { log: (line) => cli.note(line) });
  // Card providers' events, recorded by the webhooks, are booked within a second (decision 0012).
  const webhooks =
    cli.env.RELANCE_DISPATCH === 'off'
      ? null
      : startWebhookQueue(composition.deps, { log: (line) => cli.note(line) });
  const stop = (): void => {
    cli.note(cli.msg.serve.stopping);
    server
      .close()
      .then(() => scheduler?.stop())
      .then(() => dispatcher?.stop())
      .then(() => webhooks?.stop())
      .then(() => composition.close())
      .finally(() => process.exit(exitCodes.ok));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

/** Where things are: the database, the web app, the API. */
export function printServer(cli: Cli, composition: Composition, server: RunningServer): void {
  const { msg } = cli;
  cli.line(msg.database(composition.deps.database.displayUrl));
  cli.line(composition.config.webDist ? msg.serve.web(composition.config.webDist) : msg.serve.noWeb);
  cli.line(msg.serve.api(server.url));
}

/** The last lines, the ones a person looks for: the URL and how to stop. */
export function printListening(cli: Cli, server: RunningServer): void {
  cli.line();
  cli.line(cli.msg.serve.listening(server.url));
  cli.line(cli.msg.serve.stop);
}

export function serverDocument(composition: Composition, server: RunningServer) {
  return {
    url: server.url,
    port: server.port,
    database: composition.deps.database.displayUrl,
    webDist: composition.config.webDist,
  };
}
