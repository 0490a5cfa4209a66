import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ingestMail } from '../../use-cases/dispatch/ingest-mail.ts';
import { type Cli, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';

const en = {
  help: {
    mail: 'inbound e-mail: delivery reports (bounces) and read receipts',
    ingest: 'record a delivery report or read receipt from a file (.eml), e.g. piped by the MTA',
    file: 'the message, as received (.eml); - reads standard input',
  },
  unreadable: (file: string, why: string) => `Cannot read ${file}: ${why}`,
  other: 'Not a delivery report nor a read receipt: nothing recorded.',
  line: (kind: string, outcome: string, actionId: string | null) =>
    `  ${kind.padEnd(10)} ${outcome === 'recorded' ? 'recorded' : outcome === 'duplicate' ? 'already recorded' : 'no message of ours matches'}${actionId ? ` (action ${actionId})` : ''}`,
};

const fr: typeof en = {
  help: {
    mail: 'e-mails reçus : avis de non-remise et accusés de lecture',
    ingest:
      'enregistrer un avis de remise ou un accusé de lecture depuis un fichier (.eml), p. ex. transmis par le MTA',
    file: 'le message tel que reçu (.eml) ; - lit l’entrée standard',
  },
  unreadable: (file, why) => `Impossible de lire ${file} : ${why}`,
  other: 'Ni un avis de remise ni un accusé de lecture : rien n’est enregistré.',
  line: (kind, outcome, actionId) =>
    `  ${kind.padEnd(10)} ${outcome === 'recorded' ? 'enregistré' : outcome === 'duplicate' ? 'déjà enregistré' : 'aucun message de Relance ne correspond'}${actionId ? ` (action ${actionId})` : ''}`,
};

export function registerMail(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const words = lang === 'fr' ? fr : en;
  const mail = program.command('mail').description(words.help.mail);
  mail
    .command('ingest')
    .description(words.help.ingest)
    .argument('<file>', words.help.file)
    .option('--tenant <id>', msg.help.tenant)
    .action((file: string, options: { tenant?: string }, command: Command) =>
      run(command, (cli) => ingest(cli, file, options)),
    );
}

async function ingest(cli: Cli, file: string, options: { tenant?: string }): Promise<ExitCode> {
  const words = cli.lang === 'fr' ? fr : en;
  let raw: Buffer;
  try {
    raw = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new CliError(
      'usage',
      words.unreadable(file, error instanceof Error ? error.message : String(error)),
      {
        file,
      },
    );
  }
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const result = await ingestMail(deps, tenant.id, raw);
    cli.document(result);
    if (result.kind === 'other') cli.line(words.other);
    for (const r of result.reports) cli.line(words.line(r.kind, r.outcome, r.actionId));
    return exitCodes.ok;
  });
}
