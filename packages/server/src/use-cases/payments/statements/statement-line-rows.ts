import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { LineDecision } from './decide-lines.ts';
import { chunks } from './match-lookup.ts';
import type { LineDraft } from './statement-drafts.ts';

/** Rows per insert: 27 columns × 400 stays under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 400;

export type NewLine = { readonly lineId: string; readonly draft: LineDraft; readonly decision: LineDecision };

/**
 * Writes new statement lines in bulk; a fingerprint stored meanwhile by a concurrent import is skipped
 * (the unique index decides). Returns the fingerprints written.
 */
export async function insertStatementLines(
  trx: Transaction<Database>,
  tenantId: string,
  importId: string,
  now: string,
  lines: readonly NewLine[],
): Promise<ReadonlySet<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(lines, ROWS_PER_INSERT)) {
    const rows = await trx
      .insertInto('statement_lines')
      .values(part.map((l) => lineRow(tenantId, importId, now, l)))
      .onConflict((oc) => oc.columns(['tenant_id', 'fingerprint']).doNothing())
      .returning('fingerprint')
      .execute();
    for (const r of rows) inserted.add(r.fingerprint);
  }
  return inserted;
}

function lineRow(tenantId: string, importId: string, now: string, { lineId, draft, decision }: NewLine) {
  return {
    tenant_id: tenantId,
    line_id: lineId,
    statement_import_id: importId,
    fingerprint: draft.fingerprint,
    account: draft.account,
    direction: draft.direction,
    reversal: draft.reversal ? 1 : 0,
    bank_status: draft.bankStatus,
    amount_minor: draft.amountMinor ?? 0,
    currency: draft.currency,
    booking_date: draft.bookingDate,
    value_date: draft.valueDate,
    end_to_end_id: draft.endToEndId,
    creditor_reference: draft.creditorReference,
    remittance: draft.remittance,
    payer_name: draft.payerName,
    payer_account: draft.payerAccount,
    return_reason: draft.returnReason,
    refs: JSON.stringify(draft.refs),
    match_status: decision.status,
    case_id: decision.caseId,
    confidence: decision.confidence,
    match_reason: JSON.stringify(decision.reason),
    candidates: decision.candidates.length > 0 ? JSON.stringify(decision.candidates) : null,
    payment_id: null,
    resolved_by: null,
    resolved_at: null,
    created_at: now,
    booking_ref: draft.bookingRef,
  };
}
