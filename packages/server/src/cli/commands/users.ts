import type { Command } from 'commander';
import { createUser } from '../../use-cases/access/create-user.ts';
import { findCreditorByRef } from '../../use-cases/setup/find-creditor.ts';
import { randomPassword } from '../../use-cases/setup/random-password.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { choiceOption, localeChoices, roleChoices } from '../options.ts';

type CreateUserOptions = {
  readonly email: string;
  readonly name?: string;
  readonly role: string;
  readonly password?: string;
  readonly creditor?: string;
  readonly locale?: string;
  readonly tenant?: string;
};

export function registerUsers(program: Command, msg: Messages, run: RunCommand): void {
  const users = program.command('users').description(msg.help.users);
  users
    .command('create')
    .description(msg.help.usersCreate)
    .requiredOption('--email <email>', msg.help.email)
    .requiredOption('--role <role>', msg.help.role)
    .option('--name <name>', msg.help.name)
    .option('--password <password>', msg.help.password)
    .option('--creditor <ref>', msg.help.userCreditor)
    .option('--locale <fr|en>', msg.help.locale)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: CreateUserOptions, command: Command) => run(command, (cli) => create(cli, options)));
}

async function create(cli: Cli, options: CreateUserOptions): Promise<ExitCode> {
  const role = choiceOption(cli, '--role', options.role, roleChoices, 'agent');
  const locale = choiceOption(cli, '--locale', options.locale, localeChoices, cli.lang);
  const generated = options.password === undefined;
  const password = options.password ?? randomPassword();
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const actor = cliActor(tenant.id);
    const creditor = options.creditor ? await findCreditorByRef(deps, actor, options.creditor) : null;
    const user = await createUser(deps, actor, {
      email: options.email,
      displayName: options.name ?? options.email.split('@')[0] ?? options.email,
      role,
      password,
      creditorId: creditor?.id ?? null,
      locale,
    });
    cli.document({ tenant: { id: tenant.id, name: tenant.name }, user, ...(generated ? { password } : {}) });
    cli.line(cli.msg.users.created(user.email, cli.msg.roles[user.role]));
    if (generated) {
      cli.line(cli.msg.users.password(password));
      cli.line(cli.msg.users.generated);
    }
    return exitCodes.ok;
  });
}
