import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DomainError, formatMoney, minorToDecimalString } from '@relance/core';
import { einvoiceJson } from '../../formats/einvoice/einvoice-json.ts';
import type { EInvoiceParty } from '../../formats/einvoice/einvoice-model.ts';
import { sniffEInvoice } from '../../formats/einvoice/read-einvoice.ts';
import type { CreditOutcome } from '../../use-cases/imports/apply-credit-notes.ts';
import {
  type EInvoiceFailure,
  type EInvoiceOutcome,
  type ImportEInvoicesResult,
  importEInvoices,
} from '../../use-cases/imports/import-einvoices.ts';
import { describeRejection } from '../../use-cases/imports/import-issues.ts';
import { type Cli, cliActor, resolveTenant, withComposition } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import { einvoiceWords } from './einvoice-messages.ts';

export type EInvoiceOptions = {
  readonly creditor?: string | undefined;
  readonly creditorName?: string | undefined;
  readonly tenant?: string | undefined;
};

/** What the import command was given, sorted: e-invoices (from files and folders) and other files. */
export type SortedFiles = { readonly einvoices: readonly string[]; readonly others: readonly string[] };

/**
 * Tells e-invoices from the rest by their first bytes (a PDF; an XML whose root is an invoice or credit
 * note); a folder stands for its PDF and XML files. What is neither goes to the CSV / XLSX import.
 */
export async function sortImportFiles(cli: Cli, paths: readonly string[]): Promise<SortedFiles> {
  const einvoices: string[] = [];
  const others: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => /\.(pdf|xml)$/i.test(n)).sort();
      if (names.length === 0) throw new CliError('failure', einvoiceWords(cli.lang).noFile(path));
      einvoices.push(...names.map((n) => join(path, n)));
      continue;
    }
    const head = await readHead(path);
    if (sniffEInvoice(head) === null) others.push(path);
    else einvoices.push(path);
  }
  return { einvoices, others };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * `relance import <e-invoices…>`: reads every file, imports the invoices as claims of their seller (or
 * of --creditor), applies the credit notes, and prints each document — number, type, dates, parties and
 * legal ids, totals, amount due, payment reference and account — with what became of it.
 * Exit 0 when every document went in, 2 when a file was unreadable or an invoice rejected; one file that
 * cannot be read at all is an error (exit 1), as for a CSV.
 */
export async function importEInvoiceFiles(
  cli: Cli,
  paths: readonly string[],
  options: EInvoiceOptions,
): Promise<ExitCode> {
  const names = paths.map((p) => basename(p));
  const files = await Promise.all(
    paths.map(async (path, i) => ({
      fileName: names.indexOf(names[i] ?? '') === i ? (names[i] ?? path) : path,
      bytes: await readFile(path),
    })),
  );
  return withComposition(cli, {}, async ({ deps }) => {
    const tenant = await resolveTenant(cli, deps, options.tenant);
    const creditor = options.creditor ? { ref: options.creditor, name: options.creditorName } : undefined;
    const result = await importEInvoices(deps, cliActor(tenant.id), { files, creditor });
    const [failure] = result.failures;
    if (result.documents.length === 0 && result.failures.length === 1 && failure) {
      const details = { reason: failure.reason, file: failure.fileName, element: failure.element };
      throw new DomainError('import_unreadable', cli.lang === 'fr' ? failure.fr : failure.message, details);
    }
    cli.document({ tenant: { id: tenant.id, name: tenant.name }, ...resultJson(cli, result) });
    printResult(cli, result);
    const rejected = result.documents.some((d) => d.claim !== null && !d.claim.imported);
    return rejected || result.failures.length > 0 ? exitCodes.rejectedRows : exitCodes.ok;
  });
}

function resultJson(cli: Cli, result: ImportEInvoicesResult) {
  return {
    documents: result.documents.map((d) => ({
      ...einvoiceJson(d.file),
      creditor: d.creditor,
      claim:
        d.claim === null
          ? null
          : {
              ...d.claim,
              outstanding: money(d.claim.outstandingMinor, d.file.document.currency),
              rejections: d.claim.rejections.map((r) => ({
                ...r,
                message: describeRejection(r.reason, cli.lang),
              })),
            },
      credit: d.credit === null ? null : creditJson(d.credit),
    })),
    failures: result.failures,
    imports: result.imports,
  };
}

function money(minor: number | null, currency: string) {
  return minor === null ? null : { decimal: minorToDecimalString(minor, currency), minor, currency };
}

function creditJson(credit: CreditOutcome) {
  return {
    key: credit.key,
    amount: money(credit.amountMinor, credit.currency),
    applications: credit.applications.map((a) => ({
      ...a,
      applied: money(a.appliedMinor, credit.currency),
      outstandingAfter: money(a.outstandingAfterMinor, credit.currency),
    })),
    unapplied: money(credit.unappliedMinor, credit.currency),
  };
}

function printResult(cli: Cli, result: ImportEInvoicesResult): void {
  const w = einvoiceWords(cli.lang);
  for (const outcome of result.documents) {
    printDocument(cli, outcome);
    cli.line();
  }
  for (const failure of result.failures) cli.line(w.unreadable(failureText(cli, failure)));
  const claims = result.documents.filter((d) => d.claim !== null);
  cli.line(
    w.summary(
      cli.count(result.documents.length + result.failures.length),
      cli.count(claims.filter((d) => d.claim?.imported).length),
      cli.count(claims.filter((d) => !d.claim?.imported).length),
      cli.count(result.documents.filter((d) => d.credit !== null).length),
      cli.count(result.failures.length),
    ),
  );
}

function failureText(cli: Cli, failure: EInvoiceFailure): string {
  return cli.lang === 'fr' ? failure.fr : failure.message;
}

function printDocument(cli: Cli, outcome: EInvoiceOutcome): void {
  const w = einvoiceWords(cli.lang);
  const { document: d, fileName } = outcome.file;
  const amount = (minor: number) => formatMoney(minor, d.currency, cli.lang);
  cli.line(w.title(w.kind[d.kind], d.number, d.typeCode, d.issueDate, fileName, d.profile ?? ''));
  cli.line(w.seller(partyText(d.seller, w.vat)));
  cli.line(w.buyer(partyText(d.buyer, w.vat)));
  const t = d.totals;
  cli.line(w.totals(amount(t.grandTotal), amount(t.prepaid), amount(t.rounding), amount(t.duePayable)));
  if (outcome.claim) cli.line(w.due(outcome.claim.dueDate, outcome.claim.dueDateSource, d.paymentTermsText));
  const reference = d.paymentReference ?? w.none;
  const transfer = d.paymentMeans.find((m) => m.iban !== null);
  const debit = d.paymentMeans.find((m) => m.payerIban !== null);
  if (transfer === undefined && debit?.payerIban) {
    cli.line(w.directDebit(reference, debit.payerIban, debit.mandateId ?? w.none));
  } else cli.line(w.payment(reference, transfer?.iban ?? w.noAccount));
  const creditor = outcome.creditor.ref;
  const left = amount(outcome.claim?.outstandingMinor ?? 0);
  if (outcome.claim?.unchanged) cli.line(w.unchanged(creditor, left));
  else if (outcome.claim?.imported) cli.line(w.imported(creditor, left, outcome.creditor.created));
  else if (outcome.claim) {
    const reasons = outcome.claim.rejections.map((r) => describeRejection(r.reason, cli.lang)).join('; ');
    cli.line(w.rejected(creditor, reasons));
  }
  if (outcome.credit) printCredit(cli, outcome.credit, amount);
}

function printCredit(cli: Cli, credit: CreditOutcome, amount: (minor: number) => string): void {
  const w = einvoiceWords(cli.lang);
  if (credit.applications.length === 0) cli.line(w.noInvoiceNamed);
  for (const a of credit.applications) {
    cli.line(
      w.credit(a.outcome, a.invoiceNumber, amount(a.appliedMinor), amount(a.outstandingAfterMinor ?? 0)),
    );
  }
  if (credit.unappliedMinor > 0 && credit.applications.length > 0)
    cli.line(w.unapplied(amount(credit.unappliedMinor)));
}

/** 'LE CLIENT (SIREN 987654321, TVA FR05987654321)': the name and the legal ids a person checks. */
function partyText(party: EInvoiceParty, vat: string): string {
  const ids: string[] = [];
  if (party.legalId) ids.push(`${schemeName(party.legalId.scheme)}${party.legalId.value}`);
  if (party.vatId) ids.push(`${vat} ${party.vatId.value}`);
  return ids.length === 0 ? party.name : `${party.name} (${ids.join(', ')})`;
}

function schemeName(scheme: string | null): string {
  if (scheme === '0002') return 'SIREN ';
  if (scheme === '0009') return 'SIRET ';
  return scheme === null ? '' : `${scheme}: `;
}
