import type { Command } from 'commander';
import { initialiseInstance } from '../../use-cases/setup/initialise-instance.ts';
import { type Cli, type RunCommand, withComposition } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { choiceOption, localeChoices, tenantKindChoices } from '../options.ts';

type InitOptions = {
  readonly tenantName?: string;
  readonly tenantKind?: string;
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  readonly locale?: string;
};

export function registerInit(program: Command, msg: Messages, run: RunCommand): void {
  program
    .command('init')
    .description(msg.help.init)
    .option('--tenant-name <name>', msg.help.tenantName)
    .option('--tenant-kind <kind>', msg.help.tenantKind)
    .option('--admin-email <email>', msg.help.adminEmail)
    .option('--admin-password <password>', msg.help.adminPassword)
    .option('--locale <fr|en>', msg.help.locale)
    .action((options: InitOptions, command: Command) => run(command, (cli) => init(cli, options)));
}

async function init(cli: Cli, options: InitOptions): Promise<ExitCode> {
  const locale = choiceOption(cli, '--locale', options.locale, localeChoices, cli.lang);
  const tenantKind = choiceOption(cli, '--tenant-kind', options.tenantKind, tenantKindChoices, 'creditor');
  return withComposition(cli, {}, async ({ deps }) => {
    const result = await initialiseInstance(deps, {
      tenantName: options.tenantName ?? 'Relance',
      tenantKind,
      adminEmail: options.adminEmail ?? 'admin@relance.local',
      adminPassword: options.adminPassword,
      locale,
    });
    const shown =
      result.kind === 'initialised' && !result.admin.generated
        ? { ...result, admin: { email: result.admin.email, generated: false } }
        : result;
    cli.document({ database: deps.database.displayUrl, ...shown });
    cli.line(cli.msg.database(deps.database.displayUrl));
    if (result.kind === 'already_initialised') {
      cli.line(cli.msg.init.already(result.tenants.length));
      for (const t of result.tenants) cli.line(cli.msg.errors.tenantLine(t.id, t.name));
      return exitCodes.ok;
    }
    cli.line(cli.msg.init.done(result.tenant.name));
    cli.line(cli.msg.init.admin(result.admin.email));
    if (result.admin.generated) {
      cli.line(cli.msg.init.password(result.admin.password));
      cli.line(cli.msg.init.generated);
    }
    cli.line(cli.msg.init.next);
    return exitCodes.ok;
  });
}
