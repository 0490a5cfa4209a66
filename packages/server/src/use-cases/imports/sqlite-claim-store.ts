import type BetterSqlite3 from 'better-sqlite3';
import { caseStatusOf } from '../../ledger/case-totals.ts';
import type { BatchWrite, ClaimStore, ExistingClaim, StoreContext } from './claim-store.ts';

/** Rows per multi-row INSERT: fewer calls into SQLite, within its limit of 32,766 parameters. */
const ROWS_PER_INSERT = 100;

/**
 * better-sqlite3 prepared statements, run inside the import's transaction (the same connection Kysely
 * holds for it). Synchronous: a batch is written when `write` returns. New rows go in 100 at a time, and
 * what is the same on every row of the import (tenant, creditor, import, instant) is written into the
 * statement rather than bound on each row: a million claims bind five million values fewer.
 */
export function sqliteClaimStore(sqlite: BetterSqlite3.Database, ctx: StoreContext): ClaimStore {
  const { tenantId, creditorId, importId, now } = ctx;
  const t = literal(tenantId);
  const at = literal(now);
  const placement = ctx.placementId ? literal(ctx.placementId) : 'null';
  const insertClaims = rowsInsert(
    sqlite,
    'claims (tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, ' +
      'amount_minor, outstanding_minor, currency, status, dispute_reason, prescription_basis, prescription_end, ' +
      'external_ref, description, import_id, content_hash, created_at, updated_at, placement_id)',
    `(${t},?,${literal(creditorId)},${marks(14)},${literal(importId)},?,${at},${at},${placement})`,
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
  const insertDebtors = rowsInsert(
    sqlite,
    'debtors (tenant_id, debtor_id, creditor_id, ref, kind, name, siren, siret, vat_number, language, ' +
      'time_zone, tags, created_at, updated_at)',
    `(${t},?,${literal(creditorId)},${marks(9)},${at},${at})`,
  );
  // A legal id or tags missing from the row keep those on file.
  const updateDebtor = sqlite.prepare(
    'update debtors set kind = ?, name = ?, siren = coalesce(?, siren), siret = coalesce(?, siret), ' +
      'vat_number = coalesce(?, vat_number), language = ?, time_zone = ?, tags = coalesce(?, tags), ' +
      'updated_at = ? ' +
      'where tenant_id = ? and debtor_id = ?',
  );
  const insertContacts = rowsInsert(
    sqlite,
    'contacts (tenant_id, contact_id, debtor_id, kind, value, label, address_line1, address_line2, ' +
      'postal_code, city, country, validity, consent, raw, source, created_at, updated_at)',
    `(${t},${marks(11)},'unknown',?,${literal(`import:${importId}`)},${at},${at})`,
  );
  const insertCases = rowsInsert(
    sqlite,
    'cases (tenant_id, case_id, creditor_id, debtor_id, currency, status, outstanding_minor, ' +
      'disputed_minor, claim_count, open_claim_count, oldest_due_date, earliest_prescription_end, opened_at, ' +
      'updated_at)',
    `(${t},?,${literal(creditorId)},${marks(9)},${at},${at})`,
  );
  const insertRejection = sqlite.prepare(
    'insert into import_rejections (tenant_id, import_id, row_number, column_name, reason, message, raw) ' +
      'values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
  );

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
      insertDebtors(b.debtorInserts, (p, d) =>
        p.push(
          d.debtorId,
          d.ref,
          d.kind,
          d.name,
          d.siren,
          d.siret,
          d.vatNumber,
          d.language,
          d.timeZone,
          d.tags ?? '[]',
        ),
      );
      for (const d of b.debtorUpdates) {
        updateDebtor.run(
          d.kind,
          d.name,
          d.siren,
          d.siret,
          d.vatNumber,
          d.language,
          d.timeZone,
          d.tags,
          now,
          tenantId,
          d.debtorId,
        );
      }
      insertContacts(b.contacts, (p, c) =>
        p.push(
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
        ),
      );
      insertCases(b.cases, (p, c) => {
        const k = c.totals;
        p.push(
          c.caseId,
          c.debtorId,
          c.currency,
          caseStatusOf(k),
          k.outstandingMinor,
          k.disputedMinor,
          k.claimCount,
          k.openClaimCount,
          k.oldestDueDate,
          k.earliestPrescriptionEnd,
        );
      });
      insertClaims(b.claimInserts, (p, c) =>
        p.push(
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
        ),
      );
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
    },

    async flush() {},
  };
}

/** A text value as an SQL literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(',');
}

/**
 * Inserts rows into `target` ('table (columns)'), ROWS_PER_INSERT per statement: `row` is one row's
 * VALUES tuple (constants and `?`), `push` adds one row's parameters.
 */
function rowsInsert(
  sqlite: BetterSqlite3.Database,
  target: string,
  row: string,
): <T>(rows: readonly T[], push: (params: unknown[], row: T) => void) => void {
  const many = sqlite.prepare(
    `insert into ${target} values ${Array.from({ length: ROWS_PER_INSERT }, () => row).join(',')}`,
  );
  const one = sqlite.prepare(`insert into ${target} values ${row}`);
  const params: unknown[] = [];
  return (rows, push) => {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      params.length = 0;
      for (let k = i; k < i + ROWS_PER_INSERT; k++) push(params, rows[k]!);
      many.run(params);
    }
    for (; i < rows.length; i++) {
      params.length = 0;
      push(params, rows[i]!);
      one.run(params);
    }
  };
}
