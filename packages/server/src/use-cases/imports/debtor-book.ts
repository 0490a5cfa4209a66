import type { DebtorKind } from '../../db/schema.ts';
import { type CaseTotals, emptyCaseTotals } from '../../ledger/case-totals.ts';
import type { BatchWrite, CaseRow, CreditorState, DebtorRow } from './claim-store.ts';
import { own } from './own-string.ts';
import type { ContactInput } from './row-contacts.ts';
import type { DebtorInput } from './row-debtor.ts';

/** A case of a debtor: an existing one (refreshed in SQL at the end), or a new one and its totals. */
export type CaseEntry = {
  readonly currency: string;
  readonly caseId: string;
  readonly totals: CaseTotals | null;
};

/** What the import knows of one debtor of the creditor. Kept small: there may be 100,000 of them. */
export type KnownDebtor = {
  row: DebtorRow;
  /** Updated at most once per import, from the first row that names it. */
  seen: boolean;
  /** `${kind}\t${value}` of its contacts, so that none is stored twice. */
  readonly contacts: string[];
  /** The contact cells of the last row read for it: the same cells again need no reading. */
  signature: string | null;
  readonly cases: CaseEntry[];
};

/**
 * The creditor's debtors with their contacts and cases, loaded once at the start of an import and kept
 * in memory: rows resolve their debtor, contacts and case without a query.
 */
export class DebtorBook {
  readonly #byRef = new Map<string, KnownDebtor>();
  readonly #newId: () => string;

  constructor(state: CreditorState, newId: () => string) {
    this.#newId = newId;
    const byId = new Map<string, KnownDebtor>();
    for (const row of state.debtors) {
      const known: KnownDebtor = { row, seen: false, contacts: [], signature: null, cases: [] };
      this.#byRef.set(row.ref, known);
      byId.set(row.debtorId, known);
    }
    for (const c of state.contacts) byId.get(c.debtorId)?.contacts.push(`${c.kind}\t${c.value}`);
    for (const c of state.cases)
      byId.get(c.debtorId)?.cases.push({ currency: c.currency, caseId: c.caseId, totals: null });
  }

  /** The debtor's entry, created on first sight; an existing one is updated once, from the first row naming it. */
  resolve(input: DebtorInput, batch: BatchWrite): KnownDebtor {
    const known = this.#byRef.get(input.ref);
    if (known === undefined) {
      const row: DebtorRow = {
        debtorId: this.#newId(),
        ref: own(input.ref),
        kind: input.kind,
        name: own(input.name),
        siren: input.siren,
        siret: input.siret === null ? null : own(input.siret),
        vatNumber: input.vatNumber === null ? null : own(input.vatNumber),
        language: input.language,
        timeZone: input.timeZone,
      };
      const created: KnownDebtor = { row, seen: true, contacts: [], signature: null, cases: [] };
      this.#byRef.set(row.ref, created);
      batch.debtorInserts.push(row);
      return created;
    }
    if (!known.seen) {
      known.seen = true;
      const old = known.row;
      const kind: DebtorKind = input.kindStated ? input.kind : old.kind;
      const merged: DebtorRow = {
        ...old,
        kind,
        name: own(input.name),
        siren: input.siren ?? old.siren,
        siret: input.siret === null ? old.siret : own(input.siret),
        vatNumber: input.vatNumber === null ? old.vatNumber : own(input.vatNumber),
        language: input.language,
        timeZone: input.timeZone,
      };
      if (!sameDebtor(old, merged)) {
        known.row = merged;
        batch.debtorUpdates.push(merged);
      }
    }
    return known;
  }

  /** Queues the contacts the debtor does not have yet. */
  addContacts(debtor: KnownDebtor, contacts: readonly ContactInput[], batch: BatchWrite): void {
    for (const contact of contacts) {
      const key = `${contact.kind}\t${contact.value}`;
      if (debtor.contacts.includes(key)) continue;
      debtor.contacts.push(own(key));
      const a = contact.address;
      batch.contacts.push({
        contactId: this.#newId(),
        debtorId: debtor.row.debtorId,
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
  }

  /** The debtor's case in this currency, opened (in memory, inserted at the end) when there is none. */
  caseFor(debtor: KnownDebtor, currency: string): CaseEntry {
    for (const c of debtor.cases) if (c.currency === currency) return c;
    const entry: CaseEntry = { currency, caseId: this.#newId(), totals: emptyCaseTotals() };
    debtor.cases.push(entry);
    return entry;
  }

  /** Every case opened by this import, with its totals. */
  newCases(): CaseRow[] {
    const cases: CaseRow[] = [];
    for (const debtor of this.#byRef.values()) {
      for (const c of debtor.cases) {
        if (c.totals !== null) {
          cases.push({
            caseId: c.caseId,
            debtorId: debtor.row.debtorId,
            currency: c.currency,
            totals: c.totals,
          });
        }
      }
    }
    return cases;
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
