import type { Kysely } from 'kysely';

/**
 * Payments (issue #6): the money that arrives, where it went, and how it came.
 *
 * - `payments`: one row per payment received (card, IVR, transfer from a bank statement, an agent's entry).
 *   `source_key` is the payment's identity at its source (`stripe:pi_…`, `statement:<fingerprint>`, `api:<key>`):
 *   unique per tenant, so a replayed webhook or a re-imported statement books nothing twice. A reversal keeps
 *   the row and marks it 'reversed'.
 * - `payment_allocations`: where each cent went (claim, part: interest / fees / principal, or the case's credit),
 *   with the rule that sent it there (C. civ. 1342-10, 1343-1).
 * - Claims keep what Relance collected on them (`paid_*_minor`); cases keep the credit of an overpayment.
 * - `payment_attempts`: every try to pay on every channel (link, IVR, agent), started → succeeded / failed /
 *   abandoned, with input errors: the funnel.
 * - `payment_links`: the signed, expiring links sent to debtors, kept to revoke them and to count their use.
 * - `webhook_events`: providers' event ids already handled (deduplication).
 * - `statement_imports` and `statement_lines`: bank statements read, each booking once (by its fingerprint),
 *   and what it matched, or why not, for a person to finish.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await s
    .createTable('payments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // 'card' | 'transfer' | 'direct_debit' | 'cheque' | 'cash' | 'other'
    .addColumn('method', 'text', (c) => c.notNull())
    // 'portal' | 'ivr' | 'agent' | 'statement' | 'api' | 'manual'
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('value_on', 'text')
    // 'booked' | 'reversed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('credit_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    // What the case still owed once it was booked (principal, interest, fees): the receipt states it.
    .addColumn('balance_after_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    // JSON string[]: the claims the debtor designated, when any.
    .addColumn('designation', 'text')
    // JSON AllocationStep[]: why each cent went where it went, told on the case in French and English
    .addColumn('explanation', 'text')
    .addColumn('payer_name', 'text')
    .addColumn('reference', 'text')
    .addColumn('attempt_id', 'text')
    .addColumn('statement_line_id', 'text')
    .addColumn('receipt_document_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .addColumn('reversal_reason', 'text')
    .addPrimaryKeyConstraint('payments_pk', ['tenant_id', 'payment_id'])
    .execute();
  await s
    .createIndex('payments_source_unique')
    .on('payments')
    .columns(['tenant_id', 'source_key'])
    .unique()
    .execute();
  await s.createIndex('payments_by_case').on('payments').columns(['tenant_id', 'case_id']).execute();
  await s.createIndex('payments_by_day').on('payments').columns(['tenant_id', 'received_on']).execute();

  await s
    .createTable('payment_allocations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    // null for the part kept as the case's credit
    .addColumn('claim_id', 'text')
    // 'interest' | 'fees' | 'principal' | 'credit'
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_allocations_pk', ['tenant_id', 'payment_id', 'seq'])
    .execute();
  await s
    .createIndex('payment_allocations_by_case')
    .on('payment_allocations')
    .columns(['tenant_id', 'case_id'])
    .execute();
  // The creditor's order between claims when the debtor designates none: 'legal' (C. civ. 1342-10, the
  // default), 'oldest_due_first' or 'proportional'.
  await s
    .alterTable('creditors')
    .addColumn('allocation_order', 'text', (c) => c.notNull().defaultTo('legal'))
    .execute();

  const addBig = async (table: string, name: string) => {
    await s
      .alterTable(table)
      .addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  };
  await addBig('claims', 'paid_principal_minor');
  await addBig('claims', 'paid_interest_minor');
  await addBig('claims', 'paid_fees_minor');
  await addBig('cases', 'paid_minor');
  await addBig('cases', 'credit_minor');

  await s
    .createTable('payment_attempts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('attempt_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    // 'portal' | 'ivr' | 'agent'
    .addColumn('channel', 'text', (c) => c.notNull())
    // 'builtin' | 'stripe' | 'twilio'
    .addColumn('provider', 'text', (c) => c.notNull())
    // the provider's id for it (Checkout Session, PaymentIntent, call SID); unique with the provider
    .addColumn('provider_ref', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // 'started' | 'succeeded' | 'failed' | 'abandoned'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('input_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('link_id', 'text')
    .addColumn('payment_id', 'text')
    // JSON: what the debtor chose around the payment (a plan for the rest, a date…)
    .addColumn('details', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('payment_attempts_pk', ['tenant_id', 'attempt_id'])
    .execute();
  await s
    .createIndex('payment_attempts_provider_ref')
    .on('payment_attempts')
    .columns(['tenant_id', 'provider', 'provider_ref'])
    .unique()
    .execute();
  await s
    .createIndex('payment_attempts_by_case')
    .on('payment_attempts')
    .columns(['tenant_id', 'case_id', 'started_at'])
    .execute();
  await s
    .createIndex('payment_attempts_by_day')
    .on('payment_attempts')
    .columns(['tenant_id', 'started_at'])
    .execute();

  await s
    .createTable('payment_links')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    // 'pay' (the portal of the case); kept for single-purpose links to come
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('opened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_opened_at', 'text')
    .addColumn('failed_checks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_at', 'text')
    .addPrimaryKeyConstraint('payment_links_pk', ['tenant_id', 'link_id'])
    .execute();
  await s
    .createIndex('payment_links_by_case')
    .on('payment_links')
    .columns(['tenant_id', 'case_id'])
    .execute();

  await s
    .createTable('webhook_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // 'processed' | 'ignored'
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('webhook_events_pk', ['tenant_id', 'provider', 'event_id'])
    .execute();

  await s
    .createTable('statement_imports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('statement_import_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    // 'camt.053' | 'camt.054' | 'cfonb120'
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('message_id', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('new_count', 'integer', (c) => c.notNull())
    .addColumn('matched_count', 'integer', (c) => c.notNull())
    .addColumn('review_count', 'integer', (c) => c.notNull())
    // JSON: the reader's warnings
    .addColumn('warnings', 'text')
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_imports_pk', ['tenant_id', 'statement_import_id'])
    .execute();

  await s
    .createTable('statement_lines')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('statement_import_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    // 'credit' | 'debit'
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('reversal', 'integer', (c) => c.notNull().defaultTo(0))
    // the bank's status: 'booked' | 'pending' | 'info'
    .addColumn('bank_status', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('booking_date', 'text')
    .addColumn('value_date', 'text')
    .addColumn('end_to_end_id', 'text')
    .addColumn('creditor_reference', 'text')
    .addColumn('remittance', 'text')
    .addColumn('payer_name', 'text')
    .addColumn('payer_account', 'text')
    .addColumn('return_reason', 'text')
    // JSON: every reference the reader found (batch, structured references, bank references)
    .addColumn('refs', 'text')
    // 'matched' | 'review' | 'ambiguous' | 'unmatched' | 'ignored' | 'reversal'
    .addColumn('match_status', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('confidence', 'integer')
    // JSON: how it was matched (or why not) and the candidates a person chooses from
    .addColumn('match_reason', 'text')
    .addColumn('candidates', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_lines_pk', ['tenant_id', 'line_id'])
    .execute();
  await s
    .createIndex('statement_lines_fingerprint')
    .on('statement_lines')
    .columns(['tenant_id', 'fingerprint'])
    .unique()
    .execute();
  await s
    .createIndex('statement_lines_to_review')
    .on('statement_lines')
    .columns(['tenant_id', 'match_status', 'booking_date'])
    .execute();
  await s
    .createIndex('statement_lines_by_import')
    .on('statement_lines')
    .columns(['tenant_id', 'statement_import_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  for (const table of [
    'statement_lines',
    'statement_imports',
    'webhook_events',
    'payment_links',
    'payment_attempts',
    'payment_allocations',
    'payments',
  ]) {
    await s.dropTable(table).execute();
  }
  for (const [table, column] of [
    ['claims', 'paid_principal_minor'],
    ['claims', 'paid_interest_minor'],
    ['claims', 'paid_fees_minor'],
    ['cases', 'paid_minor'],
    ['cases', 'credit_minor'],
    ['creditors', 'allocation_order'],
  ] as const) {
    await s.alterTable(table).dropColumn(column).execute();
  }
}
