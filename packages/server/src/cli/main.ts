import { CommanderError } from 'commander';
import { makeCli } from './context.ts';
import { detectLang } from './i18n.ts';
import { buildProgram, commanderExit, reportError } from './program.ts';

// `relance …` — see `relance --help` for the commands, their options and the exit codes.
const argv = process.argv.slice(2);
const lang = detectLang(argv, process.env);
const cli = makeCli(lang, { json: argv.includes('--json') }, process.env);

try {
  await buildProgram(lang).parseAsync(process.argv);
} catch (error) {
  process.exitCode =
    error instanceof CommanderError ? commanderExit(error, cli, argv) : reportError(cli, error, '');
}
