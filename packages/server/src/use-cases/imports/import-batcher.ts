import { type PrescriptionBasis, prescriptionBasis, prescriptionEndDate } from '@relance/core';
import type { TableRow } from '../../formats/tabular.ts';
import { addClaimToTotals } from '../../ledger/case-totals.ts';
import {
  type BatchWrite,
  type ClaimRow,
  type ClaimStore,
  type ExistingClaim,
  emptyBatch,
} from './claim-store.ts';
import type { DebtorBook } from './debtor-book.ts';
import type { ErrorFile } from './error-file.ts';
import { type ImportLocale, type RowIssue, type RowWarning, rejectionMessage } from './import-issues.ts';
import { InvoiceRegistry } from './invoice-registry.ts';
import { own } from './own-string.ts';
import type { RowHasher } from './row-hash.ts';
import type { ClaimInput, RowNormalizer } from './row-normalizer.ts';

/** How many rejections and warnings the summary lists (all rejections are in the table and the error file). */
export const LISTED_ISSUES = 1000;

/**
 * Rows checked between two turns of the event loop. The writes of the batch before are in flight
 * meanwhile (PostgreSQL), and each of their statements only moves on — the next one sent, a COPY's rows
 * sent once the server is ready for them — when Node reads the socket: checking a whole batch of ~2,000
 * rows without a break left the server waiting, and then Node waiting for the server (45% idle).
 */
const YIELD_EVERY = 200;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type BatcherOptions = {
  readonly store: ClaimStore;
  readonly book: DebtorBook;
  /** False for a creditor's first import: nothing to look up. */
  readonly hasClaims: boolean;
  readonly normalizer: RowNormalizer;
  readonly hasher: RowHasher;
  /** Column of the invoice number (the duplicate check and the lookup use it before validation). */
  readonly invoiceColumn: number;
  readonly invoiceHeader: string;
  readonly errorFile: ErrorFile;
  readonly newId: () => string;
  readonly creditorIsProfessional: boolean;
  readonly locale: ImportLocale;
};

type Refused = { readonly row: TableRow; readonly issues: readonly RowIssue[] };

/**
 * The import's working memory and its per-batch step: refuse repeated invoice numbers, look the batch's
 * numbers up once, skip rows whose content is unchanged (before validating them), validate the others,
 * resolve debtors, contacts and cases from memory, and hand the writes to the store. Existing cases
 * touched are remembered for one set-based refresh at the end; new cases are built complete in memory.
 */
export class ImportBatcher {
  readonly counts = { totalRows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, warned: 0 };
  readonly rejections: RowIssue[] = [];
  readonly warnings: RowWarning[] = [];
  /** Existing cases whose claims changed: refreshed in SQL at the end. */
  readonly touchedCases = new Set<string>();
  /** Claims written (inserted or changed) as disputed: their disputes are opened at the end, if any. */
  disputedWritten = 0;
  readonly #o: BatcherOptions;
  readonly #book: DebtorBook;
  /** Invoice number → the row it was first seen on, to refuse a repeat within the file. */
  readonly #invoices = new InvoiceRegistry();
  /** End of limitation by basis and due date: a few thousand distinct dates in a million rows. */
  readonly #ends = new Map<PrescriptionBasis, Map<string, string>>();

  constructor(options: BatcherOptions) {
    this.#o = options;
    this.#book = options.book;
  }

  async process(rows: readonly TableRow[]): Promise<void> {
    const o = this.#o;
    const batch = emptyBatch();
    const candidates: TableRow[] = [];
    const invoices: string[] = [];
    const refused: Refused[] = [];
    for (const row of rows) {
      this.counts.totalRows++;
      const invoice = (row.fields[o.invoiceColumn] ?? '').trim();
      if (invoice !== '') {
        const first = this.#invoices.firstRow(invoice, row.row);
        if (first !== undefined) {
          refused.push({ row, issues: [this.#duplicate(row, invoice, first)] });
          continue;
        }
      }
      candidates.push(row);
      invoices.push(invoice);
    }
    const existing: ReadonlyMap<string, ExistingClaim> = o.hasClaims
      ? await o.store.findClaims(invoices.filter((i) => i !== ''))
      : new Map();
    for (let k = 0; k < candidates.length; k++) {
      if (k % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      const row = candidates[k]!;
      const contentHash = o.hasher.hash(row.fields);
      const before = existing.get(invoices[k]!);
      if (before !== undefined && before.contentHash === contentHash) {
        this.counts.unchanged++;
        continue;
      }
      const outcome = o.normalizer.normalize(row);
      this.#warn(outcome.warnings);
      if (outcome.ok) this.#write(row, outcome.claim, contentHash, before, batch);
      else refused.push({ row, issues: outcome.rejections });
    }
    refused.sort((a, b) => a.row.row - b.row.row);
    for (const r of refused) this.#reject(r, batch);
    await o.store.write(batch);
    await o.errorFile.flush();
  }

  /** Inserts the cases this import opened, with their final aggregates, after the last batch. */
  async finish(): Promise<void> {
    const cases = this.#book.newCases();
    for (let i = 0; i < cases.length; i += 5000) {
      await this.#o.store.write({ ...emptyBatch(), cases: cases.slice(i, i + 5000) });
    }
  }

  #write(
    row: TableRow,
    claim: ClaimInput,
    contentHash: string,
    before: ExistingClaim | undefined,
    batch: BatchWrite,
  ): void {
    const debtor = this.#book.resolve(claim.debtor, batch);
    const signature = claim.contactSignature;
    if (debtor.signature !== signature) {
      const { contacts, warnings } = this.#o.normalizer.contacts(row);
      this.#warn(warnings);
      this.#book.addContacts(debtor, contacts, batch);
      debtor.signature = signature;
    }
    const kase = this.#book.caseFor(debtor, claim.currency);
    const basis = prescriptionBasis({
      creditorIsProfessional: this.#o.creditorIsProfessional,
      debtorKind: debtor.kind,
    });
    const written: ClaimRow = {
      claimId: before?.claimId ?? this.#o.newId(),
      debtorId: debtor.id,
      caseId: kase.caseId,
      invoiceNumber: claim.invoiceNumber,
      issueDate: claim.issueDate,
      dueDate: claim.dueDate,
      amountMinor: claim.amountMinor,
      outstandingMinor: claim.outstandingMinor,
      currency: claim.currency,
      status: claim.status,
      disputeReason: claim.disputeReason,
      prescriptionBasis: basis,
      prescriptionEnd: this.#prescriptionEnd(claim.dueDate, basis),
      externalRef: claim.externalRef,
      description: claim.description,
      contentHash,
    };
    if (written.status === 'disputed') this.disputedWritten++;
    if (kase.isNew) addClaimToTotals(kase, written);
    else this.touchedCases.add(kase.caseId);
    if (before === undefined) {
      batch.claimInserts.push(written);
      this.counts.inserted++;
    } else {
      batch.claimUpdates.push(written);
      // The claim may have moved to another case (another debtor): the one it left changes too.
      if (before.caseId !== kase.caseId) this.touchedCases.add(before.caseId);
      this.counts.updated++;
    }
  }

  #prescriptionEnd(dueDate: string, basis: PrescriptionBasis): string {
    let ends = this.#ends.get(basis);
    if (ends === undefined) {
      ends = new Map();
      this.#ends.set(basis, ends);
    }
    let end = ends.get(dueDate);
    if (end === undefined) {
      end = prescriptionEndDate({ start: dueDate, basis });
      ends.set(dueDate, end);
    }
    return end;
  }

  #duplicate(row: TableRow, invoice: string, first: number): RowIssue {
    const o = this.#o;
    const detail = o.locale === 'fr' ? `déjà ligne ${first}` : `first on row ${first}`;
    const message = own(rejectionMessage('duplicate_in_file', o.locale, invoice, detail));
    return { row: row.row, column: o.invoiceHeader, reason: 'duplicate_in_file', message };
  }

  #reject({ row, issues }: Refused, batch: BatchWrite): void {
    this.counts.rejected++;
    const columns = new Set<string>();
    for (const issue of issues) {
      if (this.rejections.length < LISTED_ISSUES) this.rejections.push(issue);
      if (columns.has(issue.column)) continue;
      columns.add(issue.column);
      batch.rejections.push({
        rowNumber: issue.row,
        column: issue.column,
        reason: issue.reason,
        message: issue.message,
        raw: row.raw,
      });
    }
    this.#o.errorFile.add(row, issues);
  }

  #warn(warnings: readonly RowWarning[]): void {
    if (warnings.length === 0) return;
    this.counts.warned += warnings.length;
    for (const w of warnings) if (this.warnings.length < LISTED_ISSUES) this.warnings.push(w);
  }
}
