import { type PrescriptionBasis, prescriptionBasis, prescriptionEndDate } from '@relance/core';
import type { DebtorKind } from '../../db/schema.ts';
import type { TableRow } from '../../formats/tabular.ts';
import { addClaimToTotals, type CaseTotals, emptyCaseTotals } from '../../ledger/case-totals.ts';
import {
  type BatchWrite,
  type CaseRow,
  type ClaimStore,
  type CreditorState,
  contactKey,
  type DebtorRow,
  type ExistingClaim,
  emptyBatch,
} from './claim-store.ts';
import type { ErrorFile } from './error-file.ts';
import { type ImportLocale, type RowIssue, type RowWarning, rejectionMessage } from './import-issues.ts';
import type { RowHasher } from './row-hash.ts';
import type { ClaimInput, DebtorInput, RowNormalizer } from './row-normalizer.ts';

/** How many rejections and warnings the summary lists (all rejections are in the table and the error file). */
export const LISTED_ISSUES = 1000;

export type BatcherOptions = {
  readonly store: ClaimStore;
  readonly state: CreditorState;
  readonly normalizer: RowNormalizer;
  readonly hasher: RowHasher;
  /** Column of the invoice number (the duplicate check and the lookup use it before validation). */
  readonly invoiceColumn: number;
  readonly errorFile: ErrorFile;
  readonly newId: () => string;
  readonly creditorIsProfessional: boolean;
  readonly locale: ImportLocale;
  readonly invoiceHeader: string;
};

type KnownDebtor = { row: DebtorRow; seen: boolean };

/**
 * The import's working memory and its per-batch step: validate rows, drop duplicates, look the batch's
 * invoice numbers up once, skip what is unchanged, resolve debtors, contacts and cases from memory (loaded
 * once), and hand the writes to the store. Cases touched are remembered for one refresh at the end.
 */
export class ImportBatcher {
  readonly counts = { totalRows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, warned: 0 };
  readonly rejections: RowIssue[] = [];
  readonly warnings: RowWarning[] = [];
  /** Existing cases whose claims changed: refreshed in SQL at the end. */
  readonly touchedCases = new Set<string>();
  /** Cases this import creates, with their aggregates: inserted at the end, complete. */
  readonly newCases = new Map<string, CaseRow>();
  readonly #o: BatcherOptions;
  readonly #debtors = new Map<string, KnownDebtor>();
  readonly #contacts: Set<string>;
  readonly #cases = new Map<string, string>();
  /** Invoice number → the row it was first seen on, to refuse a repeat within the file. */
  readonly #invoices = new Map<string, number>();
  readonly #ends = new Map<string, string>();

  constructor(options: BatcherOptions) {
    this.#o = options;
    for (const d of options.state.debtors) this.#debtors.set(d.ref, { row: d, seen: false });
    this.#contacts = new Set(options.state.contactKeys);
    for (const c of options.state.cases) this.#cases.set(`${c.debtorId}\t${c.currency}`, c.caseId);
  }

  async process(rows: readonly TableRow[]): Promise<void> {
    const o = this.#o;
    const batch = emptyBatch();
    const candidates: TableRow[] = [];
    const invoices: string[] = [];
    const refused: { readonly row: TableRow; readonly issues: readonly RowIssue[] }[] = [];
    for (const row of rows) {
      this.counts.totalRows++;
      const invoice = (row.fields[o.invoiceColumn] ?? '').trim();
      if (invoice !== '') {
        const first = this.#invoices.get(invoice);
        if (first !== undefined) {
          const detail = o.locale === 'fr' ? `déjà ligne ${first}` : `first on row ${first}`;
          const message = rejectionMessage('duplicate_in_file', o.locale, invoice, detail);
          const issue: RowIssue = {
            row: row.row,
            column: o.invoiceHeader,
            reason: 'duplicate_in_file',
            message,
          };
          refused.push({ row, issues: [issue] });
          continue;
        }
        this.#invoices.set(invoice, row.row);
      }
      candidates.push(row);
      invoices.push(invoice);
    }
    const existing: ReadonlyMap<string, ExistingClaim> = o.state.hasClaims
      ? await o.store.findClaims(invoices.filter((i) => i !== ''))
      : new Map();
    for (let k = 0; k < candidates.length; k++) {
      const row = candidates[k]!;
      const contentHash = o.hasher.hash(row.fields);
      const before = existing.get(invoices[k]!);
      if (before !== undefined && before.contentHash === contentHash) {
        this.counts.unchanged++;
        continue;
      }
      const outcome = o.normalizer.normalize(row);
      this.#warn(outcome.warnings);
      if (outcome.ok) this.#write(outcome.claim, contentHash, before, batch);
      else refused.push({ row, issues: outcome.rejections });
    }
    refused.sort((a, b) => a.row.row - b.row.row);
    for (const r of refused) this.#reject(r.row, r.issues, batch);
    await o.store.write(batch);
    await o.errorFile.flush();
  }

  #write(claim: ClaimInput, contentHash: string, before: ExistingClaim | undefined, batch: BatchWrite): void {
    const debtor = this.#debtor(claim.debtor, batch);
    for (const contact of claim.contacts) {
      const key = contactKey(debtor.debtorId, contact.kind, contact.value);
      if (this.#contacts.has(key)) continue;
      this.#contacts.add(key);
      const a = contact.address;
      batch.contacts.push({
        contactId: this.#o.newId(),
        debtorId: debtor.debtorId,
        kind: contact.kind,
        value: contact.value,
        label: contact.label,
        addressLine1: a?.line1 ?? null,
        addressLine2: a?.line2 ?? null,
        postalCode: a?.postalCode ?? null,
        city: a?.city ?? null,
        country: a?.country ?? null,
        validity: contact.validity,
        raw: contact.raw,
      });
    }
    const caseKey = `${debtor.debtorId}\t${claim.currency}`;
    let caseId = this.#cases.get(caseKey);
    let totals: CaseTotals | undefined;
    if (caseId === undefined) {
      caseId = this.#o.newId();
      this.#cases.set(caseKey, caseId);
      totals = emptyCaseTotals();
      this.newCases.set(caseId, { caseId, debtorId: debtor.debtorId, currency: claim.currency, totals });
    } else totals = this.newCases.get(caseId)?.totals;
    const basis = prescriptionBasis({
      creditorIsProfessional: this.#o.creditorIsProfessional,
      debtorKind: debtor.kind,
    });
    const row = {
      claimId: before?.claimId ?? this.#o.newId(),
      debtorId: debtor.debtorId,
      caseId,
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
    if (totals !== undefined) addClaimToTotals(totals, row);
    else this.touchedCases.add(caseId);
    if (before === undefined) {
      batch.claimInserts.push(row);
      this.counts.inserted++;
    } else {
      batch.claimUpdates.push(row);
      if (!this.newCases.has(before.caseId)) this.touchedCases.add(before.caseId);
      this.counts.updated++;
    }
  }

  /** The debtor's row, created on first sight; an existing one is updated once, from the first row naming it. */
  #debtor(input: DebtorInput, batch: BatchWrite): DebtorRow {
    const known = this.#debtors.get(input.ref);
    if (known === undefined) {
      const row: DebtorRow = {
        debtorId: this.#o.newId(),
        ref: input.ref,
        kind: input.kind,
        name: input.name,
        siren: input.siren,
        siret: input.siret,
        vatNumber: input.vatNumber,
        language: input.language,
        timeZone: input.timeZone,
      };
      this.#debtors.set(input.ref, { row, seen: true });
      batch.debtorInserts.push(row);
      return row;
    }
    if (!known.seen) {
      known.seen = true;
      const old = known.row;
      const kind: DebtorKind = input.kindStated ? input.kind : old.kind;
      const merged: DebtorRow = {
        ...old,
        kind,
        name: input.name,
        siren: input.siren ?? old.siren,
        siret: input.siret ?? old.siret,
        vatNumber: input.vatNumber ?? old.vatNumber,
        language: input.language,
        timeZone: input.timeZone,
      };
      if (!sameDebtor(old, merged)) {
        known.row = merged;
        batch.debtorUpdates.push(merged);
      }
    }
    return known.row;
  }

  /** Inserts the cases this import created, with their final aggregates, after the last batch. */
  async finish(): Promise<void> {
    const cases = [...this.newCases.values()];
    for (let i = 0; i < cases.length; i += 5000) {
      await this.#o.store.write({ ...emptyBatch(), cases: cases.slice(i, i + 5000) });
    }
  }

  #prescriptionEnd(dueDate: string, basis: PrescriptionBasis): string {
    const key = basis + dueDate;
    let end = this.#ends.get(key);
    if (end === undefined) {
      end = prescriptionEndDate({ start: dueDate, basis });
      this.#ends.set(key, end);
    }
    return end;
  }

  #reject(row: TableRow, issues: readonly RowIssue[], batch: BatchWrite): void {
    this.counts.rejected++;
    const seen = new Set<string>();
    for (const issue of issues) {
      if (this.rejections.length < LISTED_ISSUES) this.rejections.push(issue);
      if (seen.has(issue.column)) continue;
      seen.add(issue.column);
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

function sameDebtor(a: DebtorRow, b: DebtorRow): boolean {
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.siren === b.siren &&
    a.siret === b.siret &&
    a.vatNumber === b.vatNumber &&
    a.language === b.language &&
    a.timeZone === b.timeZone
  );
}
