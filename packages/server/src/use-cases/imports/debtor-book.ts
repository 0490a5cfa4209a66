import type { Transaction } from 'kysely';
import type { Database, DebtorKind } from '../../db/schema.ts';
import { type CaseTotals, emptyCaseTotals } from '../../ledger/case-totals.ts';
import type { BatchWrite, CaseRow, DebtorRow } from './claim-store.ts';
import { own } from './own-string.ts';
import type { ContactInput } from './row-contacts.ts';
import type { DebtorInput } from './row-debtor.ts';

/**
 * A case of a debtor: an existing one (refreshed in SQL at the end), or one this import opens, whose totals
 * are kept on the entry itself (one object per case: there may be 100,000).
 */
export type CaseEntry = CaseTotals & {
  readonly currency: string;
  readonly caseId: string;
  readonly isNew: boolean;
};

/**
 * What the import keeps of one debtor — there may be 100,000 — so only what the rows need: its id, its
 * kind (which sets the limitation period), hashes to tell whether its data and contacts changed, its cases.
 */
export type KnownDebtor = {
  readonly id: string;
  kind: DebtorKind;
  /** Hash of its attributes as last written: an unchanged debtor is not rewritten. */
  attributes: number;
  /** Hash of its tags as last written (apart: a row without tags leaves them as they are). */
  tags: number;
  /** Updated at most once per import, from the first row that names it. */
  seen: boolean;
  /** Hashes of `${kind}\t${value}` of its contacts, so that none is stored twice (an exact-size array). */
  contacts: readonly number[];
  /** Hash of the contact cells of the last row read for it: the same cells again need no reading. */
  signature: number;
  /** Its case (most debtors owe in one currency), and any in other currencies. */
  mainCase: CaseEntry | null;
  otherCases: CaseEntry[] | null;
};

const PAGE = 10_000;
/** The hash of no tags, as a new debtor has them stored ('[]'). */
const NO_TAGS = hash('[]');

/**
 * The creditor's debtors with their contacts and cases, loaded once (page by page) at the start of an
 * import: rows then resolve their debtor, contacts and case without a query.
 */
export class DebtorBook {
  readonly #byRef = new Map<string, KnownDebtor>();
  readonly #newId: () => string;

  constructor(newId: () => string) {
    this.#newId = newId;
  }

  /** Loads what the creditor already has, in pages (a large portfolio never sits in memory as rows). */
  async load(trx: Transaction<Database>, tenantId: string, creditorId: string): Promise<void> {
    const byId = new Map<string, KnownDebtor>();
    for (let after = ''; ; ) {
      const page = await trx
        .selectFrom('debtors')
        .select([
          'debtor_id',
          'ref',
          'kind',
          'name',
          'siren',
          'siret',
          'vat_number',
          'language',
          'time_zone',
          'tags',
        ])
        .where('tenant_id', '=', tenantId)
        .where('creditor_id', '=', creditorId)
        .where('debtor_id', '>', after)
        .orderBy('debtor_id')
        .limit(PAGE)
        .execute();
      for (const d of page) {
        const known: KnownDebtor = {
          id: d.debtor_id,
          kind: d.kind,
          attributes: attributesHash(d.kind, d.name, d.siren, d.siret, d.vat_number, d.language, d.time_zone),
          tags: hash(d.tags),
          seen: false,
          contacts: [],
          signature: 0,
          mainCase: null,
          otherCases: null,
        };
        this.#byRef.set(d.ref, known);
        byId.set(d.debtor_id, known);
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.debtor_id;
    }
    for (let after = ''; ; ) {
      const page = await trx
        .selectFrom('contacts as c')
        .innerJoin('debtors as d', (j) =>
          j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
        )
        .select(['c.contact_id', 'c.debtor_id', 'c.kind', 'c.value'])
        .where('c.tenant_id', '=', tenantId)
        .where('d.creditor_id', '=', creditorId)
        .where('c.contact_id', '>', after)
        .orderBy('c.contact_id')
        .limit(PAGE)
        .execute();
      for (const c of page) {
        const debtor = byId.get(c.debtor_id);
        if (debtor) debtor.contacts = [...debtor.contacts, hash(`${c.kind}\t${c.value}`)];
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.contact_id;
    }
    const cases = await trx
      .selectFrom('cases')
      .select(['case_id', 'debtor_id', 'currency'])
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', creditorId)
      .execute();
    for (const c of cases) {
      const debtor = byId.get(c.debtor_id);
      if (debtor)
        addCase(debtor, { ...emptyCaseTotals(), currency: c.currency, caseId: c.case_id, isNew: false });
    }
  }

  /** The debtor's entry, created on first sight; an existing one is updated once, from the first row naming it. */
  resolve(input: DebtorInput, batch: BatchWrite): KnownDebtor {
    const known = this.#byRef.get(input.ref);
    if (known?.seen) return known;
    const kind: DebtorKind = known === undefined || input.kindStated ? input.kind : known.kind;
    const attributes = attributesHash(
      kind,
      input.name,
      input.siren,
      input.siret,
      input.vatNumber,
      input.language,
      input.timeZone,
    );
    const tagsText = input.tags === null ? null : JSON.stringify(input.tags);
    const tags = tagsText === null ? (known?.tags ?? NO_TAGS) : hash(tagsText);
    const row: DebtorRow = {
      debtorId: known?.id ?? this.#newId(),
      ref: input.ref,
      kind,
      name: input.name,
      siren: input.siren,
      siret: input.siret,
      vatNumber: input.vatNumber,
      language: input.language,
      timeZone: input.timeZone,
      tags: tagsText,
    };
    if (known === undefined) {
      const created: KnownDebtor = {
        id: row.debtorId,
        kind,
        attributes,
        tags,
        seen: true,
        contacts: [],
        signature: 0,
        mainCase: null,
        otherCases: null,
      };
      this.#byRef.set(own(input.ref), created);
      batch.debtorInserts.push(row);
      return created;
    }
    known.seen = true;
    if (known.attributes !== attributes || known.tags !== tags) {
      known.kind = kind;
      known.attributes = attributes;
      known.tags = tags;
      batch.debtorUpdates.push(row);
    }
    return known;
  }

  /** Queues the contacts the debtor does not have yet. */
  addContacts(debtor: KnownDebtor, contacts: readonly ContactInput[], batch: BatchWrite): void {
    for (const contact of contacts) {
      const key = hash(`${contact.kind}\t${contact.value}`);
      if (debtor.contacts.includes(key)) continue;
      debtor.contacts = [...debtor.contacts, key];
      const a = contact.address;
      batch.contacts.push({
        contactId: this.#newId(),
        debtorId: debtor.id,
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
    if (debtor.mainCase?.currency === currency) return debtor.mainCase;
    const other = debtor.otherCases?.find((c) => c.currency === currency);
    if (other) return other;
    const entry: CaseEntry = {
      ...emptyCaseTotals(),
      currency: own(currency),
      caseId: this.#newId(),
      isNew: true,
    };
    addCase(debtor, entry);
    return entry;
  }

  /** Every case opened by this import, with its totals. */
  newCases(): CaseRow[] {
    const cases: CaseRow[] = [];
    for (const debtor of this.#byRef.values()) {
      for (const c of [debtor.mainCase, ...(debtor.otherCases ?? [])]) {
        if (c?.isNew) cases.push({ caseId: c.caseId, debtorId: debtor.id, currency: c.currency, totals: c });
      }
    }
    return cases;
  }
}

function addCase(debtor: KnownDebtor, entry: CaseEntry): void {
  if (debtor.mainCase === null) debtor.mainCase = entry;
  else debtor.otherCases = [...(debtor.otherCases ?? []), entry];
}

function attributesHash(...values: readonly (string | null)[]): number {
  let text = '';
  for (const v of values) text += `${v ?? '\u0000'}\u001f`;
  return hash(text);
}

/**
 * FNV-1a, kept to 30 bits so that V8 stores it as a small integer: enough to tell whether a debtor's data or contacts changed between two rows. A collision
 * (one in four billion) would only skip writing an unchanged-looking contact or update; it cannot corrupt.
 */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}
