import type { Command } from 'commander';
import { startDispatcher } from '../../worker/dispatcher.ts';
import { startScheduler } from '../../worker/scheduler.ts';
import { startWebhookQueue } from '../../worker/webhook-queue.ts';
import { type Cli, openComposition, type RunCommand } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { runMessages } from './run-messages.ts';

/**
 * `relance worker`: the schedule of the daily run without the HTTP server, for a separate process (or
 * several, on PostgreSQL: each claims batches with SKIP LOCKED). Stops on Ctrl+C or SIGTERM.
 */
export function registerWorker(program: Command, _msg: Messages, run: RunCommand, lang: 'fr' | 'en'): void {
  program
    .command('worker')
    .description(runMessages(lang).help.worker)
    .action((_options: unknown, command: Command) => run(command, (cli) => work(cli)));
}

async function work(cli: Cli): Promise<ExitCode> {
  const words = runMessages(cli.lang);
  const composition = await openComposition(cli, {});
  const scheduler = startScheduler(composition.deps, { log: (line) => cli.note(line) });
  // The outbox is sent beside the schedule (every 15 s); RELANCE_DISPATCH=off leaves it to another process.
  const dispatcher =
    cli.env.RELANCE_DISPATCH === 'off'
      ? null
      : startDispatcher(composition.deps, { log: (line) => cli.note(line) });
  // Card providers' events, recorded by the webhooks, are booked within a second (decision 0012).
  const webhooks =
    cli.env.RELANCE_DISPATCH === 'off'
      ? null
      : startWebhookQueue(composition.deps, { log: (line) => cli.note(line) });
  cli.line(words.workerStarted(composition.deps.database.displayUrl));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await scheduler.stop();
  await dispatcher?.stop();
  await webhooks?.stop();
  await composition.close();
  return exitCodes.ok;
}
