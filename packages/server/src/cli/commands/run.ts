import { fork } from 'node:child_process';
import { channelName, describeReason, isIsoDate } from '@relance/core';
import { type Command, Option } from 'commander';
import { fixedClock } from '../../shared/clock.ts';
import type { Deps } from '../../shared/deps.ts';
import { casesDue, type RunReport, runDailyDunning } from '../../use-cases/dunning/run-daily-dunning.ts';
import { type Cli, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { integerOption } from '../options.ts';
import { runMessages } from './run-messages.ts';

type RunOptions = {
  readonly date?: string;
  readonly dryRun?: boolean;
  readonly tenant?: string;
  readonly workers?: string;
  readonly batchSize?: string;
  readonly join?: string;
};

export function registerRun(program: Command, msg: Messages, run: RunCommand, lang: 'fr' | 'en'): void {
  const words = runMessages(lang);
  program
    .command('run')
    .description(words.help.run)
    .option('--date <day>', words.help.date)
    .option('--dry-run', words.help.dryRun)
    .option('--workers <n>', words.help.workers)
    .option('--batch-size <n>', words.help.batch)
    .option('--tenant <id>', msg.help.tenant)
    .addOption(new Option('--join <runId>', words.help.join).hideHelp())
    .action((options: RunOptions, command: Command) => run(command, (cli) => runCommand(cli, options)));
}

async function runCommand(cli: Cli, options: RunOptions): Promise<ExitCode> {
  const words = runMessages(cli.lang);
  if (options.date !== undefined && !isIsoDate(options.date)) {
    throw new CliError('usage', words.badDate(options.date), { option: '--date', value: options.date });
  }
  const workers = integerOption(cli, '--workers', options.workers, 1, 1);
  const batchSize = integerOption(cli, '--batch-size', options.batchSize, 1000, 1);
  return withComposition(cli, {}, async ({ deps }) => {
    if (workers > 1 && deps.database.dialect === 'sqlite') {
      throw new CliError('usage', words.sqliteWorkers, { option: '--workers', value: workers });
    }
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const runOn = options.date ?? deps.clock.today();
    // A run for another day acts as of that day: actions are scheduled inside that day's windows.
    const runDeps: Deps =
      options.date && options.date !== deps.clock.today()
        ? { ...deps, clock: fixedClock(`${runOn}T05:00:00.000Z`) }
        : deps;
    const started = Date.now();
    if (!options.join && !options.dryRun) cli.note(words.title(runOn, false));
    const report = await runWithWorkers(cli, runDeps, tenant.id, runOn, options, workers, batchSize);
    if (options.join) return exitCodes.ok;
    cli.document({
      tenant: { id: tenant.id, name: tenant.name },
      workers,
      durationMs: Date.now() - started,
      ...report,
    });
    print(cli, report, Date.now() - started);
    return exitCodes.ok;
  });
}

async function runWithWorkers(
  cli: Cli,
  deps: Deps,
  tenantId: string,
  runOn: string,
  options: RunOptions,
  workers: number,
  batchSize: number,
): Promise<RunReport> {
  const words = runMessages(cli.lang);
  const onBatch = (done: { cases: number; actions: number }) => {
    if (!cli.json && process.stderr.isTTY)
      process.stderr.write(`\r${words.progress(cli.count(done.cases), cli.count(done.actions))}`);
  };
  if (workers === 1 || options.dryRun) {
    const report = await runDailyDunning(deps, tenantId, {
      runOn,
      dryRun: options.dryRun === true,
      batchSize,
      runId: options.join,
      worker: options.join ? `pid-${process.pid}` : 'main',
      onBatch,
    });
    if (!cli.json && process.stderr.isTTY) process.stderr.write('\n');
    return report;
  }
  // The first worker creates the run; the others join it by id and claim batches with SKIP LOCKED.
  const { newId } = await import('../../db/ids.ts');
  const runId = newId();
  await deps.database.db
    .insertInto('runs')
    .values({
      tenant_id: tenantId,
      run_id: runId,
      run_on: runOn,
      trigger: 'manual',
      status: 'running',
      workers,
      started_at: deps.clock.now(),
      finished_at: null,
      error: null,
      cases_due: await casesDue(deps.database.db, tenantId, runOn),
    })
    .execute();
  const children = Array.from({ length: workers - 1 }, () =>
    fork(
      process.argv[1] ?? '',
      [
        'run',
        '--join',
        runId,
        '--date',
        runOn,
        '--tenant',
        tenantId,
        '--batch-size',
        String(batchSize),
        ...(cli.databaseUrl ? ['--db', cli.databaseUrl] : []),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        execArgv: process.execArgv,
      },
    ),
  );
  const exits = children.map(
    (child) => new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1))),
  );
  await runDailyDunning(deps, tenantId, { runOn, batchSize, runId, worker: 'main', onBatch });
  const codes = await Promise.all(exits);
  if (codes.some((code) => code !== 0))
    throw new CliError('failure', `worker exit codes: ${codes.join(', ')}`, { reason: 'worker_failed' });
  await deps.database.db
    .updateTable('runs')
    .set({ status: 'completed', finished_at: deps.clock.now() })
    .where('tenant_id', '=', tenantId)
    .where('run_id', '=', runId)
    .execute();
  return summarise(deps, tenantId, runId, runOn);
}

async function summarise(deps: Deps, tenantId: string, runId: string, runOn: string): Promise<RunReport> {
  const totals = await deps.database.db
    .selectFrom('run_batches')
    .select((eb) => [
      eb.fn.sum<number>('cases').as('cases'),
      eb.fn.sum<number>('actions').as('actions'),
      eb.fn.sum<number>('blocked').as('blocked'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  const byChannel: Record<string, number> = {};
  const channels = await deps.database.db
    .selectFrom('actions')
    .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('run_id', '=', runId)
    .groupBy('channel')
    .execute();
  for (const row of channels) byChannel[row.channel] = Number(row.n);
  return {
    runId,
    runOn,
    dryRun: false,
    cases: Number(totals.cases ?? 0),
    actions: Number(totals.actions ?? 0) - Number(totals.blocked ?? 0),
    blocked: Number(totals.blocked ?? 0),
    byChannel,
    byStage: {},
    preview: [],
    pipelined: false,
  };
}

function print(cli: Cli, report: RunReport, ms: number): void {
  const words = runMessages(cli.lang);
  if (report.dryRun) cli.line(words.title(report.runOn, true));
  if (report.cases === 0) {
    cli.line(words.nothing);
    return;
  }
  cli.line(words.cases(cli.count(report.cases)));
  cli.line(words.actions(cli.count(report.actions)));
  if (report.blocked > 0) cli.line(words.blocked(cli.count(report.blocked)));
  const channels = Object.entries(report.byChannel).map(
    ([channel, n]) =>
      [channelName(channel as Parameters<typeof channelName>[0], cli.lang), cli.count(n)] as const,
  );
  const stages = Object.entries(report.byStage).map(([stage, n]) => [stage, cli.count(n)] as const);
  // One column for the counts of both lists, two spaces after the longest name ("transmission au contentieux").
  const width = Math.max(18, ...[...channels, ...stages].map(([name]) => name.length + 2));
  cli.line(words.byChannel);
  for (const [name, n] of channels) cli.line(words.channel(name, n, width));
  if (stages.length > 0) {
    cli.line(words.byStage);
    for (const [name, n] of stages) cli.line(words.stage(name, n, width));
  }
  if (report.preview.length > 0) {
    cli.line(words.first);
    for (const p of report.preview.slice(0, 20)) {
      const why = p.status === 'blocked' ? p.gate.explanation[cli.lang] : describeReason(p.reason, cli.lang);
      cli.line(
        words.previewLine(
          p.scheduledAt ?? '—',
          channelName(p.channel as Parameters<typeof channelName>[0], cli.lang),
          p.status,
          why,
        ),
      );
    }
  }
  cli.line(words.duration(cli.seconds(ms)));
}
