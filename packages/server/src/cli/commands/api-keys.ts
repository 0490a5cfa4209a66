import type { Command } from 'commander';
import { createApiKey } from '../../use-cases/access/create-api-key.ts';
import { findCreditorByRef } from '../../use-cases/setup/find-creditor.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Messages } from '../i18n.ts';
import { choiceOption, roleChoices } from '../options.ts';

type CreateKeyOptions = {
  readonly name: string;
  readonly role?: string;
  readonly creditor?: string;
  readonly tenant?: string;
};

export function registerApiKeys(program: Command, msg: Messages, run: RunCommand): void {
  const keys = program.command('api-keys').description(msg.help.apiKeys);
  keys
    .command('create')
    .description(msg.help.apiKeysCreate)
    .requiredOption('--name <name>', msg.help.keyName)
    .option('--role <role>', `${msg.help.role} (supervisor)`)
    .option('--creditor <ref>', msg.help.keyCreditor)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: CreateKeyOptions, command: Command) => run(command, (cli) => create(cli, options)));
}

async function create(cli: Cli, options: CreateKeyOptions): Promise<ExitCode> {
  const role = choiceOption(cli, '--role', options.role, roleChoices, 'supervisor');
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const actor = cliActor(tenant.id);
    const creditor = options.creditor ? await findCreditorByRef(deps, actor, options.creditor) : null;
    const created = await createApiKey(deps, actor, {
      name: options.name,
      role,
      creditorId: creditor?.id ?? null,
    });
    cli.document({ tenant: { id: tenant.id, name: tenant.name }, ...created });
    cli.line(cli.msg.apiKeys.created(created.key.name, cli.msg.roles[created.key.role]));
    cli.line(cli.msg.apiKeys.token(created.token));
    cli.line(cli.msg.apiKeys.once);
    return exitCodes.ok;
  });
}
