import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { fixedClock } from '../../shared/clock.ts';
import { buildPrintBatch } from '../../use-cases/letters/build-print-batch.ts';
import { readPrintBatchFile } from '../../use-cases/letters/print-batches.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';
import { letterWords } from './letter-words.ts';

type Options = { readonly date?: string; readonly out: string; readonly tenant?: string };

/** `relance letters batch [--date YYYY-MM-DD] --out <dir>`: the day's print batch, PDF and manifest. */
export function registerLetters(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const words = letterWords(lang);
  const group = program.command('letters').description(words.help.letters);
  group
    .command('batch')
    .description(words.help.batch)
    .option('--date <YYYY-MM-DD>', words.help.date)
    .requiredOption('--out <dir>', words.help.outDir)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: Options, command: Command) => run(command, (cli) => batch(cli, options)));
}

async function batch(cli: Cli, options: Options): Promise<ExitCode> {
  const w = letterWords(cli.lang);
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    throw new CliError('usage', cli.msg.calc.errors.invalidDate('--date', options.date), { option: 'date' });
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const on = options.date ?? deps.clock.today();
    const dayDeps = options.date ? { ...deps, clock: fixedClock(`${on}T12:00:00.000Z`) } : deps;
    const made = await buildPrintBatch(dayDeps, tenant.id, { on });
    if (!made) {
      cli.document({ batch: null, on });
      cli.line(w.nothingToPrint(on));
      return exitCodes.ok;
    }
    const dir = resolve(options.out);
    await mkdir(dir, { recursive: true });
    const files: string[] = [];
    for (const file of ['letters', 'manifest'] as const) {
      const stored = await readPrintBatchFile(deps, cliActor(tenant.id), made.batchId, file);
      const path = join(dir, stored.fileName);
      await writeFile(path, stored.content);
      files.push(path);
    }
    cli.document({ batch: made, files });
    cli.line(w.batch(on, cli.count(made.letters), cli.count(made.pages)));
    cli.line(w.batchFiles(files[0] ?? '', files[1] ?? ''));
    return exitCodes.ok;
  });
}
