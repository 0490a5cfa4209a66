import type BetterSqlite3 from 'better-sqlite3';
import { caseStatusOf } from '../../ledger/case-totals.ts';
import type { BatchWrite, ClaimStore, ExistingClaim, StoreContext } from './claim-store.ts';

const CLAIM_COLUMNS =
  'tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, amount_minor, ' +
  'outstanding_minor, currency, status, dispute_reason, prescription_basis, prescription_end, external_ref, ' +
  'description, import_id, content_hash, created_at, updated_at';

/** Rows per multi-row INSERT: fewer calls into SQLite, within its limit of 32,766 parameters. */
const CLAIMS_PER_INSERT = 100;

/**
 * better-sqlite3 prepared statements, run inside the import's transaction (the same connection Kysely
 * holds for it). Synchronous: a batch is written when `write` returns.
 */
export function sqliteClaimStore(sqlite: BetterSqlite3.Database, ctx: StoreContext): ClaimStore {
  const { tenantId, creditorId, importId, now } = ctx;
  // What is the same on every claim of the import is written into the statement, not bound on each row:
  // a million rows bind five million values fewer.
  const claimValues = `(${literal(tenantId)},?,${literal(creditorId)},${Array.from({ length: 14 }, () => '?').join(',')},${literal(importId)},?,${literal(now)},${literal(now)})`;
  const insertClaim = sqlite.prepare(`insert into claims (${CLAIM_COLUMNS}) values ${claimValues}`);
  const insertClaims = sqlite.prepare(
    `insert into claims (${CLAIM_COLUMNS}) values ${Array.from({ length: CLAIMS_PER_INSERT }, () => claimValues).join(',')}`,
  );
  const updateClaim = sqlite.prepare(
    'update claims set debtor_id = ?, case_id = ?, issue_date = ?, due_date = ?, amount_minor = ?, ' +
      'outstanding_minor = ?, currency = ?, status = ?, dispute_reason = ?, prescription_basis = ?, ' +
      'prescription_end = ?, external_ref = ?, description = ?, import_id = ?, content_hash = ?, updated_at = ? ' +
      'where tenant_id = ? and claim_id = ?',
  );
  const findClaims = sqlite.prepare(
    'select invoice_number, claim_id, content_hash, case_id, import_id from claims ' +
      'where tenant_id = ? and creditor_id = ? and invoice_number in (select value from json_each(?))',
  );
  const insertDebtor = sqlite.prepare(
    'insert into debtors (tenant_id, debtor_id, creditor_id, ref, kind, name, siren, siret, vat_number, language, ' +
      "time_zone, tags, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)",
  );
  // A legal id missing from the row keeps the one on file.
  const updateDebtor = sqlite.prepare(
    'update debtors set kind = ?, name = ?, siren = coalesce(?, siren), siret = coalesce(?, siret), ' +
      'vat_number = coalesce(?, vat_number), language = ?, time_zone = ?, updated_at = ? ' +
      'where tenant_id = ? and debtor_id = ?',
  );
  const insertContact = sqlite.prepare(
    'insert into contacts (tenant_id, contact_id, debtor_id, kind, value, label, address_line1, address_line2, ' +
      'postal_code, city, country, validity, consent, raw, source, created_at, updated_at) ' +
      "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown', ?, ?, ?, ?)",
  );
  const insertCase = sqlite.prepare(
    'insert into cases (tenant_id, case_id, creditor_id, debtor_id, currency, status, outstanding_minor, ' +
      'disputed_minor, claim_count, open_claim_count, oldest_due_date, earliest_prescription_end, opened_at, ' +
      'updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRejection = sqlite.prepare(
    'insert into import_rejections (tenant_id, import_id, row_number, column_name, reason, message, raw) ' +
      'values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
  );
  const source = `import:${importId}`;

  return {
    async findClaims(invoiceNumbers) {
      const found = new Map<string, ExistingClaim>();
      if (invoiceNumbers.length === 0) return found;
      const rows = findClaims.all(tenantId, creditorId, JSON.stringify(invoiceNumbers)) as {
        invoice_number: string;
        claim_id: string;
        content_hash: string;
        case_id: string;
        import_id: string | null;
      }[];
      for (const r of rows) {
        found.set(r.invoice_number, {
          claimId: r.claim_id,
          contentHash: r.content_hash,
          caseId: r.case_id,
          importId: r.import_id,
        });
      }
      return found;
    },

    async write(b: BatchWrite) {
      for (const d of b.debtorInserts) {
        insertDebtor.run(
          tenantId,
          d.debtorId,
          creditorId,
          d.ref,
          d.kind,
          d.name,
          d.siren,
          d.siret,
          d.vatNumber,
          d.language,
          d.timeZone,
          now,
          now,
        );
      }
      for (const d of b.debtorUpdates) {
        updateDebtor.run(
          d.kind,
          d.name,
          d.siren,
          d.siret,
          d.vatNumber,
          d.language,
          d.timeZone,
          now,
          tenantId,
          d.debtorId,
        );
      }
      for (const c of b.contacts) {
        insertContact.run(
          tenantId,
          c.contactId,
          c.debtorId,
          c.kind,
          c.value,
          c.label,
          c.addressLine1,
          c.addressLine2,
          c.postalCode,
          c.city,
          c.country,
          c.validity,
          c.raw,
          source,
          now,
          now,
        );
      }
      for (const c of b.cases) {
        const t = c.totals;
        insertCase.run(
          tenantId,
          c.caseId,
          creditorId,
          c.debtorId,
          c.currency,
          caseStatusOf(t),
          t.outstandingMinor,
          t.disputedMinor,
          t.claimCount,
          t.openClaimCount,
          t.oldestDueDate,
          t.earliestPrescriptionEnd,
          now,
          now,
        );
      }

      const claims = b.claimInserts;
      const params: unknown[] = [];
      let i = 0;
      for (; i + CLAIMS_PER_INSERT <= claims.length; i += CLAIMS_PER_INSERT) {
        params.length = 0;
        for (let k = i; k < i + CLAIMS_PER_INSERT; k++) pushClaim(params, claims[k]!);
        insertClaims.run(params);
      }
      for (; i < claims.length; i++) {
        params.length = 0;
        pushClaim(params, claims[i]!);
        insertClaim.run(params);
      }
      for (const c of b.claimUpdates) {
        updateClaim.run(
          c.debtorId,
          c.caseId,
          c.issueDate,
          c.dueDate,
          c.amountMinor,
          c.outstandingMinor,
          c.currency,
          c.status,
          c.disputeReason,
          c.prescriptionBasis,
          c.prescriptionEnd,
          c.externalRef,
          c.description,
          importId,
          c.contentHash,
          now,
          tenantId,
          c.claimId,
        );
      }
      for (const r of b.rejections)
        insertRejection.run(tenantId, importId, r.rowNumber, r.column, r.reason, r.message, r.raw);

      function pushClaim(into: unknown[], c: (typeof claims)[number]): void {
        into.push(
          c.claimId,
          c.debtorId,
          c.caseId,
          c.invoiceNumber,
          c.issueDate,
          c.dueDate,
          c.amountMinor,
          c.outstandingMinor,
          c.currency,
          c.status,
          c.disputeReason,
          c.prescriptionBasis,
          c.prescriptionEnd,
          c.externalRef,
          c.description,
          c.contentHash,
        );
      }
    },

    async flush() {},
  };
}

/** A text value as an SQL literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
