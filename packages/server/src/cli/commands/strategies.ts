import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DomainError, type StrategyIssue } from '@relance/core';
import type { Command } from 'commander';
import { listStrategies, listStrategyVersions, saveStrategy } from '../../use-cases/strategies/strategies.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { integerOption } from '../options.ts';
import { runMessages } from './run-messages.ts';

type Options = { readonly tenant?: string; readonly version?: string };

/** `relance strategies list | show <key> | save <file.json>`: the strategies as data, read and written as JSON. */
export function registerStrategies(
  program: Command,
  msg: Messages,
  run: RunCommand,
  lang: 'fr' | 'en',
): void {
  const words = runMessages(lang).strategies;
  const group = program.command('strategies').description(words.help);
  group
    .command('list')
    .description(words.list)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: Options, command: Command) => run(command, (cli) => list(cli, options)));
  group
    .command('show')
    .description(words.show)
    .argument('<key>', words.key)
    .argument('[version]', words.version)
    .option('--tenant <id>', msg.help.tenant)
    .action((key: string, version: string | undefined, options: Options, command: Command) =>
      run(command, (cli) => show(cli, key, { ...options, version })),
    );
  group
    .command('save')
    .description(words.save)
    .argument('<file>', words.file)
    .option('--tenant <id>', msg.help.tenant)
    .action((file: string, options: Options, command: Command) =>
      run(command, (cli) => save(cli, file, options)),
    );
}

async function list(cli: Cli, options: Options): Promise<ExitCode> {
  const words = runMessages(cli.lang).strategies;
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const result = await listStrategies(deps, cliActor(tenant.id));
    cli.document(result);
    for (const item of result.items) {
      const d = item.definition;
      cli.line(
        words.row(
          d.key,
          item.version,
          d.name[cli.lang],
          d.steps.length,
          d.backlog,
          cli.count(item.caseCount),
        ),
      );
    }
    cli.line(words.rules);
    for (const rule of result.assignment.rules)
      cli.line(`  ${rule.name ?? JSON.stringify(rule.when)} → ${rule.strategy}`);
    cli.line(`  ${words.otherwise} → ${result.assignment.defaultStrategy}`);
    return exitCodes.ok;
  });
}

async function show(cli: Cli, key: string, options: Options): Promise<ExitCode> {
  const version =
    options.version === undefined ? undefined : integerOption(cli, 'version', options.version, 1, 1);
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const versions = await listStrategyVersions(deps, cliActor(tenant.id), key);
    const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!chosen)
      throw new CliError('failure', runMessages(cli.lang).strategies.noVersion(key, version ?? 0), {
        reason: 'version_not_found',
      });
    // The definition itself, so that it can be edited and saved back.
    process.stdout.write(`${JSON.stringify(chosen.definition, null, 2)}\n`);
    return exitCodes.ok;
  });
}

async function save(cli: Cli, file: string, options: Options): Promise<ExitCode> {
  const words = runMessages(cli.lang).strategies;
  let definition: unknown;
  try {
    definition = JSON.parse(await readFile(resolve(file), 'utf8'));
  } catch (error) {
    throw new CliError(
      'failure',
      words.unreadable(file, error instanceof Error ? error.message : String(error)),
      { reason: 'unreadable' },
    );
  }
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    try {
      const saved = await saveStrategy(deps, cliActor(tenant.id), definition);
      cli.document(saved);
      cli.line(words.saved(saved.key, saved.version));
      return exitCodes.ok;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error;
      const issues = (error.details?.issues ?? []) as StrategyIssue[];
      cli.document({ error: { code: error.code, message: error.message, issues } });
      process.stderr.write(`${words.refused(file)}\n`);
      for (const issue of issues) process.stderr.write(`  ${issue.message[cli.lang]}\n`);
      return exitCodes.failure;
    }
  });
}
