import type { Kysely } from 'kysely';

/**
 * Matching bank statement lines to cases (issue #6), set-based for a statement of 10,000 lines against
 * 100,000 cases:
 * - `claims_by_invoice`: an invoice number read in a transfer's text is looked up across creditors (the
 *   unique index leads with the creditor, which the text does not give).
 * - `statement_lines.booking_ref`: the bank's identity of a booking (account, date, direction, reversal,
 *   amount, NtryRef or else AcctSvcrRef). A CAMT.054 notification and the CAMT.053 statement entry it
 *   details have different fingerprints (their detail differs) but the same booking: this links them, so
 *   that money is never booked from both.
 * - `statement_lines_by_end_to_end`: a returned transfer names the end-to-end id of the credit it undoes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createIndex('claims_by_invoice').on('claims').columns(['tenant_id', 'invoice_number']).execute();
  await s.alterTable('statement_lines').addColumn('booking_ref', 'text').execute();
  await s
    .createIndex('statement_lines_by_booking')
    .on('statement_lines')
    .columns(['tenant_id', 'booking_ref'])
    .execute();
  await s
    .createIndex('statement_lines_by_end_to_end')
    .on('statement_lines')
    .columns(['tenant_id', 'end_to_end_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropIndex('statement_lines_by_end_to_end').execute();
  await s.dropIndex('statement_lines_by_booking').execute();
  await s.alterTable('statement_lines').dropColumn('booking_ref').execute();
  await s.dropIndex('claims_by_invoice').execute();
}
