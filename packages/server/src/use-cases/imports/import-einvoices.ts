import { DomainError, isValidSiren } from '@relance/core';
import {
  type ClaimRecord,
  type CreditorIdentity,
  claimRecord,
  creditorOf,
  creditPlan,
  type DueDateSource,
  dueDateOf,
  isCredit,
} from '../../formats/einvoice/einvoice-claims.ts';
import type { EInvoiceFile } from '../../formats/einvoice/einvoice-model.ts';
import { readEInvoiceFile } from '../../formats/einvoice/read-einvoice.ts';
import { IMPORT_FIELDS } from '../../formats/import-fields.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../access/permissions.ts';
import { applyCreditNotes, type CreditOutcome } from './apply-credit-notes.ts';
import { ensureCreditor } from './ensure-creditor.ts';
import { type ImportSummary, importClaims } from './import-claims.ts';
import type { RowIssue } from './import-issues.ts';

export type EInvoiceFileInput = { readonly fileName: string; readonly bytes: Uint8Array };

export type ImportEInvoicesInput = {
  readonly files: readonly EInvoiceFileInput[];
  /** Every document for this creditor (created when missing) instead of each seller being its own. */
  readonly creditor?: { readonly ref: string; readonly name?: string | undefined } | undefined;
};

/** A file that could not be read: the others are imported all the same. */
export type EInvoiceFailure = {
  readonly fileName: string;
  readonly reason: string;
  readonly message: string;
  readonly fr: string;
  readonly element: string | null;
};

export type EInvoiceClaimOutcome = {
  readonly imported: boolean;
  /** Imported before and the same now: the import left it as it was. */
  readonly unchanged: boolean;
  readonly dueDate: string;
  readonly dueDateSource: DueDateSource;
  readonly claimId: string | null;
  /** As stored once the import and the credits are done (null when the row was rejected). */
  readonly outstandingMinor: number | null;
  readonly status: string | null;
  readonly rejections: readonly RowIssue[];
};

export type EInvoiceOutcome = {
  readonly file: EInvoiceFile;
  readonly creditor: {
    readonly id: string;
    readonly ref: string;
    readonly name: string;
    readonly created: boolean;
  };
  /** An invoice: the claim it became, or why it did not. */
  readonly claim: EInvoiceClaimOutcome | null;
  /** A credit note or negative invoice: what it took off the invoices it names. */
  readonly credit: CreditOutcome | null;
};

export type ImportEInvoicesResult = {
  readonly documents: readonly EInvoiceOutcome[];
  readonly failures: readonly EInvoiceFailure[];
  /** One import (as for a CSV) per creditor that received invoices. */
  readonly imports: readonly ImportSummary[];
};

type Group = {
  readonly creditor: EInvoiceOutcome['creditor'];
  readonly files: EInvoiceFile[];
};

/**
 * Imports e-invoices — Factur-X / ZUGFeRD PDFs, CII and UBL 2.1 XML — into claims. Each file is read on its
 * own (one that cannot be read is reported and the others go on). The seller is the creditor (by its SIREN,
 * else its name; created when missing) unless one is given. Invoices become rows with the standard field
 * names, imported through `importClaims` as a CSV would be — validation, rejections, debtors, cases,
 * idempotence. Credit notes and negative invoices then lower the invoices they name (`applyCreditNotes`),
 * once; one naming no invoice of the creditor's is reported, never stored as a negative claim.
 */
export async function importEInvoices(
  deps: Deps,
  actor: Actor,
  input: ImportEInvoicesInput,
): Promise<ImportEInvoicesResult> {
  requirePermission(actor, 'imports:run');
  const read: EInvoiceFile[] = [];
  const failures: EInvoiceFailure[] = [];
  for (const file of input.files) {
    try {
      read.push(await readEInvoiceFile(file.bytes, file.fileName));
    } catch (error) {
      failures.push(failureOf(file.fileName, error));
    }
  }
  const groups = await groupByCreditor(deps, actor, read, input.creditor);
  const documents: EInvoiceOutcome[] = [];
  const imports: ImportSummary[] = [];
  for (const group of groups) {
    const claims = group.files.filter((f) => !isCredit(f.document));
    const credits = group.files.filter((f) => isCredit(f.document));
    const summary = claims.length > 0 ? await importRecords(deps, actor, group, claims) : null;
    if (summary) imports.push(summary);
    const creditOutcomes = await applyCreditNotes(
      deps,
      actor,
      group.creditor.id,
      credits.map((f) => ({ ...creditPlan(f.document), number: f.document.number, fileName: f.fileName })),
    );
    const stored = await storedClaims(deps, actor.tenantId, group.creditor.id, claims);
    claims.forEach((file, i) => {
      const rejections = summary?.rejections.filter((r) => r.row === i + 1) ?? [];
      documents.push({
        file,
        creditor: group.creditor,
        claim: claimOutcome(file, rejections, stored.get(file.document.number), summary?.importId ?? null),
        credit: null,
      });
    });
    credits.forEach((file, i) => {
      documents.push({ file, creditor: group.creditor, claim: null, credit: creditOutcomes[i] ?? null });
    });
  }
  const order = new Map(input.files.map((f, i) => [f.fileName, i]));
  documents.sort((a, b) => (order.get(a.file.fileName) ?? 0) - (order.get(b.file.fileName) ?? 0));
  return { documents, failures, imports };
}

function failureOf(fileName: string, error: unknown): EInvoiceFailure {
  if (error instanceof DomainError && error.code === 'import_unreadable') {
    const details = error.details ?? {};
    return {
      fileName,
      reason: typeof details.reason === 'string' ? details.reason : 'unreadable',
      message: error.message,
      fr: typeof details.fr === 'string' ? details.fr : error.message,
      element: typeof details.element === 'string' ? details.element : null,
    };
  }
  // A PDF can break a reader in ways nobody listed: the file is reported, the import goes on.
  const why = error instanceof Error ? error.message : String(error);
  return {
    fileName,
    reason: 'unreadable',
    message: `${fileName}: cannot be read (${why}).`,
    fr: `${fileName} : illisible (${why}).`,
    element: null,
  };
}

/** The creditor of each document (the one given, else its seller), created when missing. */
async function groupByCreditor(
  deps: Deps,
  actor: Actor,
  files: readonly EInvoiceFile[],
  given: ImportEInvoicesInput['creditor'],
): Promise<Group[]> {
  const groups = new Map<string, Group>();
  for (const file of files) {
    const seller: CreditorIdentity = creditorOf(file.document);
    const identity = given ? { ...seller, ref: given.ref, name: given.name ?? given.ref } : seller;
    let group = groups.get(identity.ref);
    if (!group) {
      const siren = given === undefined && identity.siren !== null && isValidSiren(identity.siren);
      const view = await ensureCreditor(deps, actor, {
        ref: identity.ref,
        name: identity.name,
        siren: siren ? (identity.siren ?? undefined) : undefined,
        country: identity.country ?? undefined,
        currency: file.document.currency,
      });
      group = { creditor: { id: view.id, ref: view.ref, name: view.name, created: view.created }, files: [] };
      groups.set(identity.ref, group);
    }
    group.files.push(file);
  }
  return [...groups.values()];
}

async function importRecords(
  deps: Deps,
  actor: Actor,
  group: Group,
  files: readonly EInvoiceFile[],
): Promise<ImportSummary> {
  const rows: ClaimRecord[] = files.map(claimRecord);
  const names = files.map((f) => f.fileName);
  const label = names.length === 1 ? (names[0] ?? 'e-invoices') : `${names.length} e-invoices`;
  return importClaims(deps, actor, {
    creditorRef: group.creditor.ref,
    source: { kind: 'rows', rows, fileName: label },
    mapping: {
      columns: Object.fromEntries(IMPORT_FIELDS.filter((f) => f !== 'tags').map((f) => [f, f])),
      dateOrder: 'ymd',
      decimalSeparator: '.',
      debtorKind: 'business',
    },
  });
}

type StoredClaim = {
  readonly claim_id: string;
  readonly import_id: string | null;
  readonly outstanding_minor: number;
  readonly status: string;
};

async function storedClaims(
  deps: Deps,
  tenantId: string,
  creditorId: string,
  files: readonly EInvoiceFile[],
): Promise<ReadonlyMap<string, StoredClaim>> {
  if (files.length === 0) return new Map();
  const rows = await deps.database.db
    .selectFrom('claims')
    .select(['invoice_number', 'claim_id', 'import_id', 'outstanding_minor', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .where(
      'invoice_number',
      'in',
      files.map((f) => f.document.number),
    )
    .execute();
  return new Map(rows.map((r) => [r.invoice_number, r]));
}

function claimOutcome(
  file: EInvoiceFile,
  rejections: readonly RowIssue[],
  stored: StoredClaim | undefined,
  importId: string | null,
): EInvoiceClaimOutcome {
  const { dueDate, source } = dueDateOf(file.document);
  const imported = rejections.length === 0 && stored !== undefined;
  return {
    imported,
    unchanged: imported && stored.import_id !== importId,
    dueDate,
    dueDateSource: source,
    claimId: imported ? stored.claim_id : null,
    outstandingMinor: imported ? stored.outstanding_minor : null,
    status: imported ? stored.status : null,
    rejections,
  };
}
