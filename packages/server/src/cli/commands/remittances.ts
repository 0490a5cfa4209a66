import { formatMoney } from '@relance/core';
import type { Command } from 'commander';
import { closeRemittance } from '../../use-cases/agency/close-remittance.ts';
import type { RemittanceView } from '../../use-cases/agency/remittance-view.ts';
import { listRemittances } from '../../use-cases/agency/remittances.ts';
import { findCreditorByRef } from '../../use-cases/setup/find-creditor.ts';
import { type Cli, cliActor, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';

type Options = {
  readonly period?: string;
  readonly creditor?: string;
  readonly tenant?: string;
  readonly dryRun?: boolean;
};

const en = {
  help: {
    remittances:
      'an agency’s statements to its clients: what was collected, the commission, the net to remit',
    close: 'close a period: each client’s statement (PDF, e-mail); closing again gives the same statements',
    list: 'list the statements issued',
    period: 'the period: 2026-10 (monthly), 2026-10-F1 / F2 (fortnightly), 2026-W42 (weekly)',
    creditor: 'only this client (its reference)',
    dryRun: 'compute the statements without issuing them',
  },
  period: (key: string, start: string, end: string) => `Period ${key} (${start} to ${end})`,
  nothing: 'No client remits at this frequency.',
  none: 'No statement.',
  statement: (v: RemittanceView, m: (minor: number) => string) =>
    `${v.creditor.ref} ${v.creditor.name} — ${v.paymentCount} payment(s): collected ${m(v.collectedMinor)}, ` +
    `commission ${m(v.commissionMinor)}, VAT ${m(v.vatMinor)}, net ${m(v.netMinor)} to remit by ${v.dueOn}` +
    (v.invoicedMinor > 0 ? `, fee invoiced ${m(v.invoicedMinor)}` : ''),
  status: { draft: 'draft', issued: 'issued', paid: 'paid' } as Record<RemittanceView['status'], string>,
  email: {
    none: '',
    unconfirmed: 'e-mail in doubt',
    planned: 'e-mail queued',
    sending: 'e-mail sending',
    sent: 'e-mail sent',
    failed: 'e-mail failed',
  } as Record<RemittanceView['email']['status'], string>,
};

const fr: typeof en = {
  help: {
    remittances: 'les relevés d’une agence à ses clients : encaissé, commission, net à reverser',
    close:
      'clore une période : le relevé de chaque client (PDF, e-mail) ; clore à nouveau donne les mêmes relevés',
    list: 'lister les relevés émis',
    period: 'la période : 2026-10 (mensuel), 2026-10-F1 / F2 (bimensuel), 2026-W42 (hebdomadaire)',
    creditor: 'seulement ce client (sa référence)',
    dryRun: 'calculer les relevés sans les émettre',
  },
  period: (key, start, end) => `Période ${key} (du ${start} au ${end})`,
  nothing: 'Aucun client ne reverse à cette fréquence.',
  none: 'Aucun relevé.',
  statement: (v, m) =>
    `${v.creditor.ref} ${v.creditor.name} — ${v.paymentCount} paiement(s) : encaissé ${m(v.collectedMinor)}, ` +
    `commission ${m(v.commissionMinor)}, TVA ${m(v.vatMinor)}, net ${m(v.netMinor)} à reverser au plus tard le ${v.dueOn}` +
    (v.invoicedMinor > 0 ? `, honoraires facturés ${m(v.invoicedMinor)}` : ''),
  status: { draft: 'brouillon', issued: 'émis', paid: 'payé' },
  email: {
    none: '',
    planned: 'e-mail en attente',
    sending: 'e-mail en cours',
    sent: 'e-mail envoyé',
    failed: 'e-mail en échec',
    unconfirmed: 'e-mail incertain',
  },
};

/** `relance remittances close --period 2026-10 [--creditor REF] [--dry-run]` and `relance remittances list`. */
export function registerRemittances(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const w = lang === 'fr' ? fr : en;
  const group = program.command('remittances').description(w.help.remittances);
  group
    .command('close')
    .description(w.help.close)
    .requiredOption('--period <period>', w.help.period)
    .option('--creditor <ref>', w.help.creditor)
    .option('--dry-run', w.help.dryRun)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: Options, command: Command) => run(command, (cli) => close(cli, options)));
  group
    .command('list')
    .description(w.help.list)
    .option('--period <period>', w.help.period)
    .option('--creditor <ref>', w.help.creditor)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: Options, command: Command) => run(command, (cli) => list(cli, options)));
}

async function close(cli: Cli, options: Options): Promise<ExitCode> {
  const w = cli.lang === 'fr' ? fr : en;
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const actor = cliActor(tenant.id);
    const creditor = options.creditor ? await findCreditorByRef(deps, actor, options.creditor) : null;
    const closed = await closeRemittance(deps, actor, {
      period: options.period ?? '',
      creditorId: creditor?.id,
      dryRun: options.dryRun === true,
    });
    cli.document({ tenant: { id: tenant.id, name: tenant.name }, ...closed });
    cli.line(w.period(closed.period.key, closed.period.start, closed.period.end));
    if (closed.statements.length === 0) cli.line(w.nothing);
    for (const statement of closed.statements) printStatement(cli, statement);
    return exitCodes.ok;
  });
}

async function list(cli: Cli, options: Options): Promise<ExitCode> {
  const w = cli.lang === 'fr' ? fr : en;
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const actor = cliActor(tenant.id);
    const creditor = options.creditor ? await findCreditorByRef(deps, actor, options.creditor) : null;
    const items = await listRemittances(deps, actor, { creditorId: creditor?.id, period: options.period });
    cli.document({ tenant: { id: tenant.id, name: tenant.name }, items });
    if (items.length === 0) cli.line(w.none);
    for (const item of items) printStatement(cli, item);
    return exitCodes.ok;
  });
}

function printStatement(cli: Cli, v: RemittanceView): void {
  const w = cli.lang === 'fr' ? fr : en;
  const money = (minor: number) => formatMoney(minor, v.currency, cli.lang);
  const tags = [w.status[v.status], w.email[v.email.status]].filter((t) => t !== '').join(', ');
  cli.line(`${v.period}  ${w.statement(v, money)} [${tags}]`);
}
