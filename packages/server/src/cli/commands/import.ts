import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { readMappingFile } from '../../formats/mapping-file.ts';
import { type ImportClaimsResult, importClaims } from '../../use-cases/imports/import-claims.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { startProgress } from '../progress.ts';

type ImportOptions = { readonly creditor: string; readonly mapping?: string; readonly tenant?: string };

/** Rejections listed on screen; the error file and --json have them all. */
const shownRejections = 10;

export function registerImport(program: Command, msg: Messages, run: RunCommand): void {
  program
    .command('import')
    .description(msg.help.import)
    .argument('<file>', msg.help.file)
    .requiredOption('--creditor <ref>', msg.help.creditor)
    .option('--mapping <file>', msg.help.mapping)
    .option('--tenant <id>', msg.help.tenant)
    .action((file: string, options: ImportOptions, command: Command) =>
      run(command, (cli) => importFile(cli, file, options)),
    );
}

async function importFile(cli: Cli, file: string, options: ImportOptions): Promise<ExitCode> {
  const path = resolve(file);
  if (!existsSync(path))
    throw new CliError('failure', cli.msg.errors.fileMissing(path), { reason: 'file_missing' });
  const mapping = options.mapping ? await readMappingFile(resolve(options.mapping)) : undefined;
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const progress = startProgress(cli, basename(path));
    const result = await importClaims(deps, cliActor(tenant.id), {
      creditorRef: options.creditor,
      source: { kind: 'file', path, fileName: basename(path) },
      ...(mapping ? { mapping } : {}),
      onProgress: (p) => progress.update(p.bytesRead, p.totalBytes, p.rowsRead),
    }).finally(() => progress.stop());
    cli.document(result);
    printSummary(cli, options.creditor, result);
    return result.rejected > 0 ? exitCodes.rejectedRows : exitCodes.ok;
  });
}

function printSummary(cli: Cli, creditor: string, result: ImportClaimsResult): void {
  const { msg, count } = cli;
  cli.line(msg.import.title(result.fileName, creditor, result.format));
  cli.line(msg.import.totalRows(count(result.totalRows)));
  cli.line(msg.import.inserted(count(result.inserted)));
  cli.line(msg.import.updated(count(result.updated)));
  cli.line(msg.import.unchanged(count(result.unchanged)));
  cli.line(msg.import.rejected(count(result.rejected)));
  if (result.rejected === 0) cli.line(msg.import.allImported);
  else {
    cli.line(msg.import.firstRejections);
    for (const r of result.rejections.slice(0, shownRejections)) {
      cli.line(msg.import.rejection(r.row, r.column, r.reason, r.message));
    }
    const more = result.rejected - Math.min(shownRejections, result.rejections.length);
    if (more > 0) cli.line(msg.import.moreRejections(count(more)));
  }
  if (result.errorFile) cli.line(msg.import.errorFile(result.errorFile));
  cli.line(msg.import.duration(cli.seconds(result.durationMs)));
}
