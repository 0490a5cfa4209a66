import { Command, type CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { registerApiKeys } from './commands/api-keys.ts';
import { registerCalc } from './commands/calc.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDispatch } from './commands/dispatch.ts';
import { registerEvidence } from './commands/evidence.ts';
import { registerImport } from './commands/import.ts';
import { registerInit } from './commands/init.ts';
import { registerLetter } from './commands/letter.ts';
import { registerLetters } from './commands/letters.ts';
import { registerMail } from './commands/mail.ts';
import { registerRemittances } from './commands/remittances.ts';
import { registerReports } from './commands/reports.ts';
import { registerRun } from './commands/run.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { registerStatements } from './commands/statements.ts';
import { registerStrategies } from './commands/strategies.ts';
import { registerUsers } from './commands/users.ts';
import { registerWorker } from './commands/worker.ts';
import { type Cli, cliOf, type RunCommand } from './context.ts';
import { CliError, exitCodes, toErrorReport } from './errors.ts';
import { type Lang, messagesFor } from './i18n.ts';

/** The whole command line, its help written in `lang`. */
export function buildProgram(lang: Lang): Command {
  const msg = messagesFor(lang);
  const program = new Command('relance')
    .description(msg.help.program)
    .version(packageJson.version, '-V, --version', msg.help.version)
    .helpOption('-h, --help', msg.help.help)
    .helpCommand('help [command]', msg.help.helpCommand)
    .option('--db <url>', msg.help.db)
    .option('--json', msg.help.json)
    .option('--lang <fr|en>', msg.help.lang)
    .addHelpText('after', msg.help.after)
    .configureHelp({ showGlobalOptions: true, styleTitle: (title) => helpTitle(title, lang) })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  const run: RunCommand = async (command, handler) => {
    const cli = cliOf(command, lang);
    try {
      process.exitCode = await handler(cli);
    } catch (error) {
      process.exitCode = reportError(cli, error, commandPath(command));
    }
  };
  registerInit(program, msg, run);
  registerDemo(program, msg, run);
  registerImport(program, msg, run, lang);
  registerRun(program, msg, run, lang);
  registerWorker(program, msg, run, lang);
  registerDispatch(program, msg, run, lang);
  registerMail(program, msg, run, lang);
  registerStrategies(program, msg, run, lang);
  registerServe(program, msg, run);
  registerStart(program, msg, run);
  registerUsers(program, msg, run);
  registerApiKeys(program, msg, run);
  registerCalc(program, msg, run);
  registerEvidence(program, msg, run, lang);
  registerLetter(program, msg, run, lang);
  registerLetters(program, msg, run, lang);
  registerStatements(program, msg, run);
  registerRemittances(program, msg, run, lang);
  registerReports(program, msg, run, lang);
  return program;
}

/** 'import', or 'users create' for a subcommand. */
function commandPath(command: Command): string {
  const parent = command.parent;
  return parent?.parent ? `${parent.name()} ${command.name()}` : command.name();
}

/**
 * Prints an error — to stderr for people, and with --json also as `{ "error": … }` on stdout so that
 * a script always gets one document — and returns its exit code.
 */
export function reportError(cli: Cli, error: unknown, commandName: string): number {
  const report = toErrorReport(error, cli.msg);
  cli.document({ error: report });
  const separator = cli.lang === 'fr' ? ' : ' : ': ';
  const title = report.title ? ` (${report.title})` : '';
  process.stderr.write(`${cli.msg.errors.prefix}${title}${separator}${report.message}\n`);
  if (report.code === 'usage') process.stderr.write(`${cli.msg.errors.seeHelp(commandName)}\n`);
  if (report.code === 'unexpected' && cli.env.RELANCE_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  return report.exitCode;
}

/** Commander's own refusals (unknown option, missing argument…) as a usage error; help and version: 0. */
export function commanderExit(error: CommanderError, cli: Cli, argv: readonly string[]): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCodes.ok;
  // No command given: the help was printed on stderr.
  if (error.code === 'commander.help') return exitCodes.usage;
  const message = error.message.replace(/^error: /, '');
  return reportError(cli, new CliError('usage', message, { reason: error.code }), helpTarget(argv));
}

const commandNames = new Set(['init', 'demo', 'import', 'serve', 'start', 'users', 'api-keys', 'calc']);

/** 'import' or 'users create' from the arguments, for the "see --help" hint; '' when unknown. */
function helpTarget(argv: readonly string[]): string {
  const at = argv.findIndex((a) => commandNames.has(a));
  if (at < 0) return '';
  const name = argv[at] ?? '';
  const sub = argv[at + 1];
  if (name === 'calc' && (sub === 'interest' || sub === 'prescription')) return `calc ${sub}`;
  return (name === 'users' || name === 'api-keys') && sub === 'create' ? `${name} create` : name;
}

const helpTitles: Readonly<Record<string, string>> = {
  'Usage:': 'Usage :',
  'Options:': 'Options :',
  'Global Options:': 'Options globales :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
};

function helpTitle(title: string, lang: Lang): string {
  return lang === 'fr' ? (helpTitles[title] ?? title) : title;
}
