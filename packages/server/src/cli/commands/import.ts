import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { readMappingFile } from '../../formats/mapping-file.ts';
import { ensureCreditor } from '../../use-cases/imports/ensure-creditor.ts';
import { type ImportClaimsResult, importClaims } from '../../use-cases/imports/import-claims.ts';
import { describeRejection, describeWarning, type RowIssue } from '../../use-cases/imports/import-issues.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';
import { startProgress } from '../progress.ts';
import { einvoiceWords } from './einvoice-messages.ts';
import { importEInvoiceFiles, sortImportFiles } from './import-einvoices.ts';

type ImportOptions = {
  /** Required for a CSV or XLSX file; for e-invoices the seller is the creditor unless one is given. */
  readonly creditor?: string;
  readonly creditorName?: string;
  readonly mapping?: string;
  readonly tenant?: string;
  readonly placement?: string;
};

/** Rejections and warnings listed on screen; the error file and --json have more. */
const shownIssues = 10;

export function registerImport(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const words = einvoiceWords(lang);
  program
    .command('import')
    .description(words.help.import)
    .argument('<files...>', words.help.files)
    .option('--creditor <ref>', words.help.creditor)
    .option('--creditor-name <name>', msg.help.creditorName)
    .option('--mapping <file>', msg.help.mapping)
    .option('--tenant <id>', msg.help.tenant)
    .option('--placement <label>', msg.help.placement)
    .action((files: string[], options: ImportOptions, command: Command) =>
      run(command, (cli) => importFiles(cli, files, options)),
    );
}

/**
 * One CSV or XLSX file goes to the claims import, as always; e-invoices (PDF, XML, folders of them) to
 * their own — with several files, one that is no e-invoice is reported among them, the others go in.
 */
async function importFiles(cli: Cli, files: readonly string[], options: ImportOptions): Promise<ExitCode> {
  const paths = files.map((f) => resolve(f));
  const missing = paths.find((p) => !existsSync(p));
  if (missing) throw new CliError('failure', cli.msg.errors.fileMissing(missing), { reason: 'file_missing' });
  const sorted = await sortImportFiles(cli, paths);
  const [table] = sorted.others;
  if (paths.length > 1 || table === undefined) {
    return importEInvoiceFiles(cli, [...sorted.einvoices, ...sorted.others], options);
  }
  if (!options.creditor) {
    const words = einvoiceWords(cli.lang);
    throw new CliError('usage', words.creditorRequired, { reason: 'creditor_required' });
  }
  return importFile(cli, table, { ...options, creditor: options.creditor });
}

async function importFile(
  cli: Cli,
  file: string,
  options: ImportOptions & { readonly creditor: string },
): Promise<ExitCode> {
  const path = resolve(file);
  if (!existsSync(path))
    throw new CliError('failure', cli.msg.errors.fileMissing(path), { reason: 'file_missing' });
  const mapping = options.mapping ? await readMappingFile(resolve(options.mapping)) : undefined;
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const actor = cliActor(tenant.id);
    const creditor = await ensureCreditor(deps, actor, {
      ref: options.creditor,
      name: options.creditorName ?? options.creditor,
    });
    if (creditor.created) cli.note(cli.msg.import.creditorCreated(creditor.ref, creditor.name));
    const progress = startProgress(cli, basename(path));
    const result = await importClaims(deps, actor, {
      creditorRef: creditor.ref,
      source: { kind: 'file', path, fileName: basename(path) },
      mapping,
      placement: options.placement,
      onProgress: (p) => progress.update(p.bytesRead, p.totalBytes ?? 0, p.rowsRead),
    }).finally(() => progress.stop());
    cli.document({
      tenant: { id: tenant.id, name: tenant.name },
      creditorCreated: creditor.created,
      ...result,
    });
    printSummary(cli, creditor.ref, result, tenant.locale === cli.lang);
    return result.rejected > 0 ? exitCodes.rejectedRows : exitCodes.ok;
  });
}

/** The stored messages are in the tenant's language; in another language the reason is described anew. */
function printSummary(cli: Cli, creditor: string, result: ImportClaimsResult, sameLanguage: boolean): void {
  const { msg, count } = cli;
  const rejection = (r: RowIssue<Parameters<typeof describeRejection>[0]>) =>
    sameLanguage ? r.message : describeRejection(r.reason, cli.lang);
  cli.line(msg.import.title(result.fileName, creditor, result.format));
  cli.line(msg.import.totalRows(count(result.totalRows)));
  cli.line(msg.import.inserted(count(result.inserted)));
  cli.line(msg.import.updated(count(result.updated)));
  cli.line(msg.import.unchanged(count(result.unchanged)));
  cli.line(msg.import.rejected(count(result.rejected)));
  if (result.warned > 0) cli.line(msg.import.warned(count(result.warned)));
  if (result.rejected === 0) cli.line(msg.import.allImported);
  else {
    cli.line(msg.import.firstRejections);
    const shown = result.rejections.slice(0, shownIssues);
    for (const r of shown) cli.line(msg.import.issue(r.row, r.column, rejection(r), r.reason));
    // A row can have several issues: count what is left in rows, as `rejected` does.
    const more = result.rejected - new Set(shown.map((r) => r.row)).size;
    if (more > 0) cli.line(msg.import.moreRejections(count(more)));
  }
  if (result.warned > 0) {
    cli.line(msg.import.firstWarnings);
    for (const w of result.warnings.slice(0, shownIssues)) {
      cli.line(
        msg.import.issue(
          w.row,
          w.column,
          sameLanguage ? w.message : describeWarning(w.reason, cli.lang),
          w.reason,
        ),
      );
    }
  }
  if (result.errorFile) cli.line(msg.import.errorFile(result.errorFile));
  cli.line(msg.import.duration(cli.seconds(result.durationMs)));
}
