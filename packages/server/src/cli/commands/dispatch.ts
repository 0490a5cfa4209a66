import type { Command } from 'commander';
import { fixedClock } from '../../shared/clock.ts';
import type { Deps } from '../../shared/deps.ts';
import { type DispatchTotals, dispatchDue } from '../../use-cases/dispatch/dispatch-due.ts';
import { listTenants } from '../../use-cases/setup/list-tenants.ts';
import { startDispatcher } from '../../worker/dispatcher.ts';
import { type Cli, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';
import { integerOption } from '../options.ts';

type DispatchOptions = {
  readonly once?: boolean;
  readonly tenant?: string;
  readonly now?: string;
  readonly limit?: string;
};

const en = {
  help: {
    dispatch: 'send the outbox: e-mails, SMS, letters, call tasks (once, or every 15 s until Ctrl+C)',
    once: 'send what is due now, print the totals and stop',
    now: 'act as of this instant (ISO 8601, e.g. 2026-03-02T09:00:00Z), for replays and tests',
    limit: 'at most this many actions per tenant and pass (500)',
  },
  badInstant: (value: string) => `--now: "${value}" is not an instant (e.g. 2026-03-02T09:00:00Z).`,
  tenantLine: (name: string) => `${name}:`,
  totals: (t: Record<keyof DispatchTotals, string>) =>
    `  sent ${t.sent}, retried ${t.retried}, failed ${t.failed}, deferred ${t.deferred}, blocked ${t.blocked}, unconfirmed ${t.unconfirmed}`,
  unconfirmedHint:
    '  Unconfirmed: interrupted while the SMTP server had the message; see the outbox to confirm or send again.',
  started: (db: string) => `Dispatcher started on ${db}: the outbox is sent every 15 s. Ctrl+C to stop.`,
  demoMailbox: (port: number, dir: string) =>
    `Demo mailbox: the e-mails sent go to an SMTP server on 127.0.0.1:${port} and are kept in ${dir} (Outbox page, Mailbox tab).`,
};

const fr: typeof en = {
  help: {
    dispatch:
      'envoyer la file d’envoi : e-mails, SMS, courriers, appels (une fois, ou toutes les 15 s jusqu’à Ctrl+C)',
    once: 'envoyer ce qui est dû maintenant, afficher les totaux et s’arrêter',
    now: 'agir à cet instant (ISO 8601, p. ex. 2026-03-02T09:00:00Z), pour rejouer ou tester',
    limit: 'au plus ce nombre d’actions par client et par passage (500)',
  },
  badInstant: (value) => `--now : « ${value} » n’est pas un instant (p. ex. 2026-03-02T09:00:00Z).`,
  tenantLine: (name) => `${name} :`,
  totals: (t) =>
    `  envoyées ${t.sent}, à réessayer ${t.retried}, en échec ${t.failed}, reportées ${t.deferred}, bloquées ${t.blocked}, non confirmées ${t.unconfirmed}`,
  unconfirmedHint:
    '  Non confirmées : interrompues pendant que le serveur SMTP avait le message ; voir la file d’envoi pour confirmer ou renvoyer.',
  started: (db) => `Envoi démarré sur ${db} : la file d’envoi part toutes les 15 s. Ctrl+C pour arrêter.`,
  demoMailbox: (port, dir) =>
    `Boîte de démonstration : les e-mails envoyés arrivent sur un serveur SMTP en 127.0.0.1:${port} et sont gardés dans ${dir} (page File d’envoi, onglet Boîte de réception).`,
};

export function dispatchMessages(lang: Lang): typeof en {
  return lang === 'fr' ? fr : en;
}

export function registerDispatch(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const words = dispatchMessages(lang);
  program
    .command('dispatch')
    .description(words.help.dispatch)
    .option('--once', words.help.once)
    .option('--tenant <id>', msg.help.tenant)
    .option('--now <instant>', words.help.now)
    .option('--limit <n>', words.help.limit)
    .action((options: DispatchOptions, command: Command) => run(command, (cli) => dispatch(cli, options)));
}

async function dispatch(cli: Cli, options: DispatchOptions): Promise<ExitCode> {
  const words = dispatchMessages(cli.lang);
  if (options.now !== undefined && Number.isNaN(Date.parse(options.now))) {
    throw new CliError('usage', words.badInstant(options.now), { option: '--now', value: options.now });
  }
  const limit = integerOption(cli, '--limit', options.limit, 500, 1);
  return withComposition(cli, {}, async ({ deps: base }) => {
    const deps: Deps = options.now
      ? { ...base, clock: fixedClock(new Date(options.now).toISOString()) }
      : base;
    if (!options.once) {
      const dispatcher = startDispatcher(deps, { log: (line) => cli.note(line) });
      cli.line(words.started(deps.database.displayUrl));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await dispatcher.stop();
      return exitCodes.ok;
    }
    const tenants = options.tenant
      ? [await resolveTenant(cli, deps, options.tenant)]
      : await listTenants(deps);
    const results: { tenant: { id: string; name: string }; totals: DispatchTotals }[] = [];
    for (const tenant of tenants) {
      const totals = await dispatchDue(deps, tenant.id, { limit });
      results.push({ tenant: { id: tenant.id, name: tenant.name }, totals });
      cli.line(words.tenantLine(tenant.name));
      const shown = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, cli.count(v)])) as Record<
        keyof DispatchTotals,
        string
      >;
      cli.line(words.totals(shown));
      if (totals.unconfirmed > 0) cli.line(words.unconfirmedHint);
    }
    cli.document({ tenants: results });
    return exitCodes.ok;
  });
}
