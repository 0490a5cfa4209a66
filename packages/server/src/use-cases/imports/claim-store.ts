import type { Transaction } from 'kysely';
import type { ContactKind, ContactValidity, Database, DebtorKind, Locale } from '../../db/schema.ts';
import type { CaseTotals } from '../../ledger/case-totals.ts';

/** Who and when every row of one import is written for. */
export type StoreContext = {
  readonly tenantId: string;
  readonly creditorId: string;
  readonly importId: string;
  /** One instant for the whole import: created_at / updated_at of what it writes. */
  readonly now: string;
  /** The agency's placement its new claims go into (agency mode); none by default. */
  readonly placementId?: string | null;
};

export type ExistingClaim = {
  readonly claimId: string;
  readonly contentHash: string;
  readonly caseId: string;
  readonly importId: string | null;
};

export type DebtorRow = {
  readonly debtorId: string;
  readonly ref: string;
  readonly kind: DebtorKind;
  readonly name: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly language: Locale;
  readonly timeZone: string;
  /** The tags as stored (a JSON array); null keeps those on file (a new debtor then has none). */
  readonly tags: string | null;
};

export type ContactRow = {
  readonly contactId: string;
  readonly debtorId: string;
  readonly kind: ContactKind;
  readonly value: string;
  readonly label: string | null;
  readonly addressLine1: string | null;
  readonly addressLine2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly validity: ContactValidity;
  readonly raw: string | null;
};

/** A case created by the import, inserted at the end with its aggregates computed in memory. */
export type CaseRow = {
  readonly caseId: string;
  readonly debtorId: string;
  readonly currency: string;
  readonly totals: CaseTotals;
};

export type ClaimRow = {
  readonly claimId: string;
  readonly debtorId: string;
  readonly caseId: string;
  readonly invoiceNumber: string;
  readonly issueDate: string | null;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly outstandingMinor: number;
  readonly currency: string;
  readonly status: string;
  readonly disputeReason: string | null;
  readonly prescriptionBasis: string;
  readonly prescriptionEnd: string;
  readonly externalRef: string | null;
  readonly description: string | null;
  readonly contentHash: string;
};

export type RejectionRow = {
  readonly rowNumber: number;
  readonly column: string;
  readonly reason: string;
  readonly message: string;
  readonly raw: string;
};

/** Everything one batch writes, in dependency order. */
export type BatchWrite = {
  readonly debtorInserts: DebtorRow[];
  readonly debtorUpdates: DebtorRow[];
  readonly contacts: ContactRow[];
  readonly cases: CaseRow[];
  readonly claimInserts: ClaimRow[];
  readonly claimUpdates: ClaimRow[];
  readonly rejections: RejectionRow[];
};

export function emptyBatch(): BatchWrite {
  return {
    debtorInserts: [],
    debtorUpdates: [],
    contacts: [],
    cases: [],
    claimInserts: [],
    claimUpdates: [],
    rejections: [],
  };
}

/**
 * The hot path of an import, one implementation per engine with its raw driver: better-sqlite3 prepared
 * statements, PostgreSQL `unnest` arrays. Everything else goes through Kysely.
 */
export type ClaimStore = {
  /** The creditor's claims among these invoice numbers (one query per batch). */
  findClaims(invoiceNumbers: readonly string[]): Promise<ReadonlyMap<string, ExistingClaim>>;
  /** Writes a batch; an engine may send it and return before it is done (see `flush`). */
  write(batch: BatchWrite): Promise<void>;
  /** Waits for every write sent; rethrows the first failure. */
  flush(): Promise<void>;
};

/** Whether the creditor has any claim yet: a first import needs no lookups. */
export async function creditorHasClaims(
  trx: Transaction<Database>,
  tenantId: string,
  creditorId: string,
): Promise<boolean> {
  const any = await trx
    .selectFrom('claims')
    .select('claim_id')
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .limit(1)
    .executeTakeFirst();
  return any !== undefined;
}
