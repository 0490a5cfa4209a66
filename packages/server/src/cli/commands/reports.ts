import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DomainError } from '@relance/core';
import type { Command } from 'commander';
import { errorMessage } from '../../http/messages.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { listCreditorReports } from '../../use-cases/creditor-portal/list-creditor-reports.ts';
import { previewCreditorReport } from '../../use-cases/creditor-portal/preview-creditor-report.ts';
import {
  getReportSubscription,
  saveReportSubscription,
} from '../../use-cases/creditor-portal/report-subscription.ts';
import { sendReportNow } from '../../use-cases/creditor-portal/send-report-now.ts';
import { listCreditors } from '../../use-cases/portfolio/list-creditors.ts';
import { type CreditorSummary, findCreditorByRef } from '../../use-cases/setup/find-creditor.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';
import { choiceOption } from '../options.ts';
import { reportWords } from './report-words.ts';

type Tenanted = { readonly tenant?: string };
type SubscribeOptions = Tenanted & {
  readonly frequency?: string;
  readonly to: readonly string[];
  readonly language?: string;
  readonly off?: boolean;
};
type PreviewOptions = Tenanted & { readonly period?: string; readonly out?: string };

const collect = (value: string, previous: readonly string[]) => [...previous, value];

/**
 * `relance reports list [creditor]`, `subscribe <creditor>`, `preview <creditor> [--period] [--out]` and
 * `send <creditor>`: the creditor portal's scheduled reports (issue #7), over the same use cases as the API.
 */
export function registerReports(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const w = reportWords(lang);
  const group = program.command('reports').description(w.help.reports);
  group
    .command('list')
    .description(w.help.list)
    .argument('[creditor]', w.help.creditorAll)
    .option('--tenant <id>', msg.help.tenant)
    .action((ref: string | undefined, options: Tenanted, command: Command) =>
      run(command, (cli) => inTenant(cli, options, (at) => list(cli, at, ref))),
    );
  group
    .command('subscribe')
    .description(w.help.subscribe)
    .argument('<creditor>', w.help.creditor)
    .option('--frequency <weekly|monthly>', w.help.frequency)
    .option('--to <email>', w.help.to, collect, [])
    .option('--language <fr|en>', w.help.language)
    .option('--off', w.help.off)
    .option('--tenant <id>', msg.help.tenant)
    .action((ref: string, options: SubscribeOptions, command: Command) =>
      run(command, (cli) => inTenant(cli, options, (at) => subscribe(cli, at, ref, options))),
    );
  group
    .command('preview')
    .description(w.help.preview)
    .argument('<creditor>', w.help.creditor)
    .option('--period <period>', w.help.period)
    .option('--out <file.pdf>', w.help.out)
    .option('--tenant <id>', msg.help.tenant)
    .action((ref: string, options: PreviewOptions, command: Command) =>
      run(command, (cli) => {
        // The report is in --lang when it is given, else in the subscription's language.
        const language = command.optsWithGlobals<{ lang?: string }>().lang ? cli.lang : undefined;
        return inTenant(cli, options, (at) => preview(cli, at, ref, { ...options, language }));
      }),
    );
  group
    .command('send')
    .description(w.help.send)
    .argument('<creditor>', w.help.creditor)
    .option('--tenant <id>', msg.help.tenant)
    .action((ref: string, options: Tenanted, command: Command) =>
      run(command, (cli) => inTenant(cli, options, (at) => send(cli, at, ref))),
    );
}

type At = { readonly deps: Deps; readonly actor: Actor; readonly tenant: { id: string; name: string } };

/** Opens the database, finds the tenant, runs the handler; a refusal is worded in the reader's language. */
function inTenant(cli: Cli, options: Tenanted, handler: (at: At) => Promise<ExitCode>): Promise<ExitCode> {
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    try {
      return await handler({
        deps,
        actor: cliActor(tenant.id),
        tenant: { id: tenant.id, name: tenant.name },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(error.code, errorMessage(error.code, cli.lang, error.details, error.message), {
        ...error.details,
      });
    }
  });
}

/** The creditor named by its reference; an unknown one is said with the reference, in the reader's words. */
function creditorOf(cli: Cli, at: At, ref: string): Promise<CreditorSummary> {
  return findCreditorByRef(at.deps, at.actor, ref).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new CliError('failure', reportWords(cli.lang).unknownCreditor(ref), {
        reason: 'creditor_not_found',
        ref,
      });
    }
    throw error;
  });
}

async function list(cli: Cli, at: At, ref: string | undefined): Promise<ExitCode> {
  const w = reportWords(cli.lang);
  const creditors: readonly CreditorSummary[] = ref
    ? [await creditorOf(cli, at, ref)]
    : await listCreditors(at.deps, at.actor);
  const items = [];
  for (const creditor of creditors) {
    const subscription = await getReportSubscription(at.deps, at.actor, creditor.id);
    const reports = await listCreditorReports(at.deps, at.actor, creditor.id);
    items.push({
      creditor: { id: creditor.id, ref: creditor.ref, name: creditor.name },
      subscription,
      reports,
    });
    cli.line(w.creditor(creditor.ref, creditor.name, w.subscription(subscription)));
    if (reports.length === 0) cli.line(w.noReport);
    for (const report of reports) cli.line(w.report(report, w.status[report.status]));
  }
  if (creditors.length === 0) cli.line(w.noCreditor);
  cli.document({ tenant: at.tenant, items });
  return exitCodes.ok;
}

async function subscribe(cli: Cli, at: At, ref: string, options: SubscribeOptions): Promise<ExitCode> {
  const w = reportWords(cli.lang);
  const creditor = await creditorOf(cli, at, ref);
  const current = await getReportSubscription(at.deps, at.actor, creditor.id);
  const recipients = options.to.length > 0 ? options.to : (current?.recipients ?? []);
  if (recipients.length === 0)
    throw new CliError('usage', w.toRequired, { reason: 'report_recipients_missing' });
  const saved = await saveReportSubscription(at.deps, at.actor, creditor.id, {
    frequency: choiceOption(
      cli,
      'frequency',
      options.frequency,
      ['weekly', 'monthly'],
      current?.frequency ?? 'monthly',
    ),
    recipients,
    language: choiceOption(cli, 'language', options.language, ['fr', 'en'], current?.language ?? 'fr'),
    active: options.off !== true,
  });
  cli.document({ tenant: at.tenant, creditor, subscription: saved });
  cli.line(w.saved(creditor.ref, w.subscription(saved)));
  return exitCodes.ok;
}

async function preview(
  cli: Cli,
  at: At,
  ref: string,
  options: PreviewOptions & { readonly language: Lang | undefined },
): Promise<ExitCode> {
  const w = reportWords(cli.lang);
  const creditor = await creditorOf(cli, at, ref);
  const period = options.period?.trim().toLowerCase();
  const toDate = period === 'weekly' || period === 'monthly' ? period : undefined;
  const file = await previewCreditorReport(at.deps, at.actor, creditor.id, {
    language: options.language,
    frequency: toDate,
    period: toDate === undefined ? options.period?.trim() : undefined,
  });
  const out = resolve(options.out ?? file.fileName);
  await writeFile(out, file.content);
  cli.document({ tenant: at.tenant, creditor, file: out, bytes: file.content.byteLength });
  cli.line(w.written(out, cli.count(file.content.byteLength)));
  return exitCodes.ok;
}

async function send(cli: Cli, at: At, ref: string): Promise<ExitCode> {
  const w = reportWords(cli.lang);
  const creditor = await creditorOf(cli, at, ref);
  const report = await sendReportNow(at.deps, at.actor, creditor.id);
  cli.document({ tenant: at.tenant, creditor, report });
  if (report.status === 'sent') {
    cli.line(w.sent(report.emailTo));
    return exitCodes.ok;
  }
  cli.line(w.notSent(w.status[report.status], report.error));
  return exitCodes.failure;
}
