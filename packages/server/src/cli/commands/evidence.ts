import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeReport } from '../../use-cases/evidence/evidence-words.ts';
import { exportCaseEvidence } from '../../use-cases/evidence/export-evidence.ts';
import { readHeads } from '../../use-cases/evidence/read-heads.ts';
import { verifyEvidence } from '../../use-cases/evidence/verify-evidence.ts';
import { type Cli, type RunCommand, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import type { Lang, Messages } from '../i18n.ts';

const words = {
  en: {
    help: 'the evidence journal: verify the hash chain, print its head, export a case’s evidence file',
    verify: 'check every tenant’s chain (or one): hashes, links, deleted or moved entries, documents, head',
    head: 'print the current head of the chain (seq and hash), to publish or timestamp elsewhere',
    export: 'write a case’s evidence file (zip: PDF summary, documents, claims, journal, verification)',
    caseId: 'the case id',
    out: 'the zip file to write',
    headLine: (tenant: string, name: string, seq: number, hash: string) =>
      `${name} (${tenant})\n  seq ${seq}\n  sha256 ${hash}`,
    noHead: (tenant: string, name: string) => `${name} (${tenant}): no entry yet`,
    exported: (file: string, entries: number, files: number, ok: boolean) =>
      `Evidence file written: ${file} (${entries} entries, ${files} files; chain ${ok ? 'intact' : 'BROKEN'})`,
    caseNotFound: (id: string) => `No case ${id}.`,
  },
  fr: {
    help: 'le journal de preuve : vérifier la chaîne d’empreintes, afficher sa tête, exporter le dossier de preuve d’un dossier',
    verify:
      'vérifier la chaîne de chaque espace (ou d’un seul) : empreintes, chaînage, entrées supprimées ou déplacées, documents, tête',
    head: 'afficher la tête actuelle de la chaîne (numéro et empreinte), à publier ou horodater ailleurs',
    export:
      'écrire le dossier de preuve d’un dossier (zip : synthèse PDF, documents, créances, journal, vérification)',
    caseId: 'l’identifiant du dossier',
    out: 'le fichier zip à écrire',
    headLine: (tenant: string, name: string, seq: number, hash: string) =>
      `${name} (${tenant})\n  n° ${seq}\n  sha256 ${hash}`,
    noHead: (tenant: string, name: string) => `${name} (${tenant}) : aucune entrée`,
    exported: (file: string, entries: number, files: number, ok: boolean) =>
      `Dossier de preuve écrit : ${file} (${entries} entrées, ${files} fichiers ; chaîne ${ok ? 'intègre' : 'ROMPUE'})`,
    caseNotFound: (id: string) => `Aucun dossier ${id}.`,
  },
} as const;

type TenantOption = { readonly tenant?: string };

/** `relance evidence verify | head | export <case> --out <file.zip>`. */
export function registerEvidence(program: Command, msg: Messages, run: RunCommand, lang: Lang): void {
  const w = words[lang];
  const group = program.command('evidence').description(w.help);
  group
    .command('verify')
    .description(w.verify)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: TenantOption, command: Command) => run(command, (cli) => verify(cli, options)));
  group
    .command('head')
    .description(w.head)
    .option('--tenant <id>', msg.help.tenant)
    .action((options: TenantOption, command: Command) => run(command, (cli) => head(cli, options)));
  group
    .command('export')
    .description(w.export)
    .argument('<case>', w.caseId)
    .requiredOption('--out <file.zip>', w.out)
    .action((caseId: string, options: { readonly out: string }, command: Command) =>
      run(command, (cli) => exportFile(cli, caseId, options.out)),
    );
}

async function verify(cli: Cli, options: TenantOption): Promise<ExitCode> {
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = options.tenant === undefined ? 'all' : (await resolveTenant(cli, deps, options.tenant)).id;
    const report = await verifyEvidence(deps.database.db, tenant);
    cli.document(report);
    for (const line of describeReport(report, cli.lang)) cli.line(line);
    return report.ok ? exitCodes.ok : exitCodes.failure;
  });
}

async function head(cli: Cli, options: TenantOption): Promise<ExitCode> {
  const w = words[cli.lang];
  return withComposition(cli, {}, async ({ deps }) => {
    const only = options.tenant === undefined ? null : (await resolveTenant(cli, deps, options.tenant)).id;
    const heads = await readHeads(deps.database.db, only);
    cli.document({ at: deps.clock.now(), heads });
    for (const h of heads)
      cli.line(h.seq === 0 ? w.noHead(h.tenantId, h.name) : w.headLine(h.tenantId, h.name, h.seq, h.hash));
    return exitCodes.ok;
  });
}

async function exportFile(cli: Cli, caseId: string, out: string): Promise<ExitCode> {
  const w = words[cli.lang];
  return withComposition(cli, {}, async ({ deps }) => {
    const found = await deps.database.db
      .selectFrom('cases')
      .select('tenant_id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!found) throw new CliError('failure', w.caseNotFound(caseId), { reason: 'case_not_found' });
    const exported = await exportCaseEvidence(deps.database.db, found.tenant_id, caseId, {
      language: cli.lang,
      now: deps.clock.now(),
    });
    const file = resolve(out);
    await writeFile(file, exported.zip);
    cli.document({ file, entries: exported.entries, files: exported.files, chainOk: exported.chainOk });
    cli.line(w.exported(file, exported.entries, exported.files.length, exported.chainOk));
    return exitCodes.ok;
  });
}
