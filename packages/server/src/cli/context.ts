import { DomainError } from '@relance/core';
import type { Command } from 'commander';
import { type Composition, compose } from '../compose.ts';
import { type Config, type ConfigOverrides, type Env, loadConfig } from '../config.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { listTenants, type TenantSummary } from '../use-cases/setup/list-tenants.ts';
import { CliError, type ExitCode } from './errors.ts';
import { type Lang, type Messages, messagesFor, parseLang } from './i18n.ts';

/** What every command handler gets: the language, the output, the settings from the command line. */
export type Cli = {
  readonly lang: Lang;
  readonly msg: Messages;
  readonly json: boolean;
  readonly env: Env;
  /** `--db`, when given. */
  readonly databaseUrl: string | undefined;
  /** A line for people, on stdout (nothing with --json). */
  line(text?: string): void;
  /** A note for people on stderr (progress, hints): kept out of stdout, so pipes get the result only. */
  note(text: string): void;
  /** The one JSON document of a --json run, on stdout. */
  document(value: unknown): void;
  /** 12 345 / 12,345 by the language. */
  count(n: number): string;
  /** 1,2 / 1.2 seconds. */
  seconds(ms: number): string;
};

/** How main.ts runs a handler: builds the Cli from the options, prints errors, sets the exit code. */
export type RunCommand = (command: Command, handler: (cli: Cli) => Promise<ExitCode>) => Promise<void>;

export type GlobalOptions = { readonly db?: string; readonly json?: boolean; readonly lang?: string };

export function makeCli(lang: Lang, globals: GlobalOptions, env: Env): Cli {
  const msg = messagesFor(lang);
  const json = globals.json === true;
  const numbers = new Intl.NumberFormat(msg.numberLocale);
  const decimals = new Intl.NumberFormat(msg.numberLocale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  return {
    lang,
    msg,
    json,
    env,
    databaseUrl: globals.db,
    line: (text = '') => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    note: (text) => {
      if (!json) process.stderr.write(`${text}\n`);
    },
    document: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    count: (n) => numbers.format(n),
    seconds: (ms) => decimals.format(ms / 1000),
  };
}

/** The Cli of the command being run, from its own and its parents' options. */
export function cliOf(command: Command, fallbackLang: Lang): Cli {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const lang = (globals.lang && parseLang(globals.lang)) || fallbackLang;
  return makeCli(lang, globals, process.env);
}

/** Opens the database (migrating it), runs `fn`, and closes it whatever happens. */
export async function withComposition<T>(
  cli: Cli,
  overrides: ConfigOverrides,
  fn: (composition: Composition) => Promise<T>,
): Promise<T> {
  const composition = await openComposition(cli, overrides);
  try {
    return await fn(composition);
  } finally {
    await composition.close();
  }
}

export async function openComposition(cli: Cli, overrides: ConfigOverrides): Promise<Composition> {
  const config = readConfig(cli, overrides);
  try {
    const composition = await compose(config);
    if (composition.migrations.length > 0) cli.note(cli.msg.migrated(composition.migrations.length));
    return composition;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new CliError('failure', cli.msg.errors.database(redact(config.databaseUrl), reason), {
      reason: 'database_unreachable',
    });
  }
}

/** The settings, with a bad port reported in the reader's language. */
function readConfig(cli: Cli, overrides: ConfigOverrides): Config {
  try {
    return loadConfig(cli.env, { databaseUrl: cli.databaseUrl, ...overrides });
  } catch (error) {
    if (error instanceof DomainError && error.details?.setting === 'port') {
      throw new CliError('usage', cli.msg.errors.invalidPort(String(error.details.value)), error.details);
    }
    throw error;
  }
}

/** The CLI acts as an administrator of the tenant it works on (recorded as 'cli' in the audit log). */
export function cliActor(tenantId: string): Actor {
  return { tenantId, kind: 'cli', id: 'cli', role: 'admin', creditorId: null };
}

/**
 * The tenant a command works on: the one named by `--tenant` (id or exact name), else the only one.
 * Several and none named: a usage error that lists them.
 */
export async function resolveTenant(
  cli: Cli,
  deps: Deps,
  option: string | undefined,
): Promise<TenantSummary> {
  const tenants = await listTenants(deps);
  if (tenants.length === 0) throw new CliError('failure', cli.msg.errors.noTenant, { reason: 'no_tenant' });
  const listing = tenants.map((t) => cli.msg.errors.tenantLine(t.id, t.name)).join('\n');
  const choices = { tenants: tenants.map((t) => ({ id: t.id, name: t.name })) };
  if (option !== undefined) {
    const wanted = option.trim();
    const found = tenants.find((t) => t.id === wanted) ?? tenants.find((t) => t.name === wanted);
    if (found) return found;
    throw new CliError('usage', `${cli.msg.errors.tenantUnknown(wanted)}\n${listing}`, {
      reason: 'tenant_unknown',
      ...choices,
    });
  }
  if (tenants.length === 1 && tenants[0]) return tenants[0];
  throw new CliError('usage', `${cli.msg.errors.tenantRequired(tenants.length)}\n${listing}`, {
    reason: 'tenant_required',
    ...choices,
  });
}

/** A URL safe to print: no password. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
