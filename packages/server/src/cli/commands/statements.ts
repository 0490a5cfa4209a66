import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  DomainError,
  describeLineReason,
  describeMatchReason,
  formatMoney,
  type MatchLocale,
} from '@relance/core';
import type { Command } from 'commander';
import { statementFileJson } from '../../formats/statements/statement-json.ts';
import {
  type ImportStatementResult,
  importStatement,
  type StatementLineOutcome,
} from '../../use-cases/payments/statements/import-statement.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';

/** Lines left for a person listed on screen; --json has every line. */
const shownLines = 10;

/** `relance statements import <file> [--tenant <id>]`: the format is read from the content. */
export function registerStatements(program: Command, msg: Messages, run: RunCommand): void {
  const w = msg.statements;
  program
    .command('statements')
    .description(w.help)
    .command('import')
    .description(w.import)
    .argument('<file>', w.file)
    .option('--tenant <id>', msg.help.tenant)
    .action((file: string, options: { readonly tenant?: string }, command: Command) =>
      run(command, (cli) => importFile(cli, file, options.tenant)),
    );
}

async function importFile(cli: Cli, file: string, tenantOption: string | undefined): Promise<ExitCode> {
  const path = resolve(file);
  if (!existsSync(path))
    throw new CliError('failure', cli.msg.errors.fileMissing(path), { reason: 'file_missing' });
  const bytes = await readFile(path);
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, tenantOption);
    const result = await importStatement(deps, cliActor(tenant.id), {
      fileName: basename(path),
      bytes,
    }).catch((error: unknown) => {
      throw inReadersLanguage(cli, error);
    });
    cli.document(documentOf(cli.lang, tenant, result));
    printSummary(cli, result);
    return exitCodes.ok;
  });
}

/** The reader's refusal comes with its words in French and English: the reader's language is printed. */
function inReadersLanguage(cli: Cli, error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== 'import_unreadable') return error;
  const fr = error.details?.fr;
  return cli.lang === 'fr' && typeof fr === 'string' ? new DomainError(error.code, fr, error.details) : error;
}

/**
 * The statement as `statementFileJson` writes it — every entry and transaction with its amount (decimal
 * and minor units), currency, direction, status, dates and references — each booking annotated with what it
 * matched (case, confidence, reason) or why not, and whether it was new.
 */
function documentOf(
  lang: MatchLocale,
  tenant: { readonly id: string; readonly name: string },
  result: ImportStatementResult,
) {
  const { file, lines, ...summary } = result;
  const annotate = (fingerprint: string) => {
    const line = lines.get(fingerprint);
    return line ? annotation(line, lang) : undefined;
  };
  return {
    tenant: { id: tenant.id, name: tenant.name },
    ...summary,
    statement: statementFileJson(file, {
      annotateEntry: (entry) => (entry.transactions.length === 0 ? annotate(entry.fingerprint) : undefined),
      annotateTransaction: (tx) => annotate(tx.fingerprint),
    }),
  };
}

function annotation(line: StatementLineOutcome, lang: MatchLocale) {
  return {
    lineId: line.lineId,
    imported: line.isNew ? 'new' : 'already_imported',
    matchStatus: line.status,
    matched: line.caseId,
    confidence: line.confidence,
    reasonCode: line.reason?.code ?? null,
    reason: line.reason === null ? null : describeLineReason(line.reason, lang),
    candidates: line.candidates.map((c) => ({
      caseId: c.caseId,
      confidence: c.confidence,
      rule: c.rule,
      reason: describeMatchReason(c.reason, lang),
    })),
    paymentId: line.paymentId,
  };
}

function printSummary(cli: Cli, result: ImportStatementResult): void {
  const w = cli.msg.statements;
  const n = (value: number) => cli.count(value);
  const format = result.version ?? result.format;
  cli.line(w.title(result.fileName, format, result.lineCount));
  if (result.newCount === 0) cli.line(w.allKnown(n(result.lineCount)));
  else cli.line(w.fresh(n(result.newCount), n(result.knownCount)));
  const s = result.statuses;
  cli.line(w.matched(n(s.matched)));
  cli.line(w.review(n(s.review)));
  cli.line(w.ambiguous(n(s.ambiguous)));
  cli.line(w.unmatched(n(s.unmatched)));
  cli.line(w.ignored(n(s.ignored)));
  cli.line(w.reversal(n(s.reversal)));
  cli.line(w.booked(n(result.booked), n(result.reversed)));
  if (result.warningCount > 0) cli.line(w.warnings(n(result.warningCount)));
  const entryOf = new Map(
    result.file.statements.flatMap((st) =>
      st.entries.flatMap((e) =>
        (e.transactions.length === 0 ? [e.fingerprint] : e.transactions.map((t) => t.fingerprint)).map(
          (fp) => [fp, e] as const,
        ),
      ),
    ),
  );
  const open = [...entryOf.keys()]
    .map((fingerprint) => [fingerprint, result.lines.get(fingerprint)] as const)
    .filter((pair): pair is readonly [string, StatementLineOutcome] =>
      ['review', 'ambiguous', 'unmatched'].includes(pair[1]?.status ?? ''),
    );
  if (open.length > 0) {
    cli.line(w.toFinish);
    for (const [fingerprint, line] of open.slice(0, shownLines)) {
      const entry = entryOf.get(fingerprint);
      const tx = entry?.transactions.find((t) => t.fingerprint === fingerprint);
      const amount = tx?.amount && (entry?.transactions.length ?? 0) > 1 ? tx.amount : entry?.amount;
      const money = amount ? formatMoney(amount.minor, amount.currency, cli.lang) : '?';
      const payer = tx?.debtor?.name ?? w.noPayer;
      const reason = line.reason === null ? '' : describeLineReason(line.reason, cli.lang);
      cli.line(w.line(entry?.bookingDate ?? '', money, payer, reason));
    }
    if (open.length > shownLines) cli.line(w.more(n(open.length - shownLines)));
  }
  cli.line(w.duration(cli.seconds(result.durationMs)));
}
